using System.Globalization;
using System.Text.Json.Serialization;
using Testbed.Bench.Results;

namespace Testbed.Bench.Gc;

/// <summary>
/// bench/results/gc-generations.json: every run of the two programs under the three collector
/// configurations, raw, with the machine, the TSC frequency the cycles were converted with, the builds and
/// the summary. <see cref="CurrentSchema"/> changes when a field changes meaning.
/// </summary>
public sealed record GcReport(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("started_utc")] DateTime StartedUtc,
    [property: JsonPropertyName("machine")] Machine Machine,
    [property: JsonPropertyName("settings")] GcSettings Settings,
    [property: JsonPropertyName("programs")] IReadOnlyList<GcProgramRecord> Programs,
    [property: JsonPropertyName("runs")] IReadOnlyList<GcRunRecord> Runs,
    [property: JsonPropertyName("summary")] IReadOnlyList<GcSummaryRow> Summary,
    [property: JsonPropertyName("comparisons")] IReadOnlyList<GcComparison> Comparisons)
{
    public const string CurrentSchema = "testbed-bench-gc/1";
}

/// <summary>How the run was made. Cycles become milliseconds by <see cref="TscMhz"/>; null when /proc/cpuinfo has no "cpu MHz" (then no times in ms).</summary>
public sealed record GcSettings(
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("quick")] bool Quick,
    [property: JsonPropertyName("tsc_mhz")] double? TscMhz,
    [property: JsonPropertyName("tsc_source")] string TscSource,
    [property: JsonPropertyName("max_rss_source")] string MaxRssSource,
    [property: JsonPropertyName("load_average")] IReadOnlyList<double> LoadAverage);

/// <summary>A program: its builds and run commands per configuration, and what all three must agree on (kv: its checksum= line; binarytrees: its whole output).</summary>
public sealed record GcProgramRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("source")] string Source,
    [property: JsonPropertyName("arguments")] IReadOnlyList<string> Arguments,
    [property: JsonPropertyName("builds")] IReadOnlyDictionary<string, string> Builds,
    [property: JsonPropertyName("commands")] IReadOnlyDictionary<string, string> Commands,
    [property: JsonPropertyName("expected")] string? Expected,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>One process: round 0 is the unrecorded check run. <see cref="Counters"/> are the key=value lines kv prints (null for binarytrees).</summary>
public sealed record GcRunRecord(
    [property: JsonPropertyName("program")] string Program,
    [property: JsonPropertyName("config")] string Config,
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("max_rss_kib")] long? MaxRssKib,
    [property: JsonPropertyName("cpu_s")] double? CpuSeconds,
    [property: JsonPropertyName("exit")] int Exit,
    [property: JsonPropertyName("counters")] IReadOnlyDictionary<string, long>? Counters,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>
/// Medians over the measured rounds of one program under one configuration. The collector's figures (kv
/// only) are medians of each run's own: GC share = pause cycles / cycles of the steady phase, mutator
/// cycles = cycles - pause cycles; pauses in ms by the TSC frequency.
/// </summary>
public sealed record GcSummaryRow(
    [property: JsonPropertyName("program")] string Program,
    [property: JsonPropertyName("config")] string Config,
    [property: JsonPropertyName("runs")] int Runs,
    [property: JsonPropertyName("median_s")] double MedianSeconds,
    [property: JsonPropertyName("min_s")] double MinSeconds,
    [property: JsonPropertyName("max_s")] double MaxSeconds,
    [property: JsonPropertyName("median_cpu_s")] double? MedianCpuSeconds,
    [property: JsonPropertyName("median_max_rss_kib")] double? MedianMaxRssKib,
    [property: JsonPropertyName("gc_share_percent")] double? GcSharePercent,
    [property: JsonPropertyName("p50_pause_ms")] double? P50PauseMs,
    [property: JsonPropertyName("p99_pause_ms")] double? P99PauseMs,
    [property: JsonPropertyName("max_pause_ms")] double? MaxPauseMs,
    [property: JsonPropertyName("collections")] double? Collections,
    [property: JsonPropertyName("minor_collections")] double? MinorCollections,
    [property: JsonPropertyName("mutator_cycles")] double? MutatorCycles,
    [property: JsonPropertyName("mutator_ms")] double? MutatorMs);

/// <summary>
/// The ratios per program. Speedup = full's median wall time / generational's (above 1: generational is
/// faster). Barrier cost = how much longer the mutator runs with the barrier than without, both collecting
/// only fully (full vs no-barriers), in percent; measured by mutator cycles where the program reports them
/// (kv), else by wall time, which then also holds the collections' (same) work: <see cref="BarrierCostBasis"/>.
/// </summary>
public sealed record GcComparison(
    [property: JsonPropertyName("program")] string Program,
    [property: JsonPropertyName("generational_speedup_wall")] double? GenerationalSpeedup,
    [property: JsonPropertyName("gc_share_generational_percent")] double? GcShareGenerational,
    [property: JsonPropertyName("gc_share_full_percent")] double? GcShareFull,
    [property: JsonPropertyName("gc_share_full_over_generational")] double? GcShareRatio,
    [property: JsonPropertyName("barrier_cost_percent")] double? BarrierCostPercent,
    [property: JsonPropertyName("barrier_cost_basis")] string? BarrierCostBasis);

