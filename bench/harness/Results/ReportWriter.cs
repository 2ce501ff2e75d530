using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Testbed.Bench.Results;

/// <summary>Writes &lt;bench&gt;.json (raw), &lt;bench&gt;.md (medians, min–max, ratios, goals) and the two charts.</summary>
public static class ReportWriter
{
    public static void Write(BenchReport report, string directory)
    {
        Directory.CreateDirectory(directory);
        string name = report.Bench + (report.Settings.Quick ? "-quick" : "");
        File.WriteAllText(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(report, BenchReport.Json) + "\n");
        File.WriteAllText(Path.Combine(directory, name + ".md"), Markdown(report, name));
        Plots.Throughput(report, Path.Combine(directory, name + "-throughput.png"));
        Plots.Latency(report, Path.Combine(directory, name + "-latency.png"));
    }

    public static string Markdown(BenchReport report, string name)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        var s = report.Settings;
        var tests = report.Summary.Select(r => r.Test).Distinct().ToList();
        string client = report.Bench == "kv"
            ? $"redis-benchmark -t get,set, {s.Connections} clients, {s.Requests:N0} requests per test, P = {string.Join(" and ", s.Pipelines)}"
            : $"wrk, 1 thread, {s.Connections} connections, {s.Seconds:0.###} s per test, {string.Join(" and ", s.Paths)}";
        md.AppendLine($"# {report.Bench}: {Title(report.Bench)}");
        md.AppendLine();
        md.AppendLine($"Commit {m.Commit}, {report.StartedUtc:yyyy-MM-dd HH:mm} UTC; {m.Cpu}, {m.Cores} cores, Linux {m.Kernel}; KVM {m.Kvm}.");
        md.AppendLine($"Client: {client}. Server on CPU {m.ServerCpu}, client on CPU {m.ClientCpu}. {s.Rounds} measured rounds after {s.WarmupRounds} warm-up round(s), the order of the configurations rotated each round; each server is started, warmed up (unrecorded), measured and stopped once per round.");
        md.AppendLine(report.Settings.Quick ? "\n**A smoke run (--quick): too short to compare; it shows that every configuration runs.**" : "");
        md.AppendLine($"Reproduce: `{report.Command}`");
        md.AppendLine();

        md.AppendLine("## Requests per second (median over rounds, min – max)");
        md.AppendLine();
        Table(md, report, tests, r => $"{Number(r.RpsMedian)} ({Number(r.RpsMin)} – {Number(r.RpsMax)})");
        md.AppendLine("## Ratio to the native server (median / median)");
        md.AppendLine();
        Table(md, report, tests, r => r.VersusNative is { } v ? $"{v:0.00}×" : (r.Config == Configurations.NativeName ? "1" : "–"));
        if (report.Summary.Any(r => r.VersusSeparate != null))
        {
            md.AppendLine("## Ratio to `separate`");
            md.AppendLine();
            Table(md, report, tests, r => r.VersusSeparate is { } v ? $"{v:0.00}×" : "–");
        }
        md.AppendLine("## Latency from the client: p50 / p99 in ms (medians over rounds)");
        md.AppendLine();
        Table(md, report, tests, r => $"{r.P50Median:0.###} / {r.P99Median:0.###}");

