// bench/net's report: netbench-report RAW.jsonl META.json OUTDIR
// RAW: one line per test and round, as measure.sh records them ({round, config, command, result});
// META: the machine, the commit, the settings, the servers' commands. Writes OUTDIR/net.json (META,
// the summary, every round raw), net.md (medians, min–max, ratios against Linux over veth) and the
// ScottPlot charts net-throughput.png and net-latency.png.
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ScottPlot;

static class Program
{
    // The configurations, in the order tables and charts show them.
    static readonly (string Key, string Label)[] Configs =
    [
        ("testbed-tap", "Testbed, tap (linux target)"),
        ("testbed-tap-1mib", "Testbed, tap, 1 MiB socket buffers (informative)"),
        ("coreclr-veth", "Linux, veth (same C# programs on CoreCLR)"),
        ("iperf3-veth", "Linux, veth (iperf3)"),
        ("coreclr-veth-nooffload", "Linux, veth without TSO/GSO/GRO (C#, informative)"),
        ("testbed-loopback", "Testbed, in-image loopback"),
        ("coreclr-loopback", "Linux, kernel loopback (CoreCLR)"),
    ];
    const string Baseline = "coreclr-veth";
    const double GoalGbit = 1.0;
    const double StallMicroseconds = 10_000;

    static int Main(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: netbench-report RAW.jsonl META.json OUTDIR");
            return 2;
        }
        var rows = File.ReadAllLines(args[0]).Where(l => l.Trim().Length > 0).Select(l => JsonNode.Parse(l)!.AsObject()).ToList();
        var meta = JsonNode.Parse(File.ReadAllText(args[1]))!.AsObject();
        string outDir = args[2];
        Directory.CreateDirectory(outDir);

        var throughput = Throughput(rows);
        var latency = Latency(rows);
        var summary = new JsonObject
        {
            ["throughput_gbit_per_s"] = throughput.ToJson(),
            ["latency"] = latency.ToJson(),
            ["goals"] = Goals(throughput, latency),
        };
        var result = new JsonObject
        {
            ["benchmark"] = "bench/net: TCP bulk throughput and request/response latency, Testbed's stack through a tap vs Linux's over veth",
            ["meta"] = meta.DeepClone(),
            ["summary"] = summary,
            ["rounds"] = new JsonArray(rows.Select(r => (JsonNode)r.DeepClone()).ToArray()),
        };
        File.WriteAllText(Path.Combine(outDir, "net.json"), result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.WriteAllText(Path.Combine(outDir, "net.md"), Markdown(meta, throughput, latency, summary));
        PlotThroughput(throughput, meta, Path.Combine(outDir, "net-throughput.png"));
        PlotLatency(latency, meta, Path.Combine(outDir, "net-latency.png"));
        Console.Write(File.ReadAllText(Path.Combine(outDir, "net.md")));
        return 0;
    }

    static double Num(JsonNode? node) => node is JsonValue v && v.TryGetValue<double>(out double d) ? d : double.NaN;
    static bool Ok(JsonObject row) => row["result"]?["ok"] is JsonValue v && v.TryGetValue<bool>(out bool ok) && ok;

