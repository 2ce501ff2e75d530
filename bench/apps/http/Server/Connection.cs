using System;
using System.Net;
using System.Net.Sockets;
using Http.Content;
using Http.Platform;
using Http.Protocol;

namespace Http.Server
{
    /// <summary>
    /// One client connection on its own thread, blocking sockets (README.md, "Concurrency"). Each round:
    /// answer every complete request in the receive buffer (pipelining) into the send buffer, send it with
    /// one Send, then receive more. The receive buffer is also the head size limit, so requests are parsed
    /// where they were received. Timeouts: idle between requests (keep-alive) and for a head (and a body
    /// being skipped) from its first byte, as nginx's keepalive_timeout and client_header_timeout; a head
    /// that does not arrive in time is closed without a response (nginx does the same), logged as 408.
    /// </summary>
    internal sealed class Connection
    {
        /// <summary>The largest request head, and the receive buffer (nginx: large_client_header_buffers 4 8k ≈ 32 KiB; 16 KiB here).</summary>
        public const int ReceiveCapacity = 16 * 1024;
        private const int SendCapacity = 32 * 1024;
        /// <summary>Lingering close: how long and how much to drain before closing a connection with unread input.</summary>
        private const int LingerMilliseconds = 2000;
        private const int LingerBytes = 1024 * 1024;

        private readonly Socket socket;
        private readonly ServerOptions options;
        private readonly byte[] input = new byte[ReceiveCapacity];
        private readonly OutputBuffer output;
        private readonly Request request = new Request();
        private readonly Responder responder;
        private string remote;
        private int start, end;
        private int receiveTimeout;

        public Connection(Socket socket, ServerOptions options, FileTable files)
        {
            this.socket = socket;
            this.options = options;
            output = new OutputBuffer(socket, SendCapacity);
            responder = new Responder(files, options.MaxBodyBytes);
        }

        public void Run()
        {
            try
            {
                socket.NoDelay = true;
                socket.SendTimeout = options.SendTimeoutSeconds * 1000;
                Serve();
            }
            catch (SocketException)
            {
                // The client went away or a send timed out: nothing to answer.
            }
            catch (ObjectDisposedException)
            {
            }
            finally
            {
                socket.Dispose();
            }
        }

        private void Serve()
        {
            long bodyToSkip = 0;
            long headDeadline = 0;
            while (true)
            {
                while (true)
                {
                    if (bodyToSkip > 0)
                    {
                        long take = Math.Min(bodyToSkip, end - start);
                        start += (int)take;
                        bodyToSkip -= take;
                        if (bodyToSkip > 0) break;
                    }
                    if (start == end) break;
                    if (RequestParser.Parse(input, start, end, input.Length, request) == RequestParser.Result.Incomplete)
                        break;
                    bool keepAlive = responder.Respond(input, request, output);
                    if (options.AccessLog)
                        AccessLog.Write(Remote(), input, request, responder.Status, responder.BodyBytes, start, end);
                    if (!keepAlive)
                    {
                        output.Flush();
                        LingeringClose();
                        return;
                    }
                    start += request.HeadLength;
                    bodyToSkip = request.ContentLength > 0 ? request.ContentLength : 0;
                    headDeadline = 0;
                }
                output.Flush();
                Compact();

                bool midRequest = end > 0 || bodyToSkip > 0;
                int timeout = options.KeepAliveSeconds * 1000;
                if (midRequest)
                {
                    long now = Clock.MonotonicMilliseconds();
                    if (headDeadline == 0) headDeadline = now + options.HeaderTimeoutSeconds * 1000L;
                    if (now >= headDeadline)
                    {
                        LogTimeout();
                        return;
                    }
                    // Whole seconds, so that the option is set again only when a second has passed.
                    timeout = (int)((headDeadline - now + 999) / 1000 * 1000);
                }
                if (timeout != receiveTimeout)
                {
                    socket.ReceiveTimeout = timeout;
                    receiveTimeout = timeout;
                }
                int n = socket.Receive(input, end, input.Length - end, SocketFlags.None, out SocketError error);
                if (error == SocketError.TimedOut || error == SocketError.WouldBlock)
                {
                    if (midRequest) LogTimeout();
                    return;
                }
                if (error != SocketError.Success || n == 0)
                    return;
                if (!midRequest) headDeadline = Clock.MonotonicMilliseconds() + options.HeaderTimeoutSeconds * 1000L;
                end += n;
            }
        }

        /// <summary>Moves a partial request to the front of the buffer, so that the whole buffer is there for its head.</summary>
        private void Compact()
        {
            if (start == end)
            {
                start = end = 0;
            }
            else if (start > 0)
            {
                Array.Copy(input, start, input, 0, end - start);
                end -= start;
                start = 0;
            }
        }

        private void LogTimeout()
        {
            if (!options.AccessLog) return;
            request.Reset();
            AccessLog.Write(Remote(), input, request, 408, 0, start, end);
        }

        /// <summary>
        /// Closing with unread input makes the kernel (and our stack) answer with a reset, which can destroy the
        /// response before the client reads it: half-close, then read and drop what still comes, for a while.
        /// </summary>
        private void LingeringClose()
        {
            try
            {
                socket.Shutdown(SocketShutdown.Send);
                socket.ReceiveTimeout = 500;
                long deadline = Clock.MonotonicMilliseconds() + LingerMilliseconds;
                int drained = 0;
                while (drained < LingerBytes && Clock.MonotonicMilliseconds() < deadline)
                {
                    int n = socket.Receive(input, 0, input.Length, SocketFlags.None, out SocketError error);
                    if (error != SocketError.Success || n == 0) break;
                    drained += n;
                }
            }
            catch (SocketException)
            {
            }
        }

        private string Remote()
        {
            if (remote == null)
            {
                try { remote = socket.RemoteEndPoint is IPEndPoint ep ? ep.Address.ToString() : "-"; }
                catch (SocketException) { remote = "-"; }
            }
            return remote;
        }
    }
}