        md.AppendLine("## Servers");
        md.AppendLine();
        md.AppendLine("| configuration | version | image or binary | start to first answer | RSS after the run | peak RSS | bytes copied per request | command |");
        md.AppendLine("|---|---|---|---|---|---|---:|---|");
        foreach (var c in report.Configurations)
        {
            var startup = Summaries.MedianOf(report.Rounds, c.Name, r => r.StartupMilliseconds);
            var rss = Summaries.MedianOf(report.Rounds, c.Name, r => r.ResidentBytes);
            var peak = Summaries.MedianOf(report.Rounds, c.Name, r => r.PeakResidentBytes);
            string image = c.ImageBytes is { } b ? Bytes(b) + (c.Kind == "coreclr" ? " (app assembly; plus the .NET runtime)" : c.Kind == "native" ? " (the executable; plus shared libraries)" : "") : "–";
            var copies = Summaries.MedianOf(report.Rounds, c.Name, r => r.BytesCopiedPerRequest);
            md.AppendLine($"| {c.Label} | {c.Version} | {image} | {(startup is { } t ? $"{t:0} ms" : "–")} | {(rss is { } r ? Bytes((long)r) : "–")} | {(peak is { } p ? Bytes((long)p) : "–")} | {(copies is { } perRequest ? perRequest.ToString("0.0", CultureInfo.InvariantCulture) : "–")} | `{c.ServerCommand}` |");
        }
        md.AppendLine();
        md.AppendLine("Start to first answer: from just before the server's process starts (for Testbed, the runner, which first makes the namespace and the tap) to its first correct answer to PING or GET. Memory: VmRSS and VmHWM of the server's processes (QEMU's, guest memory included, for PVH). Bytes copied per request: the payload bytes the library OS's stack copied (into and out of socket buffers, segments, the device; `NetCounters`), reported by the linux executable when SIGTERM stops it, over every request the clients sent it, warm-up included; the other builds do not report them.");
        md.AppendLine();
        PerRequestTable(md, report, "Bytes copied per request, by site", "copy site", r => r.CopiedBySite,
            "Medians over the measured rounds, per request served (warm-up included), from the counters the linux executable prints when it stops (`TESTBED_NET_STATS`). \"to the application\" and \"into send buffers\" are the copies a conventional kernel's recv and send make (copy_to_user, copy_from_user); \"by the device\" is the tap's read and write system calls.");
        PerRequestTable(md, report, "Cross-layer calls per request", "caller -> callee",  r => r.LayerCalls,
            "Dynamic calls from one layer into another per request served, counted by images built with `--count-layer-calls` (an instrumented build: its throughput is not comparable).");
        var differing = report.Configurations.Where(c => c.DiffersFromDefaults.Count > 0).ToList();
        if (differing.Count > 0)
        {
            md.AppendLine("## Settings that differ from the defaults");
            md.AppendLine();
            foreach (var c in differing)
                md.AppendLine($"- {c.Label}: {string.Join("; ", c.DiffersFromDefaults.Select(d => $"`{d}`"))}");
            md.AppendLine();
        }
        Goals(md, report);
        var failed = report.Rounds.Where(r => r.Error != null).ToList();
        if (failed.Count > 0)
        {
            md.AppendLine("## Failed rounds (left out of the medians)");
            md.AppendLine();
            foreach (var r in failed)
                md.AppendLine($"- {r.Config}, round {r.Round}: {r.Error!.Split('\n')[0]}");
            md.AppendLine();
        }
        md.AppendLine($"Raw rounds: `{name}.json`; charts: `{name}-throughput.png`, `{name}-latency.png`.");
        return md.ToString();
    }

    /// <summary>A table of per-request medians of a counter map (copy sites, layer pairs), one column per configuration that has it.</summary>
    private static void PerRequestTable(StringBuilder md, BenchReport report, string title, string keyHeader,
        Func<RoundRecord, IReadOnlyDictionary<string, long>?> counters, string note)
    {
        var measured = report.Rounds.Where(r => !r.Warmup && r.Error == null && counters(r) != null && r.RequestsServed is > 0).ToList();
        if (measured.Count == 0) return;
        var configs = report.Configurations.Where(c => measured.Any(r => r.Config == c.Name)).ToList();
        var keys = measured.SelectMany(r => counters(r)!.Keys).Distinct()
            .OrderByDescending(k => measured.Max(r => (double)counters(r)!.GetValueOrDefault(k) / r.RequestsServed!.Value)).ToList();
        md.AppendLine($"## {title}");
        md.AppendLine();
        md.AppendLine($"| {keyHeader} | {string.Join(" | ", configs.Select(c => c.Label))} |");
        md.AppendLine($"|---|{string.Concat(configs.Select(_ => "---:|"))}");
        foreach (var key in keys)
        {
            var cells = configs.Select(c =>
            {
                var values = measured.Where(r => r.Config == c.Name).Select(r => (double)counters(r)!.GetValueOrDefault(key) / r.RequestsServed!.Value).Order().ToList();
                return values.Count == 0 ? "–" : values[values.Count / 2].ToString("0.0", CultureInfo.InvariantCulture);
            });
            md.AppendLine($"| {key} | {string.Join(" | ", cells)} |");
        }
        md.AppendLine();
        md.AppendLine(note);
        md.AppendLine();
    }

    private static string Title(string bench) => bench == "kv"
        ? "redis-benchmark against redis-server, and kv on CoreCLR and Testbed"
        : "wrk against nginx, and tbhttp on CoreCLR and Testbed";

    private static void Table(StringBuilder md, BenchReport report, IReadOnlyList<string> tests, Func<SummaryRow, string> cell)
    {
        md.AppendLine("| configuration | " + string.Join(" | ", tests) + " |");
        md.AppendLine("|---|" + string.Concat(tests.Select(_ => "---:|")));
        foreach (var c in report.Configurations)
        {
            var cells = tests.Select(t => report.Summary.FirstOrDefault(r => r.Config == c.Name && r.Test == t) is { } row ? cell(row) : "failed");
            md.AppendLine($"| {c.Label} | " + string.Join(" | ", cells) + " |");
        }
        md.AppendLine();
    }

    /// <summary>The issue's goals against this run's medians; a goal whose configurations did not run says so.</summary>
    private static void Goals(StringBuilder md, BenchReport report)
    {
        md.AppendLine("## Goals");
        md.AppendLine();
        double goal = report.Bench == "kv" ? 1.2 : 1.7;
        foreach (var c in report.Configurations.Where(c => c.Kind == "testbed"))
        {
            var rows = report.Summary.Where(r => r.Config == c.Name && r.VersusNative != null).ToList();
            if (rows.Count == 0) continue;
            string verdicts = string.Join(", ", rows.Select(r => $"{r.Test} {r.VersusNative:0.00}× {(r.VersusNative >= goal ? "met" : "not met")}"));
            md.AppendLine($"- {c.Label} / native ≥ {goal}×: {verdicts}.");
        }
        if (!report.Configurations.Any(c => c.Name == Configurations.SeparateName))
            md.AppendLine("- whole-system / separate ≥ 1.3× (stretch 1.7×): not measured; the `separate` pipeline does not exist yet (issue 12).");
        md.AppendLine(report.Bench == "kv"
            ? "- For scale: Unikraft reported 1.10× native Redis (papers/unikraft-eurosys21)."
            : "- For scale: Unikraft reported 1.66× native nginx (papers/unikraft-eurosys21).");
        md.AppendLine();
    }

    internal static string Number(double value) => value.ToString(value >= 100 ? "N0" : "0.0", CultureInfo.InvariantCulture);

    internal static string Bytes(long bytes) => bytes >= 1 << 20
        ? (bytes / 1048576.0).ToString("0.0", CultureInfo.InvariantCulture) + " MiB"
        : (bytes / 1024.0).ToString("0", CultureInfo.InvariantCulture) + " KiB";
}
