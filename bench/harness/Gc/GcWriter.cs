using System.Text;
using System.Text.Json;
using ScottPlot;
using Testbed.Bench.Results;

namespace Testbed.Bench.Gc;

/// <summary>Writes gc-generations.json (raw), .md (a table per program and the ratios), .png (wall time) and -pauses.png (kv's pauses, log scale).</summary>
public static class GcWriter
{
    public static void Write(GcReport report, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(report, BenchReport.Json) + "\n");
        File.WriteAllText(Path.Combine(directory, name + ".md"), Markdown(report, name));
        WallPlot(report, Path.Combine(directory, name + ".png"));
        PausePlot(report, Path.Combine(directory, name + "-pauses.png"));
    }

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [GcPrograms.Generational] = "normal build, TESTBED_GC unset: minor collections, adaptive nursery",
        [GcPrograms.Full] = "normal build, TESTBED_GC=full: barrier on, every collection full",
        [GcPrograms.NoBarriers] = "--ablate-write-barriers, TESTBED_GC unset: no barrier, every collection full",
    };

    private static readonly Color[] Palette = [Color.FromHex("#4C72B0"), Color.FromHex("#DD8452"), Color.FromHex("#8C8C8C")];

    public static string Markdown(GcReport report, string name)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        var s = report.Settings;
        md.AppendLine("# gc-generations: the generational collector against full collections, and the write barrier's cost");
        md.AppendLine();
        md.AppendLine($"Commit {m.Commit}, {report.StartedUtc:yyyy-MM-dd HH:mm} UTC; {m.Cpu}, {m.Cores} cores, Linux {m.Kernel}; "
            + (s.TscMhz is { } mhz ? $"TSC {mhz:0.###} MHz, from the {s.TscSource}." : "TSC frequency unknown: cycles are not converted to ms."));
        md.AppendLine($"Measured rounds: {s.Rounds}, after one unrecorded check run (all three configurations must exit 0 and agree: kv's checksum, binarytrees' whole output); "
            + "the order of the configurations rotated each round. Wall: Stopwatch around the process. "
            + $"Max RSS and CPU: {s.MaxRssSource}. kv's GC figures are its own, for its steady phase (after the store is built): "
            + "GC share = pause cycles / cycles, mutator = cycles - pause cycles; medians over rounds of each run's value."
            + (s.LoadAverage is [var first, var last] ? $" Load average (1 min) at the start and the end: {first:0.00} and {last:0.00}, on {m.Cores} cores." : ""));
        if (s.LoadAverage.Count > 0 && s.LoadAverage.Max() > m.Cores)
            md.AppendLine("\n**The machine was busy besides (load average above its cores): wall times are inflated and noisy.**");
        if (s.Quick) md.AppendLine("\n**A smoke run (--quick): small inputs, one round; it shows that everything builds and agrees, not how fast it is.**");
        md.AppendLine();
        md.AppendLine($"Reproduce: `{report.Command}`");
        md.AppendLine();
        md.AppendLine("Configurations: " + string.Join("; ", GcPrograms.Configs.Select(c => $"`{c}` ({Descriptions[c]})")) + ".");
        md.AppendLine();
        foreach (var p in report.Programs)
        {
            md.AppendLine($"## {p.Name}: `{p.Source} {string.Join(' ', p.Arguments)}`");
            md.AppendLine();
            if (p.Error != null)
            {
                md.AppendLine($"Not measured: {p.Error.Split('\n')[0]}");
                md.AppendLine();
                continue;
            }
            bool counters = GcPrograms.All.FirstOrDefault(g => g.Name == p.Name)?.PrintsCounters ?? false;
            md.AppendLine(counters
                ? "| configuration | wall s (min – max) | CPU s | max RSS | GC share | pause p50 | p99 | max | collections | minor | mutator |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
                : "| configuration | wall s (min – max) | CPU s | max RSS |\n|---|---:|---:|---:|");
            foreach (string config in GcPrograms.Configs)
            {
                if (report.Summary.FirstOrDefault(r => r.Program == p.Name && r.Config == config) is not { } r)
                {
                    md.AppendLine($"| {config} | failed |");
                    continue;
                }
                string row = $"| {config} | {r.MedianSeconds:0.000} ({r.MinSeconds:0.000} – {r.MaxSeconds:0.000}) | {Number(r.MedianCpuSeconds, "0.00")} | "
                    + (r.MedianMaxRssKib is { } k ? ReportWriter.Bytes((long)k * 1024) : "–") + " |";
                if (counters)
                    row += $" {Number(r.GcSharePercent, "0.0")} % | {Ms(r.P50PauseMs)} | {Ms(r.P99PauseMs)} | {Ms(r.MaxPauseMs)} | {Number(r.Collections, "0")} | {Number(r.MinorCollections, "0")} | {Ms(r.MutatorMs)} |";
                md.AppendLine(row);
            }
            md.AppendLine();
        }
        md.AppendLine("## Ratios");
        md.AppendLine();
        md.AppendLine("Speedup = full's median wall time / generational's (above 1: generational is faster). GC share ratio = full's / generational's. "
            + "Barrier cost = (full − no-barriers) / no-barriers: both collect only fully, so the difference is the barrier on the mutator; "
            + "by mutator cycles where the program reports them, else by wall time.");
        md.AppendLine();
        md.AppendLine("| program | generational speedup (wall) | GC share: generational / full | full / generational | barrier cost | measured by |");
        md.AppendLine("|---|---:|---:|---:|---:|---|");
        foreach (var c in report.Comparisons)
            md.AppendLine($"| {c.Program} | {Number(c.GenerationalSpeedup, "0.00")}× | "
                + (c.GcShareGenerational is { } g && c.GcShareFull is { } f ? $"{g:0.0} % / {f:0.0} %" : "–")
                + $" | {(c.GcShareRatio is { } r ? $"{r:0.0}×" : "–")} | {(c.BarrierCostPercent is { } b ? $"{b:+0.0;-0.0} %" : "–")} | {c.BarrierCostBasis ?? "–"} |");
        md.AppendLine();
        var failed = report.Runs.Where(r => r.Error != null).Select(r => $"- {r.Program} on {r.Config}, round {r.Round}: {r.Error!.Split('\n')[0]}").ToList();
        if (failed.Count > 0)
        {
            md.AppendLine("## Failed runs (left out of the medians)");
            md.AppendLine();
            foreach (var f in failed) md.AppendLine(f);
            md.AppendLine();
        }
        md.AppendLine($"Raw runs: `{name}.json`; charts: `{name}.png` (wall time), `{name}-pauses.png` (kv's pauses).");
        return md.ToString();
    }

    private static string Number(double? value, string format) => value is { } v ? v.ToString(format, System.Globalization.CultureInfo.InvariantCulture) : "–";

    private static string Ms(double? ms) => ms switch
    {
        null => "–",
        >= 100 => $"{ms:0} ms",
        >= 1 => $"{ms:0.0} ms",
        _ => $"{ms:0.000} ms",
    };

    /// <summary>Median wall time per program and configuration, min – max as error bars.</summary>
    public static void WallPlot(GcReport report, string path)
    {
        var plot = new Plot();
        var programs = report.Programs.Where(p => report.Summary.Any(r => r.Program == p.Name)).Select(p => p.Name).ToList();
        const double groupWidth = 0.8;
        double width = groupWidth / GcPrograms.Configs.Count;
        for (int k = 0; k < GcPrograms.Configs.Count; k++)
        {
            string config = GcPrograms.Configs[k];
            bool legend = true;
            for (int i = 0; i < programs.Count; i++)
            {
                if (report.Summary.FirstOrDefault(r => r.Program == programs[i] && r.Config == config) is not { } row) continue;
                double x = i - groupWidth / 2 + width * (k + 0.5);
                var bars = plot.Add.Bars(new[] { new Bar { Position = x, Value = row.MedianSeconds, Size = width * 0.9, FillColor = Palette[k], LineColor = Palette[k].Darken(0.3), Label = $"{row.MedianSeconds:0.00} s" } });
                if (legend) bars.LegendText = config;
                legend = false;
                var err = new ScottPlot.Plottables.ErrorBar([x], [row.MedianSeconds], [0.0], [0.0], [row.MedianSeconds - row.MinSeconds], [row.MaxSeconds - row.MedianSeconds])
                {
                    Color = Colors.Black,
                    CapSize = 5,
                };
                plot.Add.Plottable(err);
            }
        }
        plot.Axes.Bottom.SetTicks(programs.Select((_, i) => (double)i).ToArray(), programs.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "wall seconds (median over rounds; error bars min – max)";
        plot.Axes.Margins(bottom: 0);
        Finish(plot, report, "wall time", path);
    }

    /// <summary>kv's pauses per configuration on a log scale: bar p50, ▼ p99, ● max (medians over rounds).</summary>
    public static void PausePlot(GcReport report, string path)
    {
        var plot = new Plot();
        static double Log(double ms) => Math.Log10(Math.Max(ms, 1e-4));
        var rows = GcPrograms.Configs.Select(c => report.Summary.FirstOrDefault(r => r.Program == GcPrograms.KeyValue.Name && r.Config == c)).ToList();
        for (int k = 0; k < rows.Count; k++)
        {
            if (rows[k]?.P50PauseMs is not { } p50) continue;
            // The bars grow from the axis's bottom (10 µs) so that a log bar's length means something.
            var bars = plot.Add.Bars(new[] { new Bar { Position = k, ValueBase = -2, Value = Log(p50), Size = 0.6, FillColor = Palette[k], LineColor = Palette[k].Darken(0.3), Label = Ms(p50) } });
            // One legend entry per kind of mark (the axis names the configurations); a legend with no entries leaves ScottPlot's PNG blank.
            bool first = k == rows.FindIndex(r => r?.P50PauseMs != null);
            if (first) bars.LegendText = "p50";
            if (rows[k]!.P99PauseMs is { } p99) plot.Add.Marker(k, Log(p99), MarkerShape.FilledTriangleDown, 11, Palette[k].Darken(0.4)).LegendText = first ? "p99" : "";
            if (rows[k]!.MaxPauseMs is { } max) plot.Add.Marker(k, Log(max), MarkerShape.FilledCircle, 7, Colors.Black).LegendText = first ? "max" : "";
        }
        plot.Axes.Bottom.SetTicks(GcPrograms.Configs.Select((_, i) => (double)i).ToArray(), GcPrograms.Configs.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.SetTicks([-2, -1, 0, 1, 2, 3, 4], ["10 µs", "100 µs", "1 ms", "10 ms", "100 ms", "1 s", "10 s"]);
        double top = rows.Select(r => r?.MaxPauseMs ?? r?.P99PauseMs ?? 0).Where(v => v > 0).Select(Log).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimits(-0.6, GcPrograms.Configs.Count - 0.4, -2, Math.Max(1, top + 0.5));
        plot.Axes.Left.Label.Text = "kv pause (log): bar p50, ▼ p99, ● max (medians over rounds)";
        Finish(plot, report, "kv pauses", path);
    }

    private static void Finish(Plot plot, GcReport report, string what, string path)
    {
        var m = report.Machine;
        plot.Title($"gc-generations {what}{(report.Settings.Quick ? " (smoke run, not a measurement)" : "")} — {m.Commit}, {report.Settings.Rounds} rounds, {m.Cpu}, {m.Cores} cores", 13);
        plot.Axes.Left.Label.FontSize = 13;
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, 1100, 600);
    }
}
