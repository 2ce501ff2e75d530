using System.Text;
using System.Text.Json;
using ScottPlot;
using Testbed.Bench.Results;

namespace Testbed.Bench.Runtime;

/// <summary>Writes runtime.json (raw), runtime.md (medians, min–max, ratios, goals) and runtime.png (ratios to NativeAOT).</summary>
public static class RuntimeWriter
{
    public static void Write(RuntimeReport report, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(report, BenchReport.Json) + "\n");
        File.WriteAllText(Path.Combine(directory, name + ".md"), Markdown(report, name));
        Plot(report, Path.Combine(directory, name + ".png"));
    }

    private static readonly Dictionary<string, string> Labels = new()
    {
        [RuntimePrograms.CoreClr] = "CoreCLR", [RuntimePrograms.NativeAot] = "NativeAOT", [RuntimePrograms.Testbed] = "Testbed -O2 (linux)",
    };

    public static string Markdown(RuntimeReport report, string name)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        md.AppendLine("# runtime: five programs on CoreCLR, NativeAOT and Testbed");
        md.AppendLine();
        md.AppendLine($"Commit {m.Commit}, {report.StartedUtc:yyyy-MM-dd HH:mm} UTC; {m.Cpu}, {m.Cores} cores, Linux {m.Kernel}; "
            + string.Join(", ", report.Settings.Versions.Select(v => $"{v.Key} {v.Value}")) + ".");
        md.AppendLine($"{report.Settings.Rounds} measured rounds after one unrecorded check run (which compares the three outputs and exit codes); "
            + "in each round every program runs once per configuration, the order of the configurations rotated each round. "
            + $"Time: wall clock of the process, from start to exit (Stopwatch around it). Max RSS and CPU time: {report.Settings.MaxRssSource}."
            + (report.Settings.LoadAverage is [var first, var last] ? $" Load average (1 min) at the start and the end: {first:0.00} and {last:0.00}, on {m.Cores} cores." : ""));
        if (report.Settings.LoadAverage.Count > 0 && report.Settings.LoadAverage.Max() > m.Cores)
            md.AppendLine("\n**The machine was busy besides (load average above its cores): the wall times are inflated and noisy; the CPU times are the steadier figures.**");
        if (report.Settings.Quick) md.AppendLine("\n**A smoke run (--quick): small inputs, one round; it shows that everything builds and agrees, not how fast it is.**");
        md.AppendLine();
        md.AppendLine($"Reproduce: `{report.Command}`");
        md.AppendLine();
        md.AppendLine("## Seconds (median over rounds, min – max) and speed ratios");
        md.AppendLine();
        md.AppendLine("Ratio = the baseline's median time / Testbed's median time: above 1 Testbed is faster. In brackets: the lowest and highest of the per-round ratios (each round's two runs paired).");
        md.AppendLine();
        md.AppendLine("| program | argument | CoreCLR | NativeAOT | Testbed | Testbed vs NativeAOT | Testbed vs CoreCLR | goal vs NativeAOT |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---|");
        foreach (var p in report.Programs)
        {
            RuntimeSummaryRow? Row(string config) => report.Summary.FirstOrDefault(r => r.Program == p.Name && r.Config == config);
            string Time(string config) => Row(config) is { } r ? $"{r.MedianSeconds:0.000} ({r.MinSeconds:0.000} – {r.MaxSeconds:0.000})" : "failed";
            var tb = Row(RuntimePrograms.Testbed);
            string vsAot = tb?.VersusNativeAot is { } a ? $"**{a:0.00}×** ({tb.VersusNativeAotMin:0.00} – {tb.VersusNativeAotMax:0.00})" : "–";
            string vsClr = tb?.VersusCoreClr is { } c ? $"{c:0.00}×" : "–";
            string goal = tb?.VersusNativeAot is { } v ? $"≥ {p.Goal:0.0}×: {(v >= p.Goal ? "met" : "not met")}" : $"≥ {p.Goal:0.0}×: not measured";
            md.AppendLine($"| {p.Name} ({p.Kind}) | {p.Argument} | {Time(RuntimePrograms.CoreClr)} | {Time(RuntimePrograms.NativeAot)} | {Time(RuntimePrograms.Testbed)} | {vsAot} | {vsClr} | {goal} |");
        }
        md.AppendLine();
        md.AppendLine("## CPU seconds, user + sys (median), and Testbed's ratio to NativeAOT by them");
        md.AppendLine();
        md.AppendLine("Less sensitive than wall time to other load on the machine, but not the same measure: CoreCLR's JIT and both runtimes' GC threads add CPU time that may overlap the program's own.");
        md.AppendLine();
        md.AppendLine("| program | CoreCLR | NativeAOT | Testbed | Testbed vs NativeAOT (CPU) |");
        md.AppendLine("|---|---:|---:|---:|---:|");
        foreach (var p in report.Programs)
        {
            double? Cpu(string config) => report.Summary.FirstOrDefault(r => r.Program == p.Name && r.Config == config)?.MedianCpuSeconds;
            string Cell(string config) => Cpu(config) is { } c ? $"{c:0.00}" : "–";
            string ratio = Cpu(RuntimePrograms.NativeAot) is { } a && Cpu(RuntimePrograms.Testbed) is { } t && t > 0 ? $"{a / t:0.00}×" : "–";
            md.AppendLine($"| {p.Name} | {Cell(RuntimePrograms.CoreClr)} | {Cell(RuntimePrograms.NativeAot)} | {Cell(RuntimePrograms.Testbed)} | {ratio} |");
        }
        md.AppendLine();
        md.AppendLine("## Max RSS (median) and binary size");
        md.AppendLine();
        md.AppendLine("| program | CoreCLR | NativeAOT | Testbed | NativeAOT binary | Testbed binary |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var p in report.Programs)
        {
            string Rss(string config) => report.Summary.FirstOrDefault(r => r.Program == p.Name && r.Config == config)?.MedianMaxRssKib is { } k
                ? ReportWriter.Bytes((long)k * 1024) : "–";
            string Size(string config) => p.BinaryBytes.TryGetValue(config, out long b) ? ReportWriter.Bytes(b) : "–";
            md.AppendLine($"| {p.Name} | {Rss(RuntimePrograms.CoreClr)} | {Rss(RuntimePrograms.NativeAot)} | {Rss(RuntimePrograms.Testbed)} | {Size(RuntimePrograms.NativeAot)} | {Size(RuntimePrograms.Testbed)} |");
        }
        md.AppendLine();
        md.AppendLine("## Builds");
        md.AppendLine();
        foreach (string config in RuntimePrograms.Configs)
        {
            var example = report.Programs.FirstOrDefault(p => p.Builds.ContainsKey(config));
            if (example != null) md.AppendLine($"- {Labels[config]}: `{example.Builds[config]}`; run: `{example.Commands[config]}`");
        }
        md.AppendLine("- The CoreCLR and NativeAOT builds share one throwaway project per program (Release, InvariantGlobalization, no other settings: tiered compilation and Dynamic PGO on for CoreCLR, as by default), generated under `.testbed/bench/runtime/`.");
        md.AppendLine("- Every program is single-threaded and prints a deterministic result, so the three outputs compare exactly (nbody prints its energies as integers in units of 1e-9, not as formatted doubles).");
        md.AppendLine();
        var failed = report.Programs.Where(p => p.Error != null).Select(p => $"- {p.Name}: {p.Error!.Split('\n')[0]}")
            .Concat(report.Runs.Where(r => r.Error != null).Select(r => $"- {r.Program} on {r.Config}, round {r.Round}: {r.Error!.Split('\n')[0]}")).ToList();
        if (failed.Count > 0)
        {
            md.AppendLine("## Failures (not measured, or left out of the medians)");
            md.AppendLine();
            foreach (var f in failed) md.AppendLine(f);
            md.AppendLine();
        }
        md.AppendLine($"Raw runs: `{name}.json`; chart: `{name}.png`.");
        return md.ToString();
    }

    /// <summary>Bars of Testbed's and CoreCLR's speed ratio to NativeAOT per program, error bars from the paired min – max, a line at 1.</summary>
    public static void Plot(RuntimeReport report, string path)
    {
        var plot = new Plot();
        var programs = report.Programs.Where(p => report.Summary.Any(r => r.Program == p.Name)).ToList();
        var colors = new Dictionary<string, Color> { [RuntimePrograms.CoreClr] = Color.FromHex("#8C8C8C"), [RuntimePrograms.Testbed] = Color.FromHex("#4C72B0") };
        string[] shown = [RuntimePrograms.CoreClr, RuntimePrograms.Testbed];
        for (int i = 0; i < programs.Count; i++)
            for (int k = 0; k < shown.Length; k++)
            {
                var row = report.Summary.FirstOrDefault(r => r.Program == programs[i].Name && r.Config == shown[k]);
                if (row?.VersusNativeAot is not { } ratio) continue;
                double x = i + (k - 0.5) * 0.38;
                var bars = plot.Add.Bars(new[] { new Bar { Position = x, Value = ratio, Size = 0.36, FillColor = colors[shown[k]], LineColor = colors[shown[k]].Darken(0.3), Label = $"{ratio:0.00}×" } });
                bars.ValueLabelStyle.FontSize = 11;
                if (i == 0 || !programs.Take(i).Any(p => report.Summary.Any(r => r.Program == p.Name && r.Config == shown[k])))
                    bars.LegendText = Labels[shown[k]];
                var err = new ScottPlot.Plottables.ErrorBar([x], [ratio], [0.0], [0.0], [(row.VersusNativeAotMin ?? ratio) - ratio], [(row.VersusNativeAotMax ?? ratio) - ratio])
                {
                    YErrorNegative = [ratio - (row.VersusNativeAotMin ?? ratio)],
                    YErrorPositive = [(row.VersusNativeAotMax ?? ratio) - ratio],
                };
                err.Color = Colors.Black;
                err.LineWidth = 1.5f;
                err.CapSize = 5;
                plot.Add.Plottable(err);
            }
        var one = plot.Add.HorizontalLine(1.0);
        one.Color = Colors.Black;
        one.LinePattern = LinePattern.Dashed;
        one.LegendText = "NativeAOT (1.0)";
        plot.Axes.Bottom.SetTicks(programs.Select((_, i) => (double)i).ToArray(), programs.Select(p => p.Name).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "speed vs NativeAOT (its median time / median time)";
        plot.Axes.Left.Label.FontSize = 13;
        plot.Axes.Margins(bottom: 0);
        var m = report.Machine;
        plot.Title($"runtime{(report.Settings.Quick ? " (smoke run, not a measurement)" : "")} — {m.Commit}, {report.Settings.Rounds} rounds, {m.Cpu}, {m.Cores} cores; error bars: paired per-round min – max", 13);
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, 1100, 600);
    }
}
