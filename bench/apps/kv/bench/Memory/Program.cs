// kv-memory, the tool of bench/apps/kv/bench/memory.sh:
//   kv-memory measure NAME HOST PORT PID KEYS RAW.jsonl
//       empties the server (FLUSHALL), loads KEYS keys of 16 bytes with 64-byte values by pipelined SETs,
//       and appends to RAW.jsonl its INFO memory used_memory and its process's resident set (/proc/PID/status)
//       empty, right after loading, and after MEMORY PURGE (redis-server: jemalloc returns free pages; kv: a
//       full collection, so that used_memory counts live objects only).
//   kv-memory report RAW.jsonl META.json OUTDIR
//       writes OUTDIR/kv-memory.json, kv-memory.md and the ScottPlot chart kv-memory.png.
using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScottPlot;

static class Program
{
    const int KeyBytes = 16;
    const int ValueBytes = 64;
    const int Pipeline = 1000;

    // The servers, in the order the table and the chart show them.
    static readonly (string Key, string Label)[] Servers =
    [
        ("redis-server", "redis-server 7.0 (jemalloc)"),
        ("kv-coreclr", "kv on CoreCLR"),
        ("kv-testbed-linux", "kv compiled by Testbed (linux target)"),
    ];

    static int Main(string[] args)
    {
        if (args.Length == 7 && args[0] == "measure")
            return Measure(args[1], args[2], int.Parse(args[3]), int.Parse(args[4]), int.Parse(args[5]), args[6]);
        if (args.Length == 4 && args[0] == "report")
            return Report(args[1], args[2], args[3]);
        Console.Error.WriteLine("usage: kv-memory measure NAME HOST PORT PID KEYS RAW.jsonl | kv-memory report RAW.jsonl META.json OUTDIR");
        return 2;
    }

    static int Measure(string name, string host, int port, int pid, int keys, string rawPath)
    {
        using var client = new Resp(host, port);
        Expect(client.Call("FLUSHALL"), "+OK");
        Expect(client.Call("MEMORY", "PURGE"), "+OK");
        Thread.Sleep(500);
        long usedEmpty = UsedMemory(client), rssEmpty = Rss(pid);

        var sw = Stopwatch.StartNew();
        var batch = new MemoryStream();
        for (int first = 0; first < keys; first += Pipeline)
        {
            batch.SetLength(0);
            int n = Math.Min(Pipeline, keys - first);
            for (int i = first; i < first + n; i++)
                Resp.Encode(batch, "SET", Key(i), Value(i));
            client.Send(batch);
            for (int i = 0; i < n; i++)
                Expect(client.ReadLine(), "+OK");
        }
        double loadSeconds = sw.Elapsed.TotalSeconds;
        Expect(client.Call("DBSIZE"), ":" + keys);
        Expect(client.Call("GET", Key(keys / 2)), "$" + ValueBytes);
        Expect(client.ReadLine(), Value(keys / 2));
        long usedLoaded = UsedMemory(client), rssLoaded = Rss(pid);
        Expect(client.Call("MEMORY", "PURGE"), "+OK");
        Thread.Sleep(500);
        long usedPurged = UsedMemory(client), rssPurged = Rss(pid);
        string version = Info(client, "server").GetValueOrDefault("redis_version", "?");

        var row = new JsonObject
        {
            ["server"] = name,
            ["redis_version_reported"] = version,
            ["keys"] = keys,
            ["key_bytes"] = KeyBytes,
            ["value_bytes"] = ValueBytes,
            ["load_seconds"] = Math.Round(loadSeconds, 3),
            ["used_memory_empty"] = usedEmpty,
            ["used_memory_loaded"] = usedLoaded,
            ["used_memory_purged"] = usedPurged,
            ["rss_empty"] = rssEmpty,
            ["rss_loaded"] = rssLoaded,
            ["rss_purged"] = rssPurged,
        };
        File.AppendAllText(rawPath, row.ToJsonString() + "\n");
        Console.Error.WriteLine($"kv-memory: {name}: {keys} keys loaded in {loadSeconds:0.0} s; used_memory {Mib(usedPurged)} MiB, RSS {Mib(rssPurged)} MiB");
        return 0;
    }

    /// <summary>"key:" and twelve digits: 16 bytes, as redis-benchmark names its keys with -r.</summary>
    static string Key(int i) => "key:" + i.ToString("D12", CultureInfo.InvariantCulture);

    static string Value(int i) => ("value:" + i.ToString("D12", CultureInfo.InvariantCulture) + ":").PadRight(ValueBytes, '.');

    static long UsedMemory(Resp client) => long.Parse(Info(client, "memory")["used_memory"], CultureInfo.InvariantCulture);

    static Dictionary<string, string> Info(Resp client, string section)
    {
        var head = client.Call("INFO", section);
        if (!head.StartsWith('$')) throw new InvalidOperationException("INFO answered " + head);
        var text = client.ReadBulk(int.Parse(head[1..], CultureInfo.InvariantCulture));
        return text.Split("\r\n").Where(l => l.Contains(':') && !l.StartsWith('#'))
            .Select(l => l.Split(':', 2)).ToDictionary(p => p[0], p => p[1]);
    }

