using System.Globalization;
using System.Text;
using System.Text.Json;
using ScottPlot;
using Testbed.Bench.Results;

namespace Testbed.Bench.SelfBench;

/// <summary>Writes APP-self.json (raw), APP-self.md (medians, ranges, ratios to separate, copies) and APP-self.png.</summary>
public static class SelfBenchWriter
{
    public static void Write(SelfBenchReport report, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(report, BenchReport.Json) + "\n");
        File.WriteAllText(Path.Combine(directory, name + ".md"), Markdown(report));
        Plot(report, Path.Combine(directory, name + ".png"));
    }

    public static string Markdown(SelfBenchReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        var tests = report.Summary.Select(r => r.Test).Distinct().ToList();
        string app = report.App == "kv" ? "kv" : "tbhttp";
        md.AppendLine($"# {app} in one image: server and client over the in-image loopback");
        md.AppendLine();
        md.AppendLine($"Commit {m.Commit}, {report.StartedUtc:yyyy-MM-dd HH:mm} UTC; {m.Cpu}, {m.Cores} cores, Linux {m.Kernel}."
            + (report.LoadAverage is [var first, var last] ? $" Load average (1 min) at the start and the end: {first:0.00} and {last:0.00}." : ""));
        md.AppendLine(report.App == "kv"
            ? "`kv self-bench` (bench/apps/kv/README.md): the kv server and a client doing what redis-benchmark does "
                + $"({report.Clients} connections, the same key, 3-byte values, `SET` then `GET`, pipelines of 1 and 16), in one process over 127.0.0.1; "
                + $"{report.Requests:N0} requests per test after a tenth as many unrecorded; every reply checked byte for byte. "
            : "`http self-bench` (bench/apps/http/README.md): tbhttp and a client doing what wrk does "
                + $"({report.Clients} keep-alive connections, one request in flight on each), in one process over 127.0.0.1; "
                + $"{report.Seconds} s per path after a tenth as long unrecorded; every response checked (status, Content-Length, every byte of the body). ");
        md.AppendLine($"{report.Rounds} rounds, each running every configuration once, the order rotated every round. "
            + "On Testbed the connection is the library OS's in-image loopback (no system call, no tap); on CoreCLR it is the kernel's loopback, "
            + "with real threads: a reference, not a like-for-like baseline. "
            + (report.PinnedTo != null ? $"Every process pinned to {report.PinnedTo}, so all configurations, CoreCLR's threads included, run on one core." : "Processes not pinned (taskset missing)."));
        if (report.Quick) md.AppendLine("\n**A smoke run (--quick): it shows that everything builds and answers, not how fast it is.**");
        md.AppendLine();
        md.AppendLine($"Reproduce: `{report.Command}`");
        md.AppendLine();
        md.AppendLine("## Requests per second (median over rounds, min – max)");
        md.AppendLine();
        md.AppendLine("| configuration | " + string.Join(" | ", tests) + " | bytes copied per request |");
        md.AppendLine("|---|" + string.Concat(tests.Select(_ => "---:|")) + "---:|");
        foreach (var config in report.Configurations)
        {
            var rows = report.Summary.Where(r => r.Config == config.Name).ToList();
            if (rows.Count == 0)
            {
                md.AppendLine($"| {config.Label} | " + string.Join(" | ", tests.Select(_ => "failed")) + " | |");
                continue;
            }
            string Cell(string test) => rows.FirstOrDefault(r => r.Test == test) is { } r ? $"**{Plots.Compact(r.RpsMedian)}** ({Plots.Compact(r.RpsMin)} – {Plots.Compact(r.RpsMax)})" : "–";
            string copied = rows[0].BytesCopiedPerRequest is { } b ? b.ToString("0", CultureInfo.InvariantCulture) : "(not counted)";
            md.AppendLine($"| {config.Label} | " + string.Join(" | ", tests.Select(Cell)) + $" | {copied} |");
        }
        if (report.Summary.Any(r => r.VersusSeparate != null))
        {
            md.AppendLine();
            md.AppendLine("## Against `--pipeline separate`");
            md.AppendLine();
            md.AppendLine("Median over separate's median; in brackets the lowest and highest ratio of the two runs of one round. The issue's goal: whole-system / separate ≥ 1.3×.");
            md.AppendLine();
            md.AppendLine("| configuration | " + string.Join(" | ", tests) + " |");
            md.AppendLine("|---|" + string.Concat(tests.Select(_ => "---:|")));
            foreach (var config in report.Configurations.Where(c => c.Name != Configurations.SeparateName))
            {
                var rows = report.Summary.Where(r => r.Config == config.Name && r.VersusSeparate != null).ToList();
                if (rows.Count == 0) continue;
                string Cell(string test) => rows.FirstOrDefault(r => r.Test == test) is { } r
                    ? $"**{r.VersusSeparate:0.00}×** ({r.VersusSeparateMin:0.00} – {r.VersusSeparateMax:0.00})" : "–";
                md.AppendLine($"| {config.Label} | " + string.Join(" | ", tests.Select(Cell)) + " |");
            }
        }
        md.AppendLine();
        md.AppendLine("Bytes copied per request: the library OS's count at every copy site (`TESTBED_NET_STATS=1`) over all requests of the run "
            + "(every test, warm-up included" + (report.App == "http" ? ": a mean over both paths, which the 64 KiB file dominates" : "") + "); "
            + "client and server are both in the image, so a request's bytes are copied on both sides (the request and the response, "
            + "each into a send buffer, into a segment, into a receive buffer and out to the application).");
        var failed = report.Runs.Where(r => r.Error != null).ToList();
        var badConfigs = report.Configurations.Where(c => c.Error != null).ToList();
        if (failed.Count > 0 || badConfigs.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("## Failures (left out of the medians)");
            md.AppendLine();
            foreach (var c in badConfigs) md.AppendLine($"- {c.Name}: not built: {c.Error!.Split('\n')[0]}");
            foreach (var r in failed) md.AppendLine($"- {r.Config}, round {r.Round}: {r.Error}");
        }
        md.AppendLine();
        md.AppendLine("## Commands");
        md.AppendLine();
        foreach (var c in report.Configurations)
            md.AppendLine($"- {c.Name}: `{c.Command}`" + (c.Pipeline != null ? $" (pipeline `{c.Pipeline}`)" : "") + (c.ImageBytes is { } size ? $", image {size:N0} bytes" : ""));
        return md.ToString();
    }

    private static void Plot(SelfBenchReport report, string path)
    {
        var plot = new Plot();
        var tests = report.Summary.Select(r => r.Test).Distinct().ToList();
        var configs = report.Configurations.Where(c => report.Summary.Any(r => r.Config == c.Name)).ToList();
        const double groupWidth = 0.8;
        double width = groupWidth / Math.Max(1, configs.Count);
        for (int c = 0; c < configs.Count; c++)
        {
            bool legend = true;
            for (int t = 0; t < tests.Count; t++)
            {
                if (report.Summary.FirstOrDefault(r => r.Config == configs[c].Name && r.Test == tests[t]) is not { } row) continue;
                double x = t - groupWidth / 2 + width * (c + 0.5);
                Plots.MedianBar(plot, x, width, row.RpsMedian, row.RpsMin, row.RpsMax, Plots.Palette[c % Plots.Palette.Length], legend ? configs[c].Label : null);
                legend = false;
            }
        }
        plot.Axes.Bottom.SetTicks(tests.Select((_, i) => (double)i).ToArray(), tests.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "requests per second (median; error bars: min – max over rounds)";
        plot.Axes.Left.Label.FontSize = 13;
        plot.Axes.Margins(bottom: 0);
        var m = report.Machine;
        plot.Title($"{(report.App == "kv" ? "kv" : "tbhttp")} in one image over the loopback{(report.Quick ? " (smoke run, not a measurement)" : "")} — {m.Commit}, {report.Rounds} rounds, {m.Cpu}, {m.Cores} cores", 13);
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, 1300, 650);
    }
}
