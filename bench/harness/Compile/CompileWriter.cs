using System.Text;
using System.Text.Json;
using ScottPlot;
using Testbed.Bench.Results;

namespace Testbed.Bench.Compile;

/// <summary>Writes compile-time.json (every build), .md (medians per app and stage group) and .png (stacked stage medians per app).</summary>
public static class CompileWriter
{
    /// <summary>The stages `testbed build` reports, grouped as the table and the plot show them; what no stage covers is start-up (process, JIT) and the rest.</summary>
    private static readonly (string Group, string[] Stages)[] Groups =
    [
        ("up-to-date checks", ["building the library OS for linux", "building the application"]),
        ("import + verify", ["importing IL", "verifying IR"]),
        ("Testbed passes + verify", ["running Testbed passes", "verifying IR after the passes"]),
        ("lowering", ["lowering to LLVM"]),
        ("LLVM optimiser", ["running LLVM's default<O2>"]),
        ("code generation", ["generating code"]),
        ("linking", ["linking"]),
    ];

    private const string Rest = "start-up, JIT, rest";

    private static readonly Color[] Palette =
    [
        Color.FromHex("#8C8C8C"), Color.FromHex("#4C72B0"), Color.FromHex("#55A868"), Color.FromHex("#64B5CD"),
        Color.FromHex("#C44E52"), Color.FromHex("#DD8452"), Color.FromHex("#8172B2"), Color.FromHex("#CCB974"),
    ];

    public static void Write(CompileReport report, string directory, string name)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, name + ".json"), JsonSerializer.Serialize(report, BenchReport.Json) + "\n");
        File.WriteAllText(Path.Combine(directory, name + ".md"), Markdown(report));
        Plot(report, Path.Combine(directory, name + ".png"));
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        if (sorted.Count == 0) return double.NaN;
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    /// <summary>Seconds per group for one build, the rest last.</summary>
    private static List<(string Group, double Seconds)> GroupsOf(CompileBuild build)
    {
        var result = Groups.Select(g => (g.Group, g.Stages.Sum(s => build.StagesMilliseconds.GetValueOrDefault(s)) / 1000)).ToList();
        // A pipeline other than -O2 names its LLVM stage differently: count any other stage with the optimiser.
        double unknown = build.StagesMilliseconds.Where(kv => !Groups.Any(g => g.Stages.Contains(kv.Key))).Sum(kv => kv.Value) / 1000;
        result[4] = (result[4].Group, result[4].Item2 + unknown);
        result.Add((Rest, Math.Max(0, build.WallSeconds - result.Sum(r => r.Item2))));
        return result;
    }

    private static List<string> AppsOf(CompileReport report) => report.Builds.Select(b => b.App).Distinct().ToList();

    public static string Markdown(CompileReport report)
    {
        var md = new StringBuilder();
        var m = report.Machine;
        md.AppendLine("# compile-time: `testbed build --target linux` of each app");
        md.AppendLine();
        md.AppendLine($"Commit {m.Commit}, {report.StartedUtc:yyyy-MM-dd HH:mm} UTC; {m.Cpu}, {m.Cores} cores, Linux {m.Kernel}. "
            + $"Rounds: {report.Rounds}, after one unrecorded build of each app (so that `dotnet build` of the app and the library OS is up to date); "
            + "the apps' order rotated each round. Wall: Stopwatch around a new `dotnet .testbed/compiler/testbed.dll build` process (the ReadyToRun publish of the compiler), as `./testbed build` runs it "
            + "(start-up and JIT of the compiler included); stages: the build's own `--metrics`. Medians over rounds."
            + (report.LoadAverage is [var first, var last] ? $" Load average (1 min) at the start and the end: {first:0.00} and {last:0.00}." : ""));
        if (report.LoadAverage.Count > 0 && report.LoadAverage.Max() > m.Cores)
            md.AppendLine("\n**The machine was busy besides (load average above its cores): times are inflated.**");
        md.AppendLine();
        md.AppendLine($"Reproduce: `{report.Command}`");
        md.AppendLine();
        md.Append("| app | wall (s) | min – max | ").Append(string.Join(" | ", Groups.Select(g => g.Group).Append(Rest))).AppendLine(" | image bytes | IR functions | IR instructions |");
        md.Append("|---|---:|---:|").Append(string.Concat(Enumerable.Repeat("---:|", Groups.Length + 1))).AppendLine("---:|---:|---:|");
        foreach (var app in AppsOf(report))
        {
            var builds = report.Builds.Where(b => b.App == app && b.Error == null).ToList();
            if (builds.Count == 0)
            {
                md.AppendLine($"| {app} | failed: {report.Builds.First(b => b.App == app).Error} |");
                continue;
            }
            var groups = builds.Select(GroupsOf).ToList();
            md.Append($"| {app} | {Median(builds.Select(b => b.WallSeconds)):0.00} | {builds.Min(b => b.WallSeconds):0.00} – {builds.Max(b => b.WallSeconds):0.00} | ");
            md.Append(string.Join(" | ", Enumerable.Range(0, Groups.Length + 1).Select(k => $"{Median(groups.Select(g => g[k].Seconds)):0.00}")));
            md.AppendLine($" | {builds[0].ImageBytes:N0} | {builds[0].IrFunctions:N0} | {builds[0].IrInstructions:N0} |");
        }
        var failures = report.Builds.Where(b => b.Error != null).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine();
            foreach (var f in failures) md.AppendLine($"- {f.App}, round {f.Round + 1}: {f.Error}");
        }
        return md.ToString();
    }

    private static void Plot(CompileReport report, string path)
    {
        var plot = new Plot();
        var apps = AppsOf(report).Where(a => report.Builds.Any(b => b.App == a && b.Error == null)).ToList();
        var names = Groups.Select(g => g.Group).Append(Rest).ToList();
        var bottoms = new double[apps.Count];
        for (int k = 0; k < names.Count; k++)
        {
            var bars = new List<Bar>();
            for (int i = 0; i < apps.Count; i++)
            {
                var groups = report.Builds.Where(b => b.App == apps[i] && b.Error == null).Select(GroupsOf).ToList();
                double value = Median(groups.Select(g => g[k].Seconds));
                bars.Add(new Bar { Position = i, ValueBase = bottoms[i], Value = bottoms[i] + value, Size = 0.6, FillColor = Palette[k], LineColor = Palette[k].Darken(0.3) });
                bottoms[i] += value;
            }
            plot.Add.Bars(bars).LegendText = names[k];
        }
        for (int i = 0; i < apps.Count; i++)
            plot.Add.Text($"{bottoms[i]:0.00} s", i, bottoms[i]).LabelAlignment = Alignment.LowerCenter;
        plot.Axes.Bottom.SetTicks(apps.Select((_, i) => (double)i).ToArray(), apps.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "seconds (medians of each stage group over rounds)";
        plot.Axes.Margins(bottom: 0);
        var m = report.Machine;
        plot.Title($"testbed build --target linux — {m.Commit}, {report.Rounds} rounds, {m.Cpu}, {m.Cores} cores", 13);
        plot.ShowLegend(Edge.Right);
        plot.SavePng(path, 1100, 600);
    }
}
