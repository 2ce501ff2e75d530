// The client of bench/net (protocol: ../server.cs). One test per invocation, one JSON object on stdout:
//   up    HOST PORT SECONDS                  bulk upload for SECONDS; throughput = bytes the server
//                                            counted / time until its count arrived
//   down  HOST PORT SECONDS                  bulk download for SECONDS; bytes received / time
//   rr    HOST PORT SIZE COUNT MAXSECONDS NODELAY(0|1)
//                                            1-byte requests answered by SIZE bytes, one at a time,
//                                            COUNT of them or MAXSECONDS, after --warmup requests
//   loop  HOST PORT MILLISECONDS CHUNK       the server uploads to itself over 127.0.0.1 (its clock)
//   stats HOST PORT                          the server's counters
//   wait  HOST PORT SECONDS                  until the server accepts (exit 1 if it does not)
//   quit  HOST PORT                          ends the server
// Options: --server-pid PID adds the server's CPU time during the test (from /proc; same host),
// --stats adds the change in the server's counters during the test (Testbed's stack: frames, segments,
// retransmissions, delayed ACKs...), --warmup N (rr, default 100).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

static class Program
{
    const int IoTimeoutMs = 30_000;
    static int s_serverPid;
    static int s_warmup = 100;
    static bool s_stats;

