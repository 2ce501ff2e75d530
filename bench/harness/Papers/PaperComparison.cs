using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using ScottPlot;

namespace Testbed.Bench.Papers;

/// <summary>
/// `testbed bench paper NAME`: a paper's published numbers (papers/NAME/published.json) beside ours (the
/// harness's kv.json and http.json), as ratios to the native server measured on the same machine, since
/// absolute numbers follow the hardware. Writes papers/NAME/comparison.md and comparison.png.
/// </summary>
public static class PaperComparison
{
    /// <summary>One row of the comparison: a workload, the paper's ratios by system, ours by configuration.</summary>
    private sealed record Row(string Workload, string Bench, string Test, Dictionary<string, double?> Paper, Dictionary<string, double?> Ours,
        double? PaperNative, double? OurNative);

    /// <param name="outputDirectory">Where comparison.md and .png go (null: papers/NAME).</param>
    public static int Write(string root, string name, string resultsDirectory, TextWriter error, string? outputDirectory = null)
    {
        string paperDir = Path.Combine(root, "papers", name);
        string publishedPath = Path.Combine(paperDir, "published.json");
        if (!File.Exists(publishedPath))
        {
            error.WriteLine($"testbed bench paper: no {publishedPath} (papers: {string.Join(", ", Directory.GetDirectories(Path.Combine(root, "papers")).Select(Path.GetFileName))})");
            return 2;
        }
        var published = JsonNode.Parse(File.ReadAllText(publishedPath))!.AsObject();
        var results = new Dictionary<string, JsonObject>();
        foreach (var bench in new[] { "kv", "http" })
        {
            // A full run's results, else a smoke run's (the table then says it is one).
            string path = Path.Combine(resultsDirectory, bench + ".json");
            if (!File.Exists(path)) path = Path.Combine(resultsDirectory, bench + "-quick.json");
            if (File.Exists(path)) results[bench] = JsonNode.Parse(File.ReadAllText(path))!.AsObject();
        }
        if (name == "ukl-eurosys23")
        {
            // The in-image run (`bench kv-self`), where no system call or tap stands between client and server: from the
            // same folder when it has one, else the main results.
            foreach (string dir in new[] { resultsDirectory, Path.Combine(root, "bench", "results") })
                if (!results.ContainsKey("kv-self") && File.Exists(Path.Combine(dir, "kv-self.json")))
                {
                    results["kv-self"] = JsonNode.Parse(File.ReadAllText(Path.Combine(dir, "kv-self.json")))!.AsObject();
                    results["kv-self"]["loaded_from"] = Path.GetRelativePath(root, Path.Combine(dir, "kv-self.json"));
                }
        }
        if (results.Count == 0)
        {
            error.WriteLine($"testbed bench paper: no kv.json or http.json in {resultsDirectory}: run ./testbed bench kv and http first (or papers/{name}/run.sh)");
            return 2;
        }
        var (rows, paperSystems, ourConfigs, title) = name switch
        {
            "unikraft-eurosys21" => Unikraft(published, results),
            "ukl-eurosys23" => Ukl(published, results),
            _ => throw new ArgumentException($"no comparison is defined for papers/{name}"),
        };
        var md = Markdown(name, title, published, results, resultsDirectory, root, rows, paperSystems, ourConfigs);
        string output = outputDirectory ?? paperDir;
        File.WriteAllText(Path.Combine(output, "comparison.md"), md);
        Plot(rows, paperSystems, ourConfigs, title, Path.Combine(output, "comparison.png"));
        if (outputDirectory == null) Console.Write(md);
        return 0;
    }

