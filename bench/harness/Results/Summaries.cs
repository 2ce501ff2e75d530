namespace Testbed.Bench.Results;

/// <summary>Medians over the measured rounds (warm-up rounds and rounds that failed are left out), with the ratios the tables show.</summary>
public static class Summaries
{
    public static IReadOnlyList<SummaryRow> Compute(IReadOnlyList<ConfigRecord> configs, IReadOnlyList<RoundRecord> rounds)
    {
        var measured = rounds.Where(r => !r.Warmup && r.Error == null).ToList();
        var tests = measured.SelectMany(r => r.Tests.Select(t => t.Test)).Distinct().ToList();
        double? MedianRps(string config, string test)
        {
            var values = Values(measured, config, test, t => t.RequestsPerSecond);
            return values.Count > 0 ? Median(values) : null;
        }
        var rows = new List<SummaryRow>();
        foreach (var config in configs)
            foreach (var test in tests)
            {
                var rps = Values(measured, config.Name, test, t => t.RequestsPerSecond);
                if (rps.Count == 0) continue;
                double median = Median(rps);
                double? Ratio(string baseline) => config.Name != baseline && MedianRps(baseline, test) is { } b && b > 0 ? median / b : null;
                rows.Add(new SummaryRow(config.Name, test, rps.Count, median, rps.Min(), rps.Max(),
                    Median(Values(measured, config.Name, test, t => t.P50Milliseconds)),
                    Median(Values(measured, config.Name, test, t => t.P99Milliseconds)),
                    Ratio(Configurations.NativeName), Ratio(Configurations.SeparateName)));
            }
        return rows;
    }

    private static List<double> Values(IEnumerable<RoundRecord> rounds, string config, string test, Func<Clients.ClientResult, double> value) =>
        rounds.Where(r => r.Config == config).SelectMany(r => r.Tests).Where(t => t.Test == test).Select(value).ToList();

    public static double Median(IReadOnlyCollection<double> values)
    {
        if (values.Count == 0) return double.NaN;
        var sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The median of a per-server quantity (start-up, memory) over the measured rounds, or null.</summary>
    public static double? MedianOf(IReadOnlyList<RoundRecord> rounds, string config, Func<RoundRecord, double?> value)
    {
        var values = rounds.Where(r => !r.Warmup && r.Error == null && r.Config == config).Select(value).OfType<double>().ToList();
        return values.Count > 0 ? Median(values) : null;
    }
}