public static class GcSummaries
{
    public const string MutatorBasis = "mutator cycles (cycles - pause_cycles)";
    public const string WallBasis = "wall time";

    /// <summary>The key=value lines of bench/gc/generations.cs whose value is an integer; other lines (binarytrees' text, pauses=a,b,…) are skipped.</summary>
    public static IReadOnlyDictionary<string, long> ParseCounters(string output)
    {
        var counters = new Dictionary<string, long>();
        foreach (string line in output.Split('\n'))
        {
            int eq = line.IndexOf('=');
            if (eq <= 0) continue;
            string key = line[..eq].Trim();
            if (key.Contains(' ')) continue;
            if (long.TryParse(line[(eq + 1)..].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value))
                counters[key] = value;
        }
        return counters;
    }

    /// <summary>What the three configurations of a program must agree on: kv's checksum= line, else the whole output.</summary>
    public static string Agreement(GcProgram program, string output) =>
        program.PrintsCounters ? output.Split('\n').FirstOrDefault(l => l.StartsWith("checksum=", StringComparison.Ordinal))?.Trim() ?? "(no checksum= line)" : output;

    /// <summary>"cpu MHz" of /proc/cpuinfo's first processor: the TSC's rate on constant-TSC CPUs (as bench/gc/measure.sh takes it).</summary>
    public static double? TscMhz(string cpuinfo) =>
        cpuinfo.Split('\n').FirstOrDefault(l => l.StartsWith("cpu MHz", StringComparison.Ordinal)) is { } line
        && double.TryParse(line.Split(':', 2)[1].Trim(), CultureInfo.InvariantCulture, out double mhz) && mhz > 0 ? mhz : null;

    public static double Milliseconds(double cycles, double mhz) => cycles / (mhz * 1000.0);

    /// <summary>A row for every program and configuration with at least one measured run (round ≥ 1, no error).</summary>
    public static IReadOnlyList<GcSummaryRow> Compute(IReadOnlyList<GcRunRecord> runs, double? tscMhz)
    {
        var measured = runs.Where(r => r.Round >= 1 && r.Error == null).ToList();
        var rows = new List<GcSummaryRow>();
        foreach (string program in measured.Select(r => r.Program).Distinct())
            foreach (string config in GcPrograms.Configs)
            {
                var mine = measured.Where(r => r.Program == program && r.Config == config).ToList();
                if (mine.Count == 0) continue;
                double? Median(Func<GcRunRecord, double?> value) =>
                    mine.Select(value).OfType<double>().ToList() is { Count: > 0 } values ? Summaries.Median(values) : null;
                double? Counter(GcRunRecord r, string key) => r.Counters != null && r.Counters.TryGetValue(key, out long v) ? v : null;
                double? Ms(double? cycles) => cycles is { } c && tscMhz is { } mhz ? Milliseconds(c, mhz) : null;
                double? mutator = Median(r => Counter(r, "cycles") - Counter(r, "pause_cycles"));
                rows.Add(new GcSummaryRow(program, config, mine.Count,
                    Summaries.Median(mine.Select(r => r.Seconds).ToList()), mine.Min(r => r.Seconds), mine.Max(r => r.Seconds),
                    Median(r => r.CpuSeconds), Median(r => r.MaxRssKib),
                    Median(r => Counter(r, "cycles") is > 0 and var c ? 100.0 * Counter(r, "pause_cycles") / c : null),
                    Ms(Median(r => Counter(r, "p50_pause_cycles"))), Ms(Median(r => Counter(r, "p99_pause_cycles"))), Ms(Median(r => Counter(r, "max_pause_cycles"))),
                    Median(r => Counter(r, "collections")), Median(r => Counter(r, "minor_collections")),
                    mutator, Ms(mutator)));
            }
        return rows;
    }

    /// <summary>The ratios of every program that has rows: see <see cref="GcComparison"/>.</summary>
    public static IReadOnlyList<GcComparison> Compare(IReadOnlyList<GcSummaryRow> rows)
    {
        var comparisons = new List<GcComparison>();
        foreach (string program in rows.Select(r => r.Program).Distinct())
        {
            GcSummaryRow? Row(string config) => rows.FirstOrDefault(r => r.Program == program && r.Config == config);
            var (generational, full, none) = (Row(GcPrograms.Generational), Row(GcPrograms.Full), Row(GcPrograms.NoBarriers));
            double? speedup = generational != null && full != null ? full.MedianSeconds / generational.MedianSeconds : null;
            double? shareRatio = generational?.GcSharePercent is > 0 and var g && full?.GcSharePercent is { } f ? f / g : null;
            double? cost = null;
            string? basis = null;
            if (full?.MutatorCycles is { } withBarrier && none?.MutatorCycles is > 0 and var without)
                (cost, basis) = (100.0 * (withBarrier - without) / without, MutatorBasis);
            else if (full != null && none != null)
                (cost, basis) = (100.0 * (full.MedianSeconds - none.MedianSeconds) / none.MedianSeconds, WallBasis);
            comparisons.Add(new GcComparison(program, speedup, generational?.GcSharePercent, full?.GcSharePercent, shareRatio, cost, basis));
        }
        return comparisons;
    }
}