    static int Main(string[] argv)
    {
        var args = new List<string>();
        for (int i = 0; i < argv.Length; i++)
        {
            if (argv[i] == "--server-pid") s_serverPid = int.Parse(argv[++i], CultureInfo.InvariantCulture);
            else if (argv[i] == "--stats") s_stats = true;
            else if (argv[i] == "--warmup") s_warmup = int.Parse(argv[++i], CultureInfo.InvariantCulture);
            else args.Add(argv[i]);
        }
        if (args.Count < 3)
        {
            Console.Error.WriteLine("usage: netbench-client up|down|rr|loop|stats|wait|quit HOST PORT ... (see Program.cs)");
            return 2;
        }
        var endpoint = new IPEndPoint(IPAddress.Parse(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture));
        double Arg(int i) => double.Parse(args[i], CultureInfo.InvariantCulture);
        try
        {
            Dictionary<string, object> result = args[0] switch
            {
                "up" => Measured(endpoint, () => Upload(endpoint, Arg(3))),
                "down" => Measured(endpoint, () => Download(endpoint, Arg(3))),
                "rr" => Measured(endpoint, () => RequestResponse(endpoint, (int)Arg(3), (int)Arg(4), Arg(5), Arg(6) != 0)),
                "loop" => Measured(endpoint, () => Loopback(endpoint, (int)Arg(3), (int)Arg(4))),
                "stats" => Stats(endpoint),
                "wait" => Wait(endpoint, Arg(3)),
                "quit" => new() { ["reply"] = Command(endpoint, (byte)'Q').Trim() },
                _ => throw new ArgumentException("unknown test " + args[0]),
            };
            Console.WriteLine(JsonSerializer.Serialize(result));
            return result.TryGetValue("ok", out var ok) && ok is false ? 1 : 0;
        }
        catch (Exception e) when (e is SocketException or IOException or TimeoutException)
        {
            Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object> { ["ok"] = false, ["error"] = e.GetType().Name + ": " + e.Message }));
            return 1;
        }
    }

    static Socket Connect(IPEndPoint endpoint, byte command)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            ReceiveTimeout = IoTimeoutMs,
            SendTimeout = IoTimeoutMs,
        };
        socket.Connect(endpoint);
        socket.Send([command]);
        return socket;
    }

    /// <summary>Adds the client's and (with --server-pid) the server's CPU seconds during the test.</summary>
    static Dictionary<string, object> Measured(IPEndPoint endpoint, Func<Dictionary<string, object>> test)
    {
        Dictionary<string, object>? before = s_stats ? Stats(endpoint) : null;
        var self = Process.GetCurrentProcess();
        TimeSpan cpu0 = self.TotalProcessorTime;
        double server0 = ServerCpuSeconds();
        var (serverRun0, serverWait0) = SchedStat(s_serverPid);
        var (clientRun0, clientWait0) = SchedStat(Environment.ProcessId);
        long t0 = Stopwatch.GetTimestamp();
        var result = test();
        double wall = Stopwatch.GetElapsedTime(t0).TotalSeconds;
        self.Refresh();
        var (serverRun1, serverWait1) = SchedStat(s_serverPid);
        var (clientRun1, clientWait1) = SchedStat(Environment.ProcessId);
        result["client_cpu_s"] = Math.Round((self.TotalProcessorTime - cpu0).TotalSeconds, 3);
        // From the scheduler: time on a CPU, and time runnable but waiting for one (other programs' load).
        result["client_run_s"] = Math.Round(clientRun1 - clientRun0, 4);
        result["client_runqueue_wait_s"] = Math.Round(clientWait1 - clientWait0, 4);
        if (s_serverPid != 0)
        {
            result["server_cpu_s"] = Math.Round(ServerCpuSeconds() - server0, 3);
            result["server_run_s"] = Math.Round(serverRun1 - serverRun0, 4);
            result["server_runqueue_wait_s"] = Math.Round(serverWait1 - serverWait0, 4);
        }
        result["wall_s"] = Math.Round(wall, 4);
        if (before is not null)
        {
            var after = Stats(endpoint);
            var delta = new Dictionary<string, long>();
            foreach (var (key, value) in after)
                if (value is long a && before.TryGetValue(key, out var b) && b is long bl)
                    delta[key] = a - bl;
            result["server_counters"] = delta;
        }
        return result;
    }

    /// <summary>utime + stime of every thread of the server (fields 14 and 15 of /proc/PID/stat, in USER_HZ = 100).</summary>
    static double ServerCpuSeconds()
    {
        if (s_serverPid == 0) return 0;
        try
        {
            string stat = File.ReadAllText($"/proc/{s_serverPid}/stat");
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            // fields[0] is field 3 (state): utime is field 14, stime field 15.
            return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
        }
        catch (IOException) { return double.NaN; }
    }

    /// <summary>Sums /proc/PID/task/*/schedstat over the threads: seconds on a CPU, seconds runnable waiting for one.</summary>
    static (double Run, double Wait) SchedStat(int pid)
    {
        if (pid == 0) return (0, 0);
        long run = 0, wait = 0;
        try
        {
            foreach (string task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
            {
                try
                {
                    string[] f = File.ReadAllText(Path.Combine(task, "schedstat")).Split(' ');
                    run += long.Parse(f[0], CultureInfo.InvariantCulture);
                    wait += long.Parse(f[1], CultureInfo.InvariantCulture);
                }
                catch (IOException) { }
            }
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        return (run / 1e9, wait / 1e9);
    }

    static Dictionary<string, object> Upload(IPEndPoint endpoint, double seconds)
    {
        var data = new byte[64 * 1024];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 31 + 7);
        long start = Stopwatch.GetTimestamp();
        using Socket socket = Connect(endpoint, (byte)'U');
        long stop = start + (long)(seconds * Stopwatch.Frequency);
        long sent = 0;
        while (Stopwatch.GetTimestamp() < stop)
            sent += socket.Send(data);
        socket.Shutdown(SocketShutdown.Send);
        var count = new byte[8];
        ReceiveExactly(socket, count);
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        long received = BitConverter.ToInt64(count);
        return new()
        {
            ["ok"] = received == sent,
            ["test"] = "up",
            ["bytes"] = received,
            ["bytes_sent"] = sent,
            ["seconds"] = Math.Round(elapsed, 4),
            ["gbit_per_s"] = Math.Round(received * 8 / elapsed / 1e9, 4),
        };
    }

    static Dictionary<string, object> Download(IPEndPoint endpoint, double seconds)
    {
        var buffer = new byte[256 * 1024];
        long start = Stopwatch.GetTimestamp();
        long received = 0;
        long stop = start + (long)(seconds * Stopwatch.Frequency);
        bool eof = false;
        using (Socket socket = Connect(endpoint, (byte)'D'))
        {
            while (Stopwatch.GetTimestamp() < stop)
            {
                int n = socket.Receive(buffer);
                if (n == 0) { eof = true; break; }
                received += n;
            }
        }
        double elapsed = Stopwatch.GetElapsedTime(start).TotalSeconds;
        return new()
        {
            ["ok"] = !eof && received > 0,
            ["test"] = "down",
            ["bytes"] = received,
            ["seconds"] = Math.Round(elapsed, 4),
            ["gbit_per_s"] = Math.Round(received * 8 / elapsed / 1e9, 4),
        };
    }

    static Dictionary<string, object> RequestResponse(IPEndPoint endpoint, int size, int count, double maxSeconds, bool noDelay)
    {
        // The first exchange, from connect to the first response, is timed on its own: the client writes
        // three times before it reads (command, header, request), the pattern that meets Nagle's
        // algorithm on the client and a delayed ACK on the server. A stats exchange first compiles the
        // client's socket paths (JIT), so that the timed exchange does not include that.
        Command(endpoint, (byte)'S');
        long connectStart = Stopwatch.GetTimestamp();
        using Socket socket = Connect(endpoint, (byte)'P');
        socket.NoDelay = noDelay;
        var header = new byte[5];
        BitConverter.TryWriteBytes(header.AsSpan(0, 4), size);
        header[4] = (byte)(noDelay ? 1 : 0);
        socket.Send(header);
        var request = new byte[] { 1 };
        var response = new byte[size];
        socket.Send(request);
        ReceiveExactly(socket, response);
        double firstUs = Stopwatch.GetElapsedTime(connectStart).TotalMicroseconds;
        for (int i = 1; i < s_warmup; i++)
        {
            socket.Send(request);
            ReceiveExactly(socket, response);
        }
        var latencies = new List<double>(count);
        var slow = new List<object>();
        long start = Stopwatch.GetTimestamp();
        long stop = start + (long)(maxSeconds * Stopwatch.Frequency);
        long t = start;
        while (latencies.Count < count && t < stop)
        {
            long t0 = t;
            socket.Send(request);
            ReceiveExactly(socket, response);
            t = Stopwatch.GetTimestamp();
            double us = (t - t0) * 1e6 / Stopwatch.Frequency;
            latencies.Add(us);
            if (us >= 10_000 && slow.Count < 20)
                slow.Add(new Dictionary<string, object> { ["index"] = latencies.Count - 1, ["us"] = Math.Round(us, 1) });
        }
        double elapsed = (t - start) / (double)Stopwatch.Frequency;
        socket.Shutdown(SocketShutdown.Send);
        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        double P(double q) => sorted.Length == 0 ? double.NaN : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)], 1);
        return new()
        {
            ["ok"] = sorted.Length > 0,
            ["test"] = "rr",
            ["size"] = size,
            ["nodelay"] = noDelay,
            ["requests"] = sorted.Length,
            ["first_exchange_us"] = Math.Round(firstUs, 1),
            ["seconds"] = Math.Round(elapsed, 4),
            ["requests_per_s"] = Math.Round(sorted.Length / elapsed, 1),
            ["min_us"] = sorted.Length > 0 ? Math.Round(sorted[0], 1) : double.NaN,
            ["mean_us"] = sorted.Length > 0 ? Math.Round(sorted.Average(), 1) : double.NaN,
            ["p50_us"] = P(0.50),
            ["p90_us"] = P(0.90),
            ["p99_us"] = P(0.99),
            ["p999_us"] = P(0.999),
            ["max_us"] = sorted.Length > 0 ? Math.Round(sorted[^1], 1) : double.NaN,
            ["at_least_10ms"] = sorted.Count(x => x >= 10_000),
            ["slow"] = slow,
        };
    }

    static Dictionary<string, object> Loopback(IPEndPoint endpoint, int milliseconds, int chunk)
    {
        using Socket socket = Connect(endpoint, (byte)'L');
        var header = new byte[8];
        BitConverter.TryWriteBytes(header.AsSpan(0, 4), milliseconds);
        BitConverter.TryWriteBytes(header.AsSpan(4, 4), chunk);
        socket.Send(header);
        socket.ReceiveTimeout = milliseconds + IoTimeoutMs;
        var values = Parse(ReadAll(socket));
        long bytes = values.TryGetValue("bytes", out var b) ? long.Parse(b, CultureInfo.InvariantCulture) : 0;
        long sent = values.TryGetValue("sent", out var s) ? long.Parse(s, CultureInfo.InvariantCulture) : -1;
        double seconds = values.TryGetValue("ns", out var ns) ? long.Parse(ns, CultureInfo.InvariantCulture) / 1e9 : double.NaN;
        return new()
        {
            ["ok"] = bytes > 0 && bytes == sent,
            ["test"] = "loop",
            ["bytes"] = bytes,
            ["seconds"] = Math.Round(seconds, 4),
            ["gbit_per_s"] = Math.Round(bytes * 8 / seconds / 1e9, 4),
        };
    }

    static Dictionary<string, object> Stats(IPEndPoint endpoint)
    {
        string text = Command(endpoint, (byte)'S').Trim();
        var result = new Dictionary<string, object> { ["test"] = "stats", ["text"] = text };
        foreach (var (k, v) in Parse(text))
            if (long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out long n))
                result[k] = n;
        return result;
    }

    static Dictionary<string, object> Wait(IPEndPoint endpoint, double seconds)
    {
        long stop = Stopwatch.GetTimestamp() + (long)(seconds * Stopwatch.Frequency);
        int attempts = 0;
        while (true)
        {
            attempts++;
            try
            {
                Command(endpoint, (byte)'S');
                return new() { ["ok"] = true, ["attempts"] = attempts };
            }
            catch (SocketException) when (Stopwatch.GetTimestamp() < stop)
            {
                Thread.Sleep(50);
            }
            catch (SocketException e)
            {
                return new() { ["ok"] = false, ["attempts"] = attempts, ["error"] = e.Message };
            }
        }
    }

    static string Command(IPEndPoint endpoint, byte command)
    {
        using Socket socket = Connect(endpoint, command);
        return ReadAll(socket);
    }

    static string ReadAll(Socket socket)
    {
        var text = new StringBuilder();
        var buffer = new byte[4096];
        int n;
        while ((n = socket.Receive(buffer)) > 0)
        {
            text.Append(Encoding.ASCII.GetString(buffer, 0, n));
            if (text.Length > 0 && text[^1] == '\n') break;
        }
        return text.ToString();
    }

    static Dictionary<string, string> Parse(string text)
    {
        var values = new Dictionary<string, string>();
        foreach (string word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int eq = word.IndexOf('=');
            if (eq > 0) values[word[..eq]] = word[(eq + 1)..];
        }
        return values;
    }

    static void ReceiveExactly(Socket socket, byte[] buffer)
    {
        int got = 0;
        while (got < buffer.Length)
        {
            int n = socket.Receive(buffer, got, buffer.Length - got, SocketFlags.None);
            if (n == 0) throw new IOException($"the server closed the connection after {got} of {buffer.Length} bytes");
            got += n;
        }
    }
}