    static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var s = values.OrderBy(x => x).ToArray();
        return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2;
    }

    // ---- throughput ---------------------------------------------------------------------------------

    /// <summary>One bulk test. CPU shares are of one core over the test: on a CPU (from the scheduler's
    /// schedstat, or iperf3's own accounting), and runnable but waiting for a CPU (other programs' load).</summary>
    sealed record Sample(double Gbit, double ClientCpu, double ServerCpu, double ServerWaiting, double GbitPerServerCore);

    sealed class ThroughputTable
    {
        // (config, direction) -> samples, direction: up (client → server), down (server → client), loop.
        public readonly SortedDictionary<(string Config, string Direction), List<Sample>> Cells = new();
        // "config direction" -> drop reason -> frames, from Testbed's counters.
        public readonly SortedDictionary<string, SortedDictionary<string, int>> DropReasons = new();
        public int Failed;

        public double MedianOf(string config, string direction) =>
            Cells.TryGetValue((config, direction), out var s) ? Median(s.Select(x => x.Gbit).ToList()) : double.NaN;

        public JsonObject ToJson()
        {
            var o = new JsonObject();
            foreach (var ((config, direction), samples) in Cells)
            {
                var g = samples.Select(s => s.Gbit).ToList();
                double baseline = MedianOf(BaselineFor(config), direction);
                o[config + "/" + direction] = new JsonObject
                {
                    ["rounds"] = g.Count,
                    ["median"] = Math.Round(Median(g), 4),
                    ["min"] = Math.Round(g.Min(), 4),
                    ["max"] = Math.Round(g.Max(), 4),
                    ["ratio_to_linux_median"] = double.IsNaN(baseline) ? null : Math.Round(Median(g) / baseline, 3),
                    ["client_cpu_utilisation_median"] = Round(Median(samples.Select(s => s.ClientCpu).Where(x => !double.IsNaN(x)).ToList()), 3),
                    ["server_cpu_utilisation_median"] = Round(Median(samples.Select(s => s.ServerCpu).Where(x => !double.IsNaN(x)).ToList()), 3),
                    ["server_waiting_for_cpu_median"] = Round(Median(samples.Select(s => s.ServerWaiting).Where(x => !double.IsNaN(x)).ToList()), 3),
                    ["gbit_per_s_per_server_core_median"] = Round(Median(samples.Select(s => s.GbitPerServerCore).Where(x => !double.IsNaN(x)).ToList()), 3),
                };
            }
            return o;
        }
    }

    static JsonNode? Round(double x, int digits) => double.IsNaN(x) ? null : Math.Round(x, digits);

    /// <summary>What a configuration's ratio is taken against: the tap and veth runs against Linux over veth
    /// with the same programs, the in-image loopback against the kernel's loopback.</summary>
    static string BaselineFor(string config) => config.EndsWith("loopback") ? "coreclr-loopback" : Baseline;

    static ThroughputTable Throughput(List<JsonObject> rows)
    {
        var table = new ThroughputTable();
        foreach (var row in rows)
        {
            var r = row["result"]!;
            string? test = r["test"]?.GetValue<string>();
            if (test is not ("up" or "down" or "loop")) { if (!Ok(row) && r["size"] is null && test is null) table.Failed++; continue; }
            if (!Ok(row)) { table.Failed++; continue; }
            string config = row["config"]!.GetValue<string>();
            double wall = Num(r["wall_s"]);
            // CPU time from /proc/PID/stat (it keeps the time of threads that ended during the test, as the
            // CoreCLR server's connection threads do); the time waiting for a CPU only from the live
            // threads' schedstat, so it misses those threads.
            double clientCpu = !double.IsNaN(Num(r["client_cpu_percent"])) ? Num(r["client_cpu_percent"]) / 100 : Num(r["client_cpu_s"]) / wall;
            double serverCpu = !double.IsNaN(Num(r["server_cpu_percent"])) ? Num(r["server_cpu_percent"]) / 100 : Num(r["server_cpu_s"]) / wall;
            double serverWaiting = Num(r["server_runqueue_wait_s"]) / wall;
            double gbit = Num(r["gbit_per_s"]);
            var key = (config, test);
            if (!table.Cells.TryGetValue(key, out var list)) table.Cells[key] = list = new();
            list.Add(new Sample(gbit, clientCpu, serverCpu, serverWaiting, serverCpu > 0 ? gbit / serverCpu : double.NaN));
            if (r["server_counters"] is JsonObject counters)
                foreach (var (name, value) in counters)
                    if (name.StartsWith("dropped_") && name is not ("dropped_unknown_ethertype" or "dropped_not_for_us") && Num(value) > 0)
                    {
                        var reasons = table.DropReasons.TryGetValue($"{config} {test}", out var d) ? d : table.DropReasons[$"{config} {test}"] = new();
                        string reason = name["dropped_".Length..];
                        reasons[reason] = reasons.GetValueOrDefault(reason) + (int)Num(value);
                    }
        }
        return table;
    }

    // ---- latency ------------------------------------------------------------------------------------

    sealed class LatencyCell
    {
        public readonly List<double> P50 = new(), P99 = new(), Max = new(), Rps = new(), First = new(), ServerWaiting = new();
        public int Drops;
        public int Requests, Stalls, DelayedAcks, Retransmissions, Timeouts, Connections;
        public readonly SortedDictionary<string, int> DropReasons = new();
        public bool HasCounters;
        public readonly List<double> SlowMicroseconds = new();
    }

    sealed class LatencyTable
    {
        public readonly SortedDictionary<(string Config, int Size), LatencyCell> Cells = new();
        public int Failed;
        public IEnumerable<int> Sizes => Cells.Keys.Select(k => k.Size).Distinct().OrderBy(x => x);
        public IEnumerable<string> ConfigsPresent => Configs.Select(c => c.Key).Where(c => Cells.Keys.Any(k => k.Config == c));

        public JsonObject ToJson()
        {
            var o = new JsonObject();
            foreach (var ((config, size), c) in Cells)
            {
                var cell = new JsonObject
                {
                    ["rounds"] = c.P50.Count,
                    ["requests"] = c.Requests,
                    ["p50_us_median"] = Round(Median(c.P50), 1),
                    ["p99_us_median"] = Round(Median(c.P99), 1),
                    ["max_us"] = c.Max.Count > 0 ? Math.Round(c.Max.Max(), 1) : null,
                    ["requests_per_s_median"] = Round(Median(c.Rps), 1),
                    ["at_least_10ms"] = c.Stalls,
                    ["first_exchange_us_median"] = Round(Median(c.First.Where(x => !double.IsNaN(x)).ToList()), 1),
                    ["first_exchange_us_max"] = c.First.Any(x => !double.IsNaN(x)) ? Math.Round(c.First.Where(x => !double.IsNaN(x)).Max(), 1) : null,
                    ["server_waiting_for_cpu_median"] = Round(Median(c.ServerWaiting.Where(x => !double.IsNaN(x)).ToList()), 3),
                    ["slow_us"] = new JsonArray(c.SlowMicroseconds.Select(x => (JsonNode)Math.Round(x, 1)).ToArray()),
                };
                if (c.HasCounters)
                {
                    cell["server_delayed_acks"] = c.DelayedAcks;
                    cell["server_retransmissions"] = c.Retransmissions;
                    cell["server_drops_of_tcp_ip_frames"] = c.Drops;
                }
                o[config + "/" + size.ToString(CultureInfo.InvariantCulture)] = cell;
            }
            return o;
        }
    }

    static LatencyTable Latency(List<JsonObject> rows)
    {
        var table = new LatencyTable();
        foreach (var row in rows)
        {
            var r = row["result"]!;
            if (r["test"]?.GetValue<string>() != "rr") continue;
            if (!Ok(row)) { table.Failed++; continue; }
            var key = (row["config"]!.GetValue<string>(), (int)Num(r["size"]));
            if (!table.Cells.TryGetValue(key, out var c)) table.Cells[key] = c = new();
            c.Connections++;
            c.P50.Add(Num(r["p50_us"]));
            c.P99.Add(Num(r["p99_us"]));
            c.Max.Add(Num(r["max_us"]));
            c.Rps.Add(Num(r["requests_per_s"]));
            c.First.Add(Num(r["first_exchange_us"]));
            c.ServerWaiting.Add(Num(r["server_runqueue_wait_s"]) / Num(r["wall_s"]));
            c.Requests += (int)Num(r["requests"]);
            c.Stalls += (int)Num(r["at_least_10ms"]);
            if (r["slow"] is JsonArray slow)
                foreach (var s in slow) c.SlowMicroseconds.Add(Num(s!["us"]));
            if (r["server_counters"] is JsonObject counters)
            {
                c.HasCounters = true;
                c.DelayedAcks += (int)Num(counters["delayed_acks"]);
                c.Retransmissions += (int)Num(counters["retransmissions"]);
                c.Timeouts += (int)Num(counters["retransmission_timeouts"]);
                foreach (var (name, value) in counters)
                    if (name.StartsWith("dropped_") && name is not ("dropped_unknown_ethertype" or "dropped_not_for_us") && Num(value) > 0)
                    {
                        c.Drops += (int)Num(value);
                        c.DropReasons[name["dropped_".Length..]] = c.DropReasons.GetValueOrDefault(name["dropped_".Length..]) + (int)Num(value);
                    }
            }
        }
        return table;
    }

    // ---- goals --------------------------------------------------------------------------------------

    static JsonObject Goals(ThroughputTable t, LatencyTable l)
    {
        double up = t.MedianOf("testbed-tap", "up"), down = t.MedianOf("testbed-tap", "down");
        var tb = l.Cells.Where(c => c.Key.Config == "testbed-tap").Select(c => c.Value).ToList();
        var lx = l.Cells.Where(c => c.Key.Config == Baseline).Select(c => c.Value).ToList();
        int tbSlow = tb.Sum(c => c.Stalls), tbRequests = tb.Sum(c => c.Requests);
        int lxSlow = lx.Sum(c => c.Stalls), lxRequests = lx.Sum(c => c.Requests);
        // The delayed-ACK timer fires once per connection at its start (the connection-start row);
        // any other firing, or a retransmission timeout, is the protocol stalling a measured request.
        int extraDelayedAcks = tb.Sum(c => Math.Max(0, c.DelayedAcks - c.Connections));
        int timeouts = tb.Sum(c => c.Timeouts), retransmissions = tb.Sum(c => c.Retransmissions);
        var reasons = new JsonObject();
        foreach (var c in tb)
            foreach (var (reason, n) in c.DropReasons)
                reasons[reason] = (reasons[reason] is JsonNode old ? old.GetValue<int>() : 0) + n;
        var timeoutSizes = l.Cells.Where(c => c.Key.Config == "testbed-tap" && c.Value.Timeouts > 0).Select(c => (JsonNode)c.Key.Size).ToArray();
        double tbRate = tbRequests > 0 ? (double)tbSlow / tbRequests : double.NaN, lxRate = lxRequests > 0 ? (double)lxSlow / lxRequests : double.NaN;
        var firstTb = tb.SelectMany(c => c.First).Where(x => !double.IsNaN(x)).ToList();
        var firstLx = lx.SelectMany(c => c.First).Where(x => !double.IsNaN(x)).ToList();
        string steady = timeouts > 0 || extraDelayedAcks > 0 ? "no"
            : tbSlow == 0 ? "yes"
            : tbRate <= 2 * lxRate ? "yes, on the stack's counters: no protocol timer fired; the slow requests are as frequent on Linux (the machine's load)"
            : "not shown: no protocol timer fired, but slow requests are more frequent than on Linux (a longer busy server meets more of the machine's load)";
        return new JsonObject
        {
            ["bulk_through_tap_at_least_1_gbit_per_s"] = new JsonObject
            {
                ["up_median"] = Round(up, 4), ["down_median"] = Round(down, 4),
                ["met"] = up >= GoalGbit && down >= GoalGbit,
            },
            ["no_stall_for_1B_to_64KiB_responses_steady_state"] = new JsonObject
            {
                ["testbed_requests_at_least_10ms"] = tbSlow, ["testbed_requests"] = tbRequests,
                ["linux_requests_at_least_10ms"] = lxSlow, ["linux_requests"] = lxRequests,
                ["testbed_delayed_ack_timer_firings_beyond_connection_start"] = extraDelayedAcks,
                ["testbed_retransmission_timeouts"] = timeouts,
                ["testbed_retransmissions"] = retransmissions,
                ["testbed_sizes_with_a_retransmission_timeout"] = new JsonArray(timeoutSizes),
                ["testbed_drops_by_reason"] = reasons,
                ["verdict"] = steady,
                ["met"] = steady.StartsWith("yes"),
            },
            ["no_stall_at_connection_start"] = new JsonObject
            {
                ["testbed_first_exchange_us_median"] = Round(Median(firstTb), 1),
                ["linux_first_exchange_us_median"] = Round(Median(firstLx), 1),
                ["met"] = firstTb.Count > 0 && Median(firstTb) < StallMicroseconds,
            },
        };
    }

    // ---- Markdown -----------------------------------------------------------------------------------

    static string Label(string config) => Configs.FirstOrDefault(c => c.Key == config).Label ?? config;
    static string F(double x, string format = "0.00") => double.IsNaN(x) ? "–" : x.ToString(format, CultureInfo.InvariantCulture);
    static string Us(double us) => double.IsNaN(us) ? "–" : us >= 10_000 ? F(us / 1000, "0.0") + " ms" : us >= 1000 ? F(us / 1000, "0.00") + " ms" : F(us, "0") + " µs";

    static string Markdown(JsonObject meta, ThroughputTable t, LatencyTable l, JsonObject summary)
    {
        var md = new StringBuilder();
        string S(string key) => meta[key]?.ToString() ?? "?";
        md.AppendLine($"# Network stack: bulk throughput and request/response latency ({S("commit")}{(meta["worktree_dirty"]?.GetValue<bool>() == true ? ", with uncommitted changes" : "")})");
        md.AppendLine();
        md.AppendLine($"Reproduce: `{S("reproduce")}` (as root; {S("elapsed_seconds")} s of measuring). Raw rounds, commands and machine: `bench/results/net.json`.");
        md.AppendLine();
        var load = meta["load_average_1_5_15_min"];
        md.AppendLine($"Machine: {S("cpu")}, {S("cores")} cores, Linux {S("kernel")}, .NET {S("dotnet")}, {(string.IsNullOrEmpty(S("iperf3")) ? "no iperf3" : S("iperf3"))}; {S("date")}. " +
            $"Server pinned to CPU {meta["pinning"]?["server_cpu"]}, client to CPU {meta["pinning"]?["client_cpu"]} (`taskset`). " +
            $"Load average (1/5/15 min) at the start {load?["start"]}, after the rounds {string.Join(", ", (load?["after_each_round"] as JsonArray ?? new JsonArray()).Select(x => x!.ToString()))}: " +
            "the machine is shared, so the numbers carry other programs' noise; the configurations are alternated within each round so that it hits all alike.");
        md.AppendLine();
        md.AppendLine($"{S("rounds")} rounds{(S("warmup_rounds") != "0" ? $" after {S("warmup_rounds")} warm-up round (not recorded)" : "")}; bulk tests {S("bulk_seconds")} s each (iperf3 {S("iperf3_seconds")} s), " +
            $"request/response tests {S("rr_requests")} requests or {S("rr_max_seconds")} s each, after {S("rr_warmup_requests")} warm-up requests. Nagle on (no `NoDelay`) on both ends, as a default program has it.");
        md.AppendLine();

        md.AppendLine("## Goals");
        md.AppendLine();
        var goals = summary["goals"]!;
        var bulk = goals["bulk_through_tap_at_least_1_gbit_per_s"]!;
        var steady = goals["no_stall_for_1B_to_64KiB_responses_steady_state"]!;
        var start = goals["no_stall_at_connection_start"]!;
        md.AppendLine("| goal | where we stand | met |");
        md.AppendLine("|---|---|---|");
        md.AppendLine($"| ≥ 1 Gbit/s bulk through the tap, each direction | up {F(Num(bulk["up_median"]))} Gbit/s, down {F(Num(bulk["down_median"]))} Gbit/s (medians) | {(bulk["met"]!.GetValue<bool>() ? "yes" : "**no**")} |");
        string reasonText = string.Join(", ", steady["testbed_drops_by_reason"]!.AsObject().Select(kv => $"{kv.Value} {kv.Key.Replace('_', ' ')}"));
        md.AppendLine($"| no 40 ms stall for 1 B – 64 KiB responses, steady state | requests ≥ 10 ms: Testbed {steady["testbed_requests_at_least_10ms"]} of {steady["testbed_requests"]}, Linux {steady["linux_requests_at_least_10ms"]} of {steady["linux_requests"]}; " +
            $"Testbed's delayed-ACK timer fired {steady["testbed_delayed_ack_timer_firings_beyond_connection_start"]} times beyond the connection starts; retransmission timeouts {steady["testbed_retransmission_timeouts"]} " +
            $"({steady["testbed_retransmissions"]} retransmissions{(reasonText.Length > 0 ? "; frames Testbed dropped: " + reasonText : "")}) | " +
            $"{(steady["met"]!.GetValue<bool>() ? steady["verdict"] : "**" + steady["verdict"] + "**")} |");
        md.AppendLine($"| no 40 ms stall at the start of a connection (client writes twice, then reads) | first exchange: Testbed {Us(Num(start["testbed_first_exchange_us_median"]))}, Linux {Us(Num(start["linux_first_exchange_us_median"]))} (medians) | {(start["met"]!.GetValue<bool>() ? "yes" : "**no**")} |");
        md.AppendLine();

        md.AppendLine("## Bulk throughput (one TCP connection)");
        md.AppendLine();
        md.AppendLine("Gbit/s of payload. *up*: client → server (the server receives), *down*: server → client, *loop*: the server sends to itself over 127.0.0.1. " +
            "Ratio: the median against Linux's over veth with the same C# programs (loopback rows: against the kernel's loopback). " +
            "CPU: share of one core over the test, on a CPU (client, server; the kernel's work done in a process's context counts as its own) and, for the server, runnable but waiting for its CPU (other programs' load: " +
            "when on-CPU + waiting is near 100 %, the server is CPU-bound; for the CoreCLR server it misses the connection's thread, which has ended when it is read). *Per server core*: Gbit/s divided by the server's CPU share, what one whole core would move if the test stays CPU-bound (an estimate that the machine's load disturbs less).");
        md.AppendLine();
        md.AppendLine("| configuration | direction | median | min – max | vs Linux | client CPU | server CPU | server waiting for CPU | per server core |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var (config, _) in Configs)
            foreach (string direction in new[] { "up", "down", "loop" })
            {
                if (!t.Cells.TryGetValue((config, direction), out var samples)) continue;
                var g = samples.Select(s => s.Gbit).ToList();
                double baseline = t.MedianOf(BaselineFor(config), direction);
                string ratio = config == BaselineFor(config) || double.IsNaN(baseline) ? "1" : F(Median(g) / baseline, "0.00") + "×";
                double cc = Median(samples.Select(s => s.ClientCpu).Where(x => !double.IsNaN(x)).ToList());
                double sc = Median(samples.Select(s => s.ServerCpu).Where(x => !double.IsNaN(x)).ToList());
                double sw = Median(samples.Select(s => s.ServerWaiting).Where(x => !double.IsNaN(x)).ToList());
                double pc = Median(samples.Select(s => s.GbitPerServerCore).Where(x => !double.IsNaN(x)).ToList());
                md.AppendLine($"| {Label(config)} | {direction} | **{F(Median(g))}** | {F(g.Min())} – {F(g.Max())} | {ratio} | {Pct(cc)} | {Pct(sc)} | {Pct(sw)} | {F(pc)} |");
            }
        md.AppendLine();

        if (t.DropReasons.Count > 0)
        {
            md.AppendLine("Frames Testbed's server dropped during these tests, by reason (all rounds; `tcp out of window` in *up* tests are the client's tail-loss probes, " +
                "duplicates sent when an ACK is late): " + string.Join("; ", t.DropReasons.Select(kv => $"{kv.Key}: " + string.Join(", ", kv.Value.Select(r => $"{r.Value} {r.Key.Replace('_', ' ')}")))) + ".");
            md.AppendLine();
        }
        md.AppendLine("## Request/response latency (1-byte request, response of the size shown, one connection)");
        md.AppendLine();
        md.AppendLine("p50 and p99: medians over the rounds; max: the largest over all rounds; ≥ 10 ms: requests that took that long (all rounds). " +
            "Testbed's server also reports how often its delayed-ACK timer fired (*dACK*, once per connection is the connection start below), its retransmissions (*rtx*) and the TCP/IP frames it dropped (*drop*) during the tests.");
        md.AppendLine();
        var present = l.ConfigsPresent.ToList();
        var header = new StringBuilder("| response |");
        var line = new StringBuilder("|---|");
        foreach (string c in present)
        {
            string name = c == "testbed-tap" ? "Testbed" : c == "coreclr-veth" ? "Linux" : c;
            header.Append($" {name} p50 | p99 | max | ≥ 10 ms | req/s |");
            line.Append("---|---|---|---|---|");
        }
        if (present.Contains("testbed-tap") && present.Contains(Baseline)) { header.Append(" p50 vs Linux | dACK / rtx / drop |"); line.Append("---|---|"); }
        md.AppendLine(header.ToString());
        md.AppendLine(line.ToString());
        foreach (int size in l.Sizes)
        {
            var row = new StringBuilder($"| {SizeLabel(size)} |");
            foreach (string c in present)
            {
                if (!l.Cells.TryGetValue((c, size), out var cell)) { row.Append(" – | – | – | – | – |"); continue; }
                double max = cell.Max.Count > 0 ? cell.Max.Max() : double.NaN;
                string maxText = max >= StallMicroseconds ? $"**{Us(max)}** ⚠" : Us(max);
                row.Append($" {Us(Median(cell.P50))} | {Us(Median(cell.P99))} | {maxText} | {cell.Stalls} of {cell.Requests} | {F(Median(cell.Rps), "0")} |");
            }
            if (present.Contains("testbed-tap") && present.Contains(Baseline))
            {
                l.Cells.TryGetValue(("testbed-tap", size), out var tb);
                l.Cells.TryGetValue((Baseline, size), out var lx);
                string ratio = tb is null || lx is null ? "–" : F(Median(tb.P50) / Median(lx.P50), "0.00") + "×";
                string counters = tb is { HasCounters: true } ? $"{tb.DelayedAcks} / {tb.Retransmissions} / {tb.Drops}" : "–";
                row.Append($" {ratio} | {counters} |");
            }
            md.AppendLine(row.ToString());
        }
        md.AppendLine();
        // The server's time waiting for its CPU during these tests: the machine's load, which explains
        // slow requests that no protocol timer does.
        var waiting = present.Select(c => (c, w: Median(l.Cells.Where(k => k.Key.Config == c).SelectMany(k => k.Value.ServerWaiting).Where(x => !double.IsNaN(x)).ToList())))
            .Where(x => !double.IsNaN(x.w)).Select(x => $"{Label(x.c)} {Pct(x.w)}");
        md.AppendLine($"The server's time runnable but waiting for its CPU during these tests (median): {string.Join(", ", waiting)}. " +
            "A request that meets such a wait takes milliseconds whatever the protocol does, and the longer a response keeps the server busy, the likelier it is to meet one.");
        md.AppendLine();
        md.AppendLine("**Connection start.** The first exchange of each connection, from `connect` to the first response, is timed apart (not in the table above): the client writes three times " +
            "(command byte, header, first request) before it reads, so with Nagle on its second write waits for the server's ACK of the first.");
        md.AppendLine();
        md.AppendLine("| configuration | first exchange, median | max | connections |");
        md.AppendLine("|---|---|---|---|");
        foreach (string c in present)
        {
            var firsts = l.Cells.Where(k => k.Key.Config == c).SelectMany(k => k.Value.First).Where(x => !double.IsNaN(x)).ToList();
            if (firsts.Count == 0) continue;
            md.AppendLine($"| {Label(c)} | {Us(Median(firsts))} | {Us(firsts.Max())} | {firsts.Count} |");
        }
        md.AppendLine();
        if (t.Failed + l.Failed > 0)
            md.AppendLine($"Failed tests (not in the tables; see `rounds` in net.json): {t.Failed + l.Failed}.\n");
        md.AppendLine("![throughput](net-throughput.png)");
        md.AppendLine();
        md.AppendLine("![latency](net-latency.png)");
        md.AppendLine();
        md.AppendLine("Servers:");
        md.AppendLine();
        foreach (var (key, value) in meta["servers"]!.AsObject())
            if (!string.IsNullOrEmpty(value?.ToString())) md.AppendLine($"- {key}: `{value}`");
        md.AppendLine();
        md.AppendLine($"Clients: `bench/net/Client` on CoreCLR in the client's namespace (`ip netns exec NS taskset -c {meta["pinning"]?["client_cpu"]} dotnet netbench-client.dll TEST ...`; every command is in net.json). Networks: {meta["networks"]?["tap"]}; {meta["networks"]?["veth"]}" +
            (meta["networks"]?["veth_nooffload"] is JsonNode n ? $"; {n}." : "."));
        return md.ToString();
    }

    static string Pct(double x) => double.IsNaN(x) ? "–" : F(100 * x, "0") + " %";
    static string SizeLabel(int size) => size >= 1024 && size % 1024 == 0 ? $"{size / 1024} KiB" : $"{size} B";

    // ---- charts -------------------------------------------------------------------------------------

    static readonly Color[] Palette =
    [
        new Color(0xD6, 0x27, 0x28), // Testbed tap: red
        new Color(0xFF, 0x98, 0x96), // Testbed tap, 1 MiB buffers: light red
        new Color(0x1F, 0x77, 0xB4), // Linux veth C#: blue
        new Color(0x7F, 0x7F, 0x7F), // iperf3: grey
        new Color(0x94, 0x67, 0xBD), // veth without offloads: purple
        new Color(0xFF, 0x7F, 0x0E), // Testbed loopback: orange
        new Color(0x2C, 0xA0, 0x2C), // kernel loopback: green
    ];

    static void PlotThroughput(ThroughputTable t, JsonObject meta, string path)
    {
        // Two panels with their own scales: through a network (up, down) and in one program (loopback),
        // whose tens of Gbit/s would flatten the first.
        var multiplot = new Multiplot();
        var network = multiplot.AddPlot();
        var loopback = multiplot.AddPlot();
        var layout = new ScottPlot.MultiplotLayouts.CustomGrid();
        layout.Set(network, new GridCell(0, 0, 1, 3, 1, 2));
        layout.Set(loopback, new GridCell(0, 2, 1, 3, 1, 1));
        multiplot.Layout = layout;
        ThroughputPanel(t, network, ["up", "down"], goal: true);
        ThroughputPanel(t, loopback, ["loop"], goal: false);
        network.Title($"TCP bulk throughput, one connection ({meta["commit"]}, {meta["rounds"]} rounds, {meta["cpu"]}, {meta["cores"]} cores)", 13);
        loopback.Title("in one program, over 127.0.0.1", 13);
        multiplot.SavePng(path, 1500, 720);
    }

    static void ThroughputPanel(ThroughputTable t, Plot plot, string[] directions, bool goal)
    {
        var configs = Configs.Select((c, i) => (c.Key, c.Label, Index: i)).Where(c => directions.Any(d => t.Cells.ContainsKey((c.Key, d)))).ToList();
        double groupWidth = 0.8;
        var tickPositions = new List<double>();
        var tickLabels = new List<string>();
        var legendDone = new HashSet<string>();
        for (int d = 0; d < directions.Length; d++)
        {
            var inGroup = configs.Where(c => t.Cells.ContainsKey((c.Key, directions[d]))).ToList();
            if (inGroup.Count == 0) continue;
            double width = groupWidth / inGroup.Count;
            for (int i = 0; i < inGroup.Count; i++)
            {
                var c = inGroup[i];
                var g = t.Cells[(c.Key, directions[d])].Select(s => s.Gbit).ToList();
                double x = d - groupWidth / 2 + width * (i + 0.5);
                double median = Median(g);
                var bar = new Bar
                {
                    Position = x, Value = median, Size = width * 0.9,
                    FillColor = Palette[c.Index], LineColor = Palette[c.Index].Darken(0.3),
                    Label = F(median, median >= 10 ? "0.0" : "0.00"),
                };
                var bars = plot.Add.Bars(new[] { bar });
                bars.ValueLabelStyle.FontSize = 11;
                if (legendDone.Add(c.Key)) bars.LegendText = c.Label;
                var err = new ScottPlot.Plottables.ErrorBar([x], [median], [0.0], [0.0], [0.0], [0.0])
                {
                    YErrorPositive = [g.Max() - median],
                    YErrorNegative = [median - g.Min()],
                };
                plot.Add.Plottable(err);
                err.Color = Colors.Black;
                err.LineWidth = 1.5f;
                err.CapSize = 6;
            }
            tickPositions.Add(d);
            tickLabels.Add(directions[d] switch { "up" => "up (client → server)", "down" => "down (server → client)", _ => "loopback" });
        }
        if (goal)
        {
            var line = plot.Add.HorizontalLine(GoalGbit, 1.5f, Colors.Black, LinePattern.Dashed);
            line.LegendText = "goal: 1 Gbit/s through the tap";
        }
        plot.Axes.Bottom.SetTicks(tickPositions.ToArray(), tickLabels.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "Gbit/s (median; error bars: min – max over rounds)";
        plot.Axes.Left.Label.FontSize = 13;
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Bottom);
    }

    static void PlotLatency(LatencyTable l, JsonObject meta, string path)
    {
        var plot = new Plot();
        var sizes = l.Sizes.ToArray();
        // Log10 of microseconds on the vertical axis, with ticks labelled in time units.
        foreach (var (config, label, index) in Configs.Select((c, i) => (c.Key, c.Label, i)))
        {
            if (!l.Cells.Keys.Any(k => k.Config == config)) continue;
            var present = sizes.Select((s, i) => (s, i)).Where(p => l.Cells.ContainsKey((config, p.s))).ToArray();
            double[] xs = present.Select(p => (double)p.i).ToArray();
            foreach (var (name, pattern, pick, marker) in new (string, LinePattern, Func<LatencyCell, double>, MarkerShape)[]
                     {
                         ("p50", LinePattern.Solid, c => Median(c.P50), MarkerShape.FilledCircle),
                         ("p99", LinePattern.Dashed, c => Median(c.P99), MarkerShape.FilledSquare),
                         ("max", LinePattern.Dotted, c => c.Max.Count > 0 ? c.Max.Max() : double.NaN, MarkerShape.OpenTriangleUp),
                     })
            {
                double[] ys = present.Select(p => Math.Log10(Math.Max(1, pick(l.Cells[(config, p.s)])))).ToArray();
                var s = plot.Add.Scatter(xs, ys, Palette[index]);
                s.LinePattern = pattern;
                s.LineWidth = 2;
                s.MarkerShape = marker;
                s.MarkerSize = 7;
                s.LegendText = $"{(config == "testbed-tap" ? "Testbed, tap" : config == "coreclr-veth" ? "Linux, veth" : label)} {name}";
            }
        }
        var flag = plot.Add.HorizontalLine(4, 1.5f, Colors.Black, LinePattern.Dashed);
        flag.LegendText = "10 ms: flagged (a delayed-ACK stall is 40 ms)";
        double[] ticks = [1, 2, 3, 4, 5, 6];
        plot.Axes.Left.SetTicks(ticks, ["10 µs", "100 µs", "1 ms", "10 ms", "100 ms", "1 s"]);
        plot.Axes.SetLimitsY(1, 6);
        plot.Axes.Bottom.SetTicks(sizes.Select((_, i) => (double)i).ToArray(), sizes.Select(SizeLabel).ToArray());
        plot.Axes.Bottom.Label.Text = "response size (request: 1 byte)";
        plot.Axes.Left.Label.Text = "round-trip time (p50, p99: median over rounds; max: over all)";
        plot.Axes.Left.Label.FontSize = 13;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Title($"Request/response latency, one connection ({meta["commit"]}, {meta["rounds"]} rounds)", 13);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 1300, 600);
    }
}
