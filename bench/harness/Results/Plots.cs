using ScottPlot;

namespace Testbed.Bench.Results;

/// <summary>The charts of a run (ScottPlot): throughput bars per test and configuration with min – max error bars, and latency p50/p99.</summary>
public static class Plots
{
    public static readonly Color[] Palette =
    [
        Color.FromHex("#4C72B0"), Color.FromHex("#DD8452"), Color.FromHex("#55A868"), Color.FromHex("#C44E52"),
        Color.FromHex("#8172B3"), Color.FromHex("#937860"), Color.FromHex("#DA8BC3"), Color.FromHex("#8C8C8C"),
    ];

    public static void Throughput(BenchReport report, string path)
    {
        var plot = new Plot();
        var tests = report.Summary.Select(r => r.Test).Distinct().ToList();
        Grouped(plot, report, tests, (row, x, width, color, legend) =>
            MedianBar(plot, x, width, row.RpsMedian, row.RpsMin, row.RpsMax, color, legend));
        plot.Axes.Left.Label.Text = "requests per second (median; error bars: min – max over rounds)";
        plot.Axes.Margins(bottom: 0);
        Finish(plot, report, "throughput", path);
    }

    /// <summary>A bar at the median, labelled with it, and a black error bar from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static void MedianBar(Plot plot, double x, double width, double median, double min, double max, Color color, string? legend)
    {
        var bars = plot.Add.Bars(new[] { new Bar { Position = x, Value = median, Size = width * 0.9, FillColor = color, LineColor = color.Darken(0.3), Label = Compact(median) } });
        bars.ValueLabelStyle.FontSize = 10;
        if (legend != null) bars.LegendText = legend;
        var err = new ScottPlot.Plottables.ErrorBar([x], [median], [0.0], [0.0], [0.0], [0.0])
        {
            YErrorPositive = [max - median],
            YErrorNegative = [median - min],
        };
        err.Color = Colors.Black;
        err.LineWidth = 1.5f;
        err.CapSize = 5;
        plot.Add.Plottable(err);
    }

    /// <summary>p50 (bar) and p99 (marker above it) per test, on a log scale: the PVH rows under TCG are orders of magnitude above the rest.</summary>
    public static void Latency(BenchReport report, string path)
    {
        var plot = new Plot();
        var tests = report.Summary.Select(r => r.Test).Distinct().ToList();
        double Log(double ms) => Math.Log10(Math.Max(ms, 0.001) * 1000); // µs, so that 1 µs is 0
        Grouped(plot, report, tests, (row, x, width, color, legend) =>
        {
            var bar = new Bar { Position = x, Value = Log(row.P50Median), Size = width * 0.9, FillColor = color, LineColor = color.Darken(0.3) };
            var bars = plot.Add.Bars(new[] { bar });
            if (legend != null) bars.LegendText = legend;
            var p99 = plot.Add.Marker(x, Log(row.P99Median), MarkerShape.FilledTriangleDown, 9, color.Darken(0.4));
        });
        double[] ticks = [1, 2, 3, 4, 5, 6];
        plot.Axes.Left.SetTicks(ticks, ["10 µs", "100 µs", "1 ms", "10 ms", "100 ms", "1 s"]);
        plot.Axes.SetLimitsY(0.5, Math.Max(4, report.Summary.Select(r => Log(r.P99Median)).DefaultIfEmpty(3).Max() + 0.5));
        plot.Axes.Left.Label.Text = "latency at the client: bar p50, ▼ p99 (medians over rounds)";
        Finish(plot, report, "latency", path);
    }

    private static void Grouped(Plot plot, BenchReport report, IReadOnlyList<string> tests, Action<SummaryRow, double, double, Color, string?> draw)
    {
        const double groupWidth = 0.8;
        var legendDone = new HashSet<string>();
        for (int t = 0; t < tests.Count; t++)
        {
            var inGroup = report.Configurations.Select((c, i) => (Config: c, Index: i))
                .Select(c => (c.Config, c.Index, Row: report.Summary.FirstOrDefault(r => r.Config == c.Config.Name && r.Test == tests[t])))
                .Where(c => c.Row != null).ToList();
            double width = groupWidth / Math.Max(1, inGroup.Count);
            for (int i = 0; i < inGroup.Count; i++)
            {
                var (config, index, row) = inGroup[i];
                double x = t - groupWidth / 2 + width * (i + 0.5);
                draw(row!, x, width, Palette[index % Palette.Length], legendDone.Add(config.Name) ? config.Label : null);
            }
        }
        plot.Axes.Bottom.SetTicks(tests.Select((_, i) => (double)i).ToArray(), tests.ToArray());
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
    }

    private static void Finish(Plot plot, BenchReport report, string what, string path)
    {
        var m = report.Machine;
        plot.Title($"{report.Bench} {what}{(report.Settings.Quick ? " (smoke run, not a measurement)" : "")} — {m.Commit}, {report.Settings.Rounds} rounds, {m.Cpu}, {m.Cores} cores", 13);
        plot.Axes.Left.Label.FontSize = 13;
        plot.ShowLegend(Edge.Bottom);
        plot.SavePng(path, 1300, 650);
    }

    public static string Compact(double value) => value >= 1e6 ? $"{value / 1e6:0.00}M" : value >= 1e3 ? $"{value / 1e3:0.#}k" : $"{value:0}";
}
