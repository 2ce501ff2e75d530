using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Kv.Server;

namespace Kv.SelfBench
{
    /// <summary>
    /// `kv self-bench`: the server and a client that does what redis-benchmark does, in one process, talking
    /// over 127.0.0.1 (README.md, "In-image benchmark"). On Testbed that is the library OS's in-image
    /// loopback: no system call, no tap and no second process between client and server, so what remains
    /// is the network stack's and the application's own work, the part that separate and whole-system
    /// compilation differ in (docs/cross-layer.md). On CoreCLR it is the kernel's loopback.
    /// </summary>
    /// <remarks>
    /// Each test runs once with a tenth of the requests, unrecorded (CoreCLR's tiered JIT, first-touch
    /// memory), then measured. Every reply is compared byte for byte with the one Redis gives; a
    /// difference ends the run with exit status 1.
    /// </remarks>
    internal static class SelfBenchmark
    {
        public const string Usage =
            "usage: kv self-bench [--clients 30] [--requests 100000] [--pipelines 1,16] [--tests set,get] [--data-size 3]";

        private const string Key = "key:__rand_int__";

        public static int Run(string[] args)
        {
            var options = new SelfBenchOptions();
            string error = options.Parse(args);
            if (error != null)
            {
                Console.WriteLine("kv self-bench: " + error);
                Console.WriteLine(Usage);
                return 2;
            }

            var config = new ServerConfig();
            config.Bind = "127.0.0.1";
            config.Port = 0;
            var server = new KvServer(config);
            Socket listener = server.Listen();
            int port = ((IPEndPoint)listener.LocalEndPoint).Port;
            var serving = new Thread(() => server.Serve(listener));
            serving.IsBackground = true;
            serving.Start();

            long total = 0;
            foreach (string test in options.Tests)
            {
                foreach (int pipeline in options.Pipelines)
                {
                    int warmup = options.Requests / 10;
                    long nanoseconds = 0;
                    string failure = warmup > 0 ? Measure(port, test, pipeline, warmup, options, out _) : null;
                    if (failure == null)
                        failure = Measure(port, test, pipeline, options.Requests, options, out nanoseconds);
                    if (failure != null)
                    {
                        Console.WriteLine("kv self-bench: " + test + " P=" + pipeline.ToString() + ": " + failure);
                        return 1;
                    }
                    total += warmup + options.Requests;
                    long microseconds = nanoseconds / 1000;
                    long perSecond = nanoseconds > 0 ? (long)(options.Requests * 1000000000.0 / nanoseconds) : 0;
                    Console.WriteLine(test.ToUpperInvariant() + " P=" + pipeline.ToString() + ": " + options.Requests.ToString()
                        + " requests, " + options.Clients.ToString() + " clients, " + microseconds.ToString() + " us, "
                        + perSecond.ToString() + " requests/s");
                }
            }
            Console.WriteLine("self-bench: " + total.ToString() + " requests in all, warm-up included");
            return 0;
        }

        /// <summary>
        /// One test: <paramref name="requests"/> commands spread over the clients' connections, each sending
        /// <paramref name="pipeline"/> at a time and waiting for their replies. Null, or why it failed.
        /// </summary>
        private static string Measure(int port, string test, int pipeline, int requests, SelfBenchOptions options, out long nanoseconds)
        {
            nanoseconds = 0;
            byte[] command = test == "set" ? Resp("SET", Key, new string('x', options.DataSize)) : Resp("GET", Key);
            byte[] reply = test == "set" ? Ascii("+OK\r\n") : Ascii("$" + options.DataSize.ToString() + "\r\n" + new string('x', options.DataSize) + "\r\n");
            var work = new WorkCounter(requests);
            var connections = new BenchConnection[options.Clients];
            try
            {
                for (int i = 0; i < connections.Length; i++)
                    connections[i] = new BenchConnection(Connect(port), command, reply, pipeline, work);
            }
            catch (SocketException e)
            {
                CloseAll(connections);
                return "cannot connect to 127.0.0.1:" + port.ToString() + ": " + e.Message;
            }

            var threads = new Thread[connections.Length];
            long start = Stopwatch.GetTimestamp();
            for (int i = 0; i < threads.Length; i++)
            {
                threads[i] = new Thread(connections[i].Run);
                threads[i].Start();
            }
            foreach (Thread thread in threads)
                thread.Join();
            nanoseconds = (long)((Stopwatch.GetTimestamp() - start) * 1e9 / Stopwatch.Frequency);
            CloseAll(connections);

            long replies = 0;
            foreach (BenchConnection connection in connections)
            {
                if (connection.Failure != null)
                    return connection.Failure;
                replies += connection.Replies;
            }
            return replies == requests ? null : replies.ToString() + " replies to " + requests.ToString() + " requests";
        }

        private static Socket Connect(int port)
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            // hiredis, redis-benchmark's client library, turns Nagle off too.
            socket.NoDelay = true;
            socket.Connect(new IPEndPoint(IPAddress.Loopback, port));
            return socket;
        }

        private static void CloseAll(BenchConnection[] connections)
        {
            foreach (BenchConnection connection in connections)
                connection?.Close();
        }

        /// <summary>A command as a RESP array of bulk strings, as redis-benchmark sends it.</summary>
        private static byte[] Resp(params string[] words)
        {
            string text = "*" + words.Length.ToString() + "\r\n";
            foreach (string word in words)
                text += "$" + word.Length.ToString() + "\r\n" + word + "\r\n";
            return Ascii(text);
        }

        private static byte[] Ascii(string text)
        {
            var bytes = new byte[text.Length];
            for (int i = 0; i < text.Length; i++)
                bytes[i] = (byte)text[i];
            return bytes;
        }
    }

    /// <summary>The requests of one test not yet claimed by a connection.</summary>
    internal sealed class WorkCounter
    {
        private long remaining;

        public WorkCounter(long requests) => remaining = requests;

        /// <summary>Up to <paramref name="most"/> requests for the caller; 0 when all are taken.</summary>
        public int Claim(int most)
        {
            long left = Interlocked.Add(ref remaining, -most);
            if (left >= 0)
                return most;
            long claimed = most + left;
            return claimed > 0 ? (int)claimed : 0;
        }
    }
}