    private static (List<Row>, List<string>, List<(string Name, string Label)>, string) Unikraft(JsonObject published, Dictionary<string, JsonObject> results)
    {
        var figures = published["figures"]!.AsObject();
        double? PaperRatio(string figure, string label, string test) =>
            Headline(figures[figure]!, label, test)?["ratio_to_native_linux"]?.GetValue<double>();
        double? PaperValue(string figure, string label, string test) =>
            Headline(figures[figure]!, label, test)?["value"]?.GetValue<double>();
        var paperSystems = new List<string> { "Unikraft KVM (paper)", "Linux KVM guest (paper)" };
        var rows = new List<Row>();
        void Add(string workload, string bench, string test, string figure, string paperTest)
        {
            var paper = new Dictionary<string, double?>
            {
                [paperSystems[0]] = PaperRatio(figure, "Unikraft KVM", paperTest),
                [paperSystems[1]] = PaperRatio(figure, "Linux KVM", paperTest),
            };
            rows.Add(new Row(workload, bench, test, paper, OurRatios(results, bench, test), PaperValue(figure, "Linux Native", paperTest), OurNative(results, bench, test)));
        }
        Add("Redis GET, P=16, 30 clients", "kv", "GET P=16", "fig12-redis", "GET");
        Add("Redis SET, P=16, 30 clients", "kv", "SET P=16", "fig12-redis", "SET");
        Add("nginx, 612-byte page, 30 connections", "http", "612 B page", "fig13-nginx", "index.html");
        // Workloads the paper did not measure, ours only: without pipelining, and a 64 KiB file.
        rows.Add(new Row("Redis GET, P=1 (not in the paper)", "kv", "GET P=1", [], OurRatios(results, "kv", "GET P=1"), null, OurNative(results, "kv", "GET P=1")));
        rows.Add(new Row("Redis SET, P=1 (not in the paper)", "kv", "SET P=1", [], OurRatios(results, "kv", "SET P=1"), null, OurNative(results, "kv", "SET P=1")));
        rows.Add(new Row("nginx, 64 KiB file (not in the paper)", "http", "64 KiB file", [], OurRatios(results, "http", "64 KiB file"), null, OurNative(results, "http", "64 KiB file")));
        return (rows, paperSystems, OurConfigs(results), "Unikraft (EuroSys 2021) Figures 12 and 13 beside ours: throughput relative to native Linux");
    }

    private static (List<Row>, List<string>, List<(string Name, string Label)>, string) Ukl(JsonObject published, Dictionary<string, JsonObject> results)
    {
        var paperSystems = new List<string> { "UKL shortcut / base (paper)" };
        // The row of the shortcut build, wherever published.json keeps it; never a number written here.
        double? ratio = Descendants(published).OfType<JsonObject>()
            .FirstOrDefault(o => o["system"]?.GetValue<string>() == "UKL_RET_BYP (shortcut)" && o["ratio"] != null)?["ratio"]!.GetValue<double>();
        var rows = new List<Row>
        {
            new("Redis, memtier's SET/GET mix, P=1, 300 connections (UKL)", "kv", "", new() { [paperSystems[0]] = ratio }, [], null, null),
        };
        foreach (var test in new[] { "GET P=1", "SET P=1", "GET P=16", "SET P=16" })
            rows.Add(new Row($"kv {test}, 30 clients (ours)", "kv", test, [], OurRatios(results, "kv", test, Configurations.SeparateName), null, null));
        foreach (var test in new[] { "GET P=1", "SET P=1", "GET P=16", "SET P=16" })
            rows.Add(new Row($"kv {test}, 30 clients, in one image (ours)", "kv-self", test, [], OurRatios(results, "kv-self", test, Configurations.SeparateName), null, null));
        // The base (separate) is every ratio's denominator: no column of its own. CoreCLR is no build of ours over a base.
        var ours = OurConfigs(results).Where(c => c.Name != Configurations.SeparateName && c.Name != "coreclr").ToList();
        return (rows, paperSystems, ours, "Unikernel Linux (EuroSys 2023) beside ours: the optimised build over its base");
    }

