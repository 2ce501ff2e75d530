using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Http.Content;
using Http.Server;

namespace Http.SelfBench
{
    /// <summary>
    /// `http self-bench`: the server and a client that does what wrk does (keep-alive connections, one request
    /// in flight on each, for a fixed time), in one process over 127.0.0.1 (README.md, "In-image benchmark").
    /// On Testbed that is the library OS's in-image loopback: no system call and no tap between client and
    /// server, so what remains is the stack's and the application's work, the part that separate and
    /// whole-system compilation differ in (docs/cross-layer.md). On CoreCLR it is the kernel's loopback.
    /// </summary>
    /// <remarks>
    /// Each path runs first for a tenth of the time, unrecorded. Every response is checked: status 200, the
    /// Content-Length of the file and its bytes; anything else ends the run with exit status 1.
    /// </remarks>
    internal static class SelfBenchmark
    {
        public const string Usage = "usage: http self-bench [--connections 30] [--seconds 3] [--paths /index.html,/64k.bin]";

        public static int Run(string[] args, FileTable files)
        {
            int connections = 30;
            double seconds = 3;
            var paths = new List<string> { "/index.html", "/64k.bin" };
            string error = Parse(args, ref connections, ref seconds, paths);
            var bodies = new List<byte[]>();
            foreach (string path in paths)
            {
                if (error != null)
                    break;
                StaticFile file = files.Find(Ascii(path), out bool isDirectory);
                if (file == null || isDirectory)
                    error = "--paths: no file " + path + " is served";
                else
                    bodies.Add(file.Body);
            }
            if (error != null)
            {
                Console.WriteLine("http self-bench: " + error);
                Console.WriteLine(Usage);
                return 2;
            }

            var options = new ServerOptions();
            options.Bind = "127.0.0.1";
            options.Port = 0;
            options.AccessLog = false;
            var server = new HttpServer(options, files);
            Socket listener = server.Listen();
            int port = ((IPEndPoint)listener.LocalEndPoint).Port;
            var serving = new Thread(() => server.Run(listener));
            serving.IsBackground = true;
            serving.Start();

            long total = 0;
            for (int i = 0; i < paths.Count; i++)
            {
                string failure = Measure(port, paths[i], bodies[i], connections, seconds / 10, out long warmups, out _);
                long requests = 0, nanoseconds = 0;
                if (failure == null)
                    failure = Measure(port, paths[i], bodies[i], connections, seconds, out requests, out nanoseconds);
                if (failure != null)
                {
                    Console.WriteLine("http self-bench: GET " + paths[i] + ": " + failure);
                    return 1;
                }
                total += warmups + requests;
                long perSecond = nanoseconds > 0 ? (long)(requests * 1000000000.0 / nanoseconds) : 0;
                Console.WriteLine("GET " + paths[i] + ": " + requests.ToString() + " requests, " + connections.ToString() + " connections, "
                    + (nanoseconds / 1000).ToString() + " us, " + perSecond.ToString() + " requests/s, " + bodies[i].Length.ToString() + " bytes each");
            }
            Console.WriteLine("self-bench: " + total.ToString() + " requests in all, warm-up included");
            return 0;
        }

        private static string Parse(string[] args, ref int connections, ref double seconds, List<string> paths)
        {
            for (int i = 1; i < args.Length; i++)
            {
                string name = args[i];
                if (i + 1 >= args.Length)
                    return "option '" + name + "' needs a value";
                string value = args[++i];
                switch (name)
                {
                    case "--connections":
                        if (!int.TryParse(value, out connections) || connections < 1 || connections > 1000)
                            return "--connections: expected 1 to 1000, got '" + value + "'";
                        break;
                    case "--seconds":
                        if (!int.TryParse(value, out int whole) || whole < 1 || whole > 3600)
                            return "--seconds: expected a whole number from 1 to 3600, got '" + value + "'";
                        seconds = whole;
                        break;
                    case "--paths":
                        paths.Clear();
                        foreach (string path in value.Split(','))
                        {
                            if (path.Length == 0 || path[0] != '/')
                                return "--paths: expected paths starting with / separated by commas, got '" + value + "'";
                            paths.Add(path);
                        }
                        break;
                    default:
                        return "unknown option '" + name + "'";
                }
            }
            return null;
        }

        /// <summary>
        /// One path for <paramref name="seconds"/>: every connection requests it again as soon as its response is
        /// complete. Null, or why it failed (a wrong response, a connection that failed).
        /// </summary>
        private static string Measure(int port, string path, byte[] body, int count, double seconds, out long requests, out long nanoseconds)
        {
            requests = 0;
            nanoseconds = 0;
            byte[] request = Ascii("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port.ToString() + "\r\n\r\n");
            var connections = new BenchConnection[count];
            try
            {
                for (int i = 0; i < connections.Length; i++)
                    connections[i] = new BenchConnection(Connect(port), request, body);
            }
            catch (SocketException e)
            {
                CloseAll(connections);
                return "cannot connect to 127.0.0.1:" + port.ToString() + ": " + e.Message;
            }
            long start = Stopwatch.GetTimestamp();
            long deadline = start + (long)(seconds * Stopwatch.Frequency);
            var threads = new Thread[connections.Length];
            for (int i = 0; i < threads.Length; i++)
            {
                BenchConnection connection = connections[i];
                threads[i] = new Thread(() => connection.Run(deadline));
                threads[i].Start();
            }
            foreach (Thread thread in threads)
                thread.Join();
            nanoseconds = (long)((Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency);
            CloseAll(connections);
            foreach (BenchConnection connection in connections)
            {
                if (connection.Failure != null)
                    return connection.Failure;
                requests += connection.Responses;
            }
            return null;
        }

        private static Socket Connect(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }

        private static void CloseAll(BenchConnection[] connections)
        {
            foreach (BenchConnection connection in connections)
                connection?.Close();
        }

        internal static byte[] Ascii(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
                bytes[i] = (byte)text[i];
            return bytes;
        }
    }
}