    /// <summary>The resident set of the process, in bytes (VmRSS).</summary>
    static long Rss(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            if (line.StartsWith("VmRSS:"))
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        throw new InvalidOperationException($"no VmRSS for process {pid}");
    }

    static void Expect(string actual, string expected)
    {
        if (actual != expected) throw new InvalidOperationException($"expected '{expected}', the server answered '{actual}'");
    }

    static string Mib(long bytes) => (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture);

    static int Report(string rawPath, string metaPath, string outDir)
    {
        var rows = File.ReadAllLines(rawPath).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var meta = JsonNode.Parse(File.ReadAllText(metaPath))!.AsObject();
        var measured = Servers.Where(s => rows.Any(r => (string)r["server"]! == s.Key))
            .Select(s => (s.Key, s.Label, Row: rows.Last(r => (string)r["server"]! == s.Key))).ToList();
        var summary = new JsonObject();
        foreach (var (key, _, row) in measured)
        {
            long keys = (long)row["keys"]!;
            summary[key] = new JsonObject
            {
                ["used_memory"] = (long)row["used_memory_purged"]!,
                ["used_memory_bytes_per_key"] = PerKey(row, "used_memory", keys),
                ["rss"] = (long)row["rss_purged"]!,
                ["rss_bytes_per_key"] = PerKey(row, "rss", keys),
            };
        }
        var result = new JsonObject
        {
            ["benchmark"] = "bench/apps/kv/bench/memory.sh: memory for 1 M keys of 16 bytes with 64-byte values, kv against redis-server",
            ["meta"] = meta.DeepClone(),
            ["summary"] = summary,
            ["raw"] = new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()),
        };
        Directory.CreateDirectory(outDir);
        File.WriteAllText(Path.Combine(outDir, "kv-memory.json"), result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(outDir, "kv-memory.md"), Markdown(meta, measured));
        Chart(meta, measured, Path.Combine(outDir, "kv-memory.png"));
        Console.Write(File.ReadAllText(Path.Combine(outDir, "kv-memory.md")));
        return 0;
    }

    /// <summary>What the data added, per key: after MEMORY PURGE less empty, over the number of keys.</summary>
    static double PerKey(JsonObject row, string what, long keys) =>
        Math.Round(((long)row[what + "_purged"]! - (long)row[what + "_empty"]!) / (double)keys, 1);

    static string Markdown(JsonObject meta, List<(string Key, string Label, JsonObject Row)> measured)
    {
        var md = new StringBuilder();
        long keys = measured.Count > 0 ? (long)measured[0].Row["keys"]! : 0;
        md.Append($"# kv: memory for {keys:N0} keys ({meta["commit"]})\n\n");
        md.Append($"{keys:N0} keys of {KeyBytes} bytes (`key:000000000042`) with {ValueBytes}-byte values, loaded by pipelined SETs ({Pipeline} per batch, one connection) into an empty server: on 127.0.0.1, or for kv compiled by Testbed at 10.0.2.15 on the tap of the namespace `testbed run --net tap` creates (the loader runs in that namespace).\n\n");
        md.Append($"Reproduce: `{meta["command"]}` (raw numbers: `bench/results/kv-memory.json`).\n\n");
        md.Append($"Machine: {meta["cpu"]}, {meta["cores"]} cores, {meta["memory"]} RAM, Linux {meta["kernel"]}, .NET {meta["dotnet"]}, {meta["redis"]}; {meta["date"]}.\n\n");
        md.Append("| server | used_memory | per key | RSS | per key | used_memory before MEMORY PURGE | load time |\n");
        md.Append("|---|---|---|---|---|---|---|\n");
        foreach (var (_, label, row) in measured)
        {
            long k = (long)row["keys"]!;
            md.Append($"| {label} | **{Mib((long)row["used_memory_purged"]!)} MiB** | {PerKey(row, "used_memory", k):0} B | {Mib((long)row["rss_purged"]!)} MiB | {PerKey(row, "rss", k):0} B "
                + $"| {Mib((long)row["used_memory_loaded"]!)} MiB | {((double)row["load_seconds"]!).ToString("0.0", CultureInfo.InvariantCulture)} s |\n");
        }
        var redis = measured.FirstOrDefault(m => m.Key == "redis-server");
        if (redis.Row != null)
        {
            md.Append('\n');
            foreach (var (key, label, row) in measured.Where(m => m.Key != "redis-server"))
                md.Append($"- {label}: used_memory {Ratio(row, redis.Row, "used_memory_purged")} redis-server's, RSS {Ratio(row, redis.Row, "rss_purged")}.\n");
        }
        md.Append("""

            What the columns are:
            - *used_memory*: INFO memory's field after `MEMORY PURGE`. For redis-server, the bytes jemalloc has handed out (size-class
              rounding included, allocator metadata and free pages not). For kv, `GC.GetTotalMemory(false)` after the full collection that
              kv's MEMORY PURGE runs: the live managed objects. Per key on CoreCLR: a 56-byte `KeyEntry` (16 of object header, the key, value
              and chain references, expiry, hash, sampling index), the key and the value as exact-length `byte[]` (24 bytes of header and
              length each: 40 and 88 bytes), and 8 bytes of bucket array (a power of two, load factor at most 1): 192 bytes. On Testbed,
              the same objects in the library OS's heap (libos/memory), whose GetTotalMemory counts them the same way.
            - *per key*: (that after loading − that of the empty server) / number of keys.
            - *RSS*: the process's resident set (`VmRSS`), after the purge: the heap as the OS sees it plus code, runtime and, for a
              garbage-collected heap, room the collector keeps for the next allocations.
            - *used_memory before MEMORY PURGE*: right after loading; for kv it includes garbage not yet collected (request buffers).
            - *load time*: informative only (pipelined, one connection, on a shared machine).

            """);
        return md.ToString();
    }

    static string Ratio(JsonObject a, JsonObject b, string field) =>
        ((long)a[field]! / (double)(long)b[field]!).ToString("0.00", CultureInfo.InvariantCulture) + "×";

    static void Chart(JsonObject meta, List<(string Key, string Label, JsonObject Row)> measured, string path)
    {
        var plot = new Plot();
        Color[] colours = [Colors.SteelBlue, Colors.DarkOrange];
        string[] series = ["used_memory (after MEMORY PURGE)", "resident set (VmRSS)"];
        string[] fields = ["used_memory_purged", "rss_purged"];
        for (int s = 0; s < series.Length; s++)
        {
            var bars = measured.Select((m, i) =>
            {
                double mib = (long)m.Row[fields[s]]! / 1048576.0;
                return new Bar
                {
                    Position = i + (s - 0.5) * 0.38, Value = mib, Size = 0.36,
                    FillColor = colours[s], LineColor = colours[s].Darken(0.3),
                    Label = mib.ToString("0", CultureInfo.InvariantCulture) + " MiB",
                };
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.ValueLabelStyle.FontSize = 12;
            plottable.LegendText = series[s];
        }
        plot.Axes.Bottom.SetTicks(measured.Select((_, i) => (double)i).ToArray(), measured.Select(m => m.Label).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "MiB";
        plot.Axes.Margins(bottom: 0);
        long keys = measured.Count > 0 ? (long)measured[0].Row["keys"]! : 0;
        plot.Title($"Memory for {keys:N0} keys of {KeyBytes} B with {ValueBytes} B values ({meta["commit"]}, {meta["cpu"]})", 13);
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, 1000, 560);
    }
}

/// <summary>A blocking RESP client: requests encoded as arrays of bulk strings, replies read line by line.</summary>
sealed class Resp : IDisposable
{
    private readonly Socket socket;
    private readonly byte[] buffer = new byte[1 << 16];
    private int start, end;

    public Resp(string host, int port)
    {
        socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, ReceiveTimeout = 120_000 };
        socket.Connect(host, port);
    }

    public static void Encode(MemoryStream to, params string[] args)
    {
        to.Write(Encoding.ASCII.GetBytes($"*{args.Length}\r\n"));
        foreach (var a in args)
        {
            to.Write(Encoding.ASCII.GetBytes($"${a.Length}\r\n"));
            to.Write(Encoding.ASCII.GetBytes(a));
            to.Write("\r\n"u8);
        }
    }

    public void Send(MemoryStream request) => socket.Send(request.GetBuffer().AsSpan(0, (int)request.Length));

    /// <summary>Sends a command and returns the first line of its reply.</summary>
    public string Call(params string[] args)
    {
        var request = new MemoryStream();
        Encode(request, args);
        Send(request);
        return ReadLine();
    }

    public string ReadLine()
    {
        while (true)
        {
            int nl = Array.IndexOf(buffer, (byte)'\n', start, end - start);
            if (nl >= 0)
            {
                if (nl == start || buffer[nl - 1] != '\r') throw new InvalidOperationException("a reply line without CR LF");
                var line = Encoding.ASCII.GetString(buffer, start, nl - 1 - start);
                start = nl + 1;
                return line;
            }
            Fill();
        }
    }

    public string ReadBulk(int length)
    {
        var text = new StringBuilder();
        int left = length + 2;
        while (left > 0)
        {
            if (start == end) Fill();
            int n = Math.Min(left, end - start);
            text.Append(Encoding.ASCII.GetString(buffer, start, n));
            start += n;
            left -= n;
        }
        return text.ToString(0, length);
    }

    private void Fill()
    {
        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.Length) throw new InvalidOperationException("reply line too long");
        int n = socket.Receive(buffer, end, buffer.Length - end, SocketFlags.None);
        if (n <= 0) throw new InvalidOperationException("the server closed the connection");
        end += n;
    }

    public void Dispose() => socket.Dispose();
}