    private static IEnumerable<JsonNode> Descendants(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>())
            foreach (var d in Descendants(child))
                yield return d;
    }

    /// <summary>The bar of <paramref name="figure"/> labelled <paramref name="label"/> (as the figure's legend says) for <paramref name="test"/>.</summary>
    private static JsonNode? Headline(JsonNode figure, string label, string test) =>
        figure["rows"]!.AsArray().FirstOrDefault(r =>
            r!["figure_label"]?.GetValue<string>() == label && r["test"]!.GetValue<string>() == test);

    /// <summary>Our median throughput of each configuration over that of <paramref name="baseline"/>, from the run's summary.</summary>
    private static Dictionary<string, double?> OurRatios(Dictionary<string, JsonObject> results, string bench, string test, string baseline = Configurations.NativeName)
    {
        var ratios = new Dictionary<string, double?>();
        if (!results.TryGetValue(bench, out var report)) return ratios;
        var summary = report["summary"]!.AsArray().Where(r => r!["test"]!.GetValue<string>() == test).ToList();
        double? base_ = summary.FirstOrDefault(r => r!["config"]!.GetValue<string>() == baseline)?["rps_median"]?.GetValue<double>();
        foreach (var row in summary)
        {
            string config = row!["config"]!.GetValue<string>();
            if (config == baseline) continue;
            ratios[config] = base_ is > 0 ? row["rps_median"]!.GetValue<double>() / base_ : null;
        }
        return ratios;
    }

    private static double? OurNative(Dictionary<string, JsonObject> results, string bench, string test) =>
        results.TryGetValue(bench, out var report)
            ? report["summary"]!.AsArray().FirstOrDefault(r => r!["config"]!.GetValue<string>() == Configurations.NativeName && r["test"]!.GetValue<string>() == test)?["rps_median"]?.GetValue<double>()
            : null;

    /// <summary>Our configurations other than the native one, labelled without the app's name (kv and tbhttp share a column).</summary>
    private static List<(string Name, string Label)> OurConfigs(Dictionary<string, JsonObject> results) =>
        results.Values.SelectMany(r => r["configurations"]!.AsArray())
            .Select(c => (Name: c!["name"]!.GetValue<string>(), Label: c["label"]!.GetValue<string>()))
            .Where(c => c.Name != Configurations.NativeName)
            .GroupBy(c => c.Name).Select(g => (g.Key, ColumnLabel(g.First().Label))).ToList();

    /// <summary>"kv, Testbed linux target (-O2)" → "Testbed linux target (-O2) (ours)"; "kv on CoreCLR" → "CoreCLR (ours)".</summary>
    private static string ColumnLabel(string label)
    {
        foreach (var app in new[] { "kv, ", "tbhttp, ", "kv on ", "tbhttp on " })
            if (label.StartsWith(app, StringComparison.Ordinal)) label = label[app.Length..];
        return char.ToUpperInvariant(label[0]) + label[1..] + " (ours)";
    }

    private static string Markdown(string name, string title, JsonObject published, Dictionary<string, JsonObject> results, string resultsDirectory, string root,
        List<Row> rows, List<string> paperSystems, List<(string Name, string Label)> ours)
    {
        var md = new StringBuilder();
        md.AppendLine($"# {title}");
        md.AppendLine();
        md.AppendLine($"Generated by `./testbed bench paper {name}` from `published.json` (the paper's numbers, with sources) and our results in `{Path.GetRelativePath(root, resultsDirectory)}`.");
        foreach (var (bench, report) in results)
        {
            var m = report["machine"]!;
            // The server benchmarks keep rounds and quick under settings; kv-self at the top.
            var s = report["settings"] ?? report;
            md.AppendLine($"- ours, {bench}: commit {m["commit"]}, {report["started_utc"]}, {m["cpu"]}, {m["cores"]} cores, "
                + $"{s["rounds"]} rounds{(s["quick"]!.GetValue<bool>() ? " (**a smoke run, not a measurement**)" : "")}; `{report["command"]}`"
                + (report["loaded_from"] is { } from ? $" ({from})" : ""));
        }
        md.AppendLine();
        md.AppendLine(name == "ukl-eurosys23"
            ? "## Throughput of the optimised build over its base (same machine, same client)"
            : "## Throughput relative to the native server on the same machine (paper: mean of 5 runs; ours: median over rounds)");
        md.AppendLine();
        md.AppendLine("| workload | " + string.Join(" | ", paperSystems.Concat(ours.Select(o => o.Label))) + " |");
        md.AppendLine("|---|" + string.Concat(Enumerable.Repeat("---:|", paperSystems.Count + ours.Count)));
        foreach (var row in rows)
        {
            var cells = paperSystems.Select(p => row.Paper.TryGetValue(p, out var v) && v is { } r ? $"{r:0.00}×" : "–")
                .Concat(ours.Select(o => row.Ours.TryGetValue(o.Name, out var v) && v is { } r ? $"{r:0.00}×" : "–"));
            md.AppendLine($"| {row.Workload} | " + string.Join(" | ", cells) + " |");
        }
        md.AppendLine();
        if (name == "ukl-eurosys23" && !results.Values.Any(r => r["summary"]!.AsArray().Any(x => x!["config"]!.GetValue<string>() == Configurations.SeparateName)))
        {
            md.AppendLine("Our columns need the `separate` and `whole-system` pipelines (issue 12), which do not exist yet: until then this table has UKL's ratio only.");
            md.AppendLine();
        }
        if (rows.Any(r => r.PaperNative != null))
        {
            md.AppendLine("## The native baselines, in requests per second (they differ with the hardware)");
            md.AppendLine();
            md.AppendLine("| workload | native Linux (paper) | native (ours) |");
            md.AppendLine("|---|---:|---:|");
            foreach (var row in rows.Where(r => r.PaperNative != null))
                md.AppendLine($"| {row.Workload} | {Number(row.PaperNative)} | {Number(row.OurNative)} |");
            md.AppendLine();
        }
        md.AppendLine("What differs between their setup and ours: README.md in this folder.");
        return md.ToString();
    }

    private static string Number(double? v) => v is { } x ? x.ToString("N0", CultureInfo.InvariantCulture) : "–";

    private static void Plot(List<Row> rows, List<string> paperSystems, List<(string Name, string Label)> ours, string title, string path)
    {
        var plot = new Plot();
        var series = paperSystems.Select(p => (Key: p, Label: p, Paper: true)).Concat(ours.Select(o => (Key: o.Name, o.Label, Paper: false))).ToList();
        Color[] palette = [Color.FromHex("#8C8C8C"), Color.FromHex("#BDBDBD"), Color.FromHex("#55A868"), Color.FromHex("#DD8452"), Color.FromHex("#C44E52"), Color.FromHex("#4C72B0"), Color.FromHex("#8172B3")];
        const double groupWidth = 0.8;
        var legendDone = new HashSet<string>();
        for (int i = 0; i < rows.Count; i++)
        {
            var present = series.Select((s, index) => (s, index))
                .Where(x => (x.s.Paper ? rows[i].Paper.GetValueOrDefault(x.s.Key) : rows[i].Ours.GetValueOrDefault(x.s.Key)) != null).ToList();
            double width = groupWidth / Math.Max(1, present.Count);
            for (int j = 0; j < present.Count; j++)
            {
                var (s, index) = present[j];
                double value = (s.Paper ? rows[i].Paper[s.Key] : rows[i].Ours[s.Key])!.Value;
                var color = palette[index % palette.Length];
                var bars = plot.Add.Bars(new[] { new Bar { Position = i - groupWidth / 2 + width * (j + 0.5), Value = value, Size = width * 0.9, FillColor = color, LineColor = color.Darken(0.3), Label = $"{value:0.00}" } });
                bars.ValueLabelStyle.FontSize = 10;
                if (legendDone.Add(s.Key)) bars.LegendText = s.Label;
            }
        }
        var one = plot.Add.HorizontalLine(1, 1.5f, Colors.Black, LinePattern.Dashed);
        one.LegendText = "= the baseline";
        plot.Axes.Bottom.SetTicks(rows.Select((_, i) => (double)i).ToArray(), rows.Select(r => r.Workload.Replace(", ", "\n").Replace(" (not in the paper)", "\n(ours only)")).ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        plot.Axes.Left.Label.Text = "throughput / baseline's";
        plot.Axes.Margins(bottom: 0);
        plot.Title(title, 13);
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, 1400, 700);
    }
}
