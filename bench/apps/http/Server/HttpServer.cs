using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Http.Content;

namespace Http.Server
{
    /// <summary>
    /// The listener and its accept loop: a thread per connection (README.md, "Concurrency"). A failing
    /// Accept (out of descriptors, memory) is retried after a pause; a connection's failures end that
    /// connection only.
    /// </summary>
    internal sealed class HttpServer
    {
        /// <summary>Stack for a connection's thread on CoreCLR (Testbed sizes green-thread stacks itself).</summary>
        private const int ThreadStackBytes = 256 * 1024;

        private readonly ServerOptions options;
        private readonly FileTable files;

        public HttpServer(ServerOptions options, FileTable files)
        {
            this.options = options;
            this.files = files;
        }

        /// <summary>Binds and listens; throws SocketException when the address is not available.</summary>
        public Socket Listen()
        {
            var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            listener.Bind(new IPEndPoint(IPAddress.Parse(options.Bind), options.Port));
            listener.Listen(511);
            return listener;
        }

        /// <summary>Accepts and serves until the process ends.</summary>
        public void Run(Socket listener)
        {
            while (true)
            {
                Socket socket;
                try
                {
                    socket = listener.Accept();
                }
                catch (SocketException)
                {
                    Thread.Sleep(10);
                    continue;
                }
                try
                {
                    var connection = new Connection(socket, options, files);
                    var thread = new Thread(connection.Run, ThreadStackBytes) { IsBackground = true };
                    thread.Start();
                }
                catch (Exception)
                {
                    // No thread could be made (out of memory): this client is turned away, the server goes on.
                    socket.Dispose();
                    Thread.Sleep(10);
                }
            }
        }
    }
}
