using System.Text.Json.Serialization;
using Testbed.Bench.Results;

namespace Testbed.Bench.Runtime;

/// <summary>
/// bench/results/runtime.json: every measured run of every program under CoreCLR, NativeAOT and Testbed,
/// raw, with the machine, the build commands and the summary. <see cref="Schema"/> changes when a field
/// changes meaning.
/// </summary>
public sealed record RuntimeReport(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("started_utc")] DateTime StartedUtc,
    [property: JsonPropertyName("machine")] Machine Machine,
    [property: JsonPropertyName("settings")] RuntimeSettings Settings,
    [property: JsonPropertyName("programs")] IReadOnlyList<ProgramRecord> Programs,
    [property: JsonPropertyName("runs")] IReadOnlyList<RunRecord> Runs,
    [property: JsonPropertyName("summary")] IReadOnlyList<RuntimeSummaryRow> Summary)
{
    public const string CurrentSchema = "testbed-bench-runtime/1";
}

public sealed record RuntimeSettings(
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("quick")] bool Quick,
    [property: JsonPropertyName("max_rss_source")] string MaxRssSource,
    [property: JsonPropertyName("versions")] IReadOnlyDictionary<string, string> Versions)
{
    /// <summary>/proc/loadavg's 1-minute figure when the run started and when it ended: how busy the machine was besides.</summary>
    [JsonPropertyName("load_average")]
    public IReadOnlyList<double> LoadAverage { get; init; } = [];
}

/// <summary>A program: how each configuration was built and run, and the output all three must print.</summary>
public sealed record ProgramRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("argument")] string Argument,
    [property: JsonPropertyName("goal_vs_nativeaot")] double Goal,
    [property: JsonPropertyName("builds")] IReadOnlyDictionary<string, string> Builds,
    [property: JsonPropertyName("commands")] IReadOnlyDictionary<string, string> Commands,
    [property: JsonPropertyName("binary_bytes")] IReadOnlyDictionary<string, long> BinaryBytes,
    [property: JsonPropertyName("expected_exit")] int? ExpectedExit,
    [property: JsonPropertyName("expected_output")] string? ExpectedOutput,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>One process: round 0 is the unrecorded check run that compares the outputs (and warms the page cache).</summary>
public sealed record RunRecord(
    [property: JsonPropertyName("program")] string Program,
    [property: JsonPropertyName("config")] string Config,
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("max_rss_kib")] long? MaxRssKib,
    [property: JsonPropertyName("cpu_s")] double? CpuSeconds,
    [property: JsonPropertyName("exit")] int Exit,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>
/// Medians of one program under one configuration over the measured rounds. The ratios are speed ratios,
/// baseline median time over this configuration's (above 1: faster than the baseline); their min and max
/// are those of the paired ratios, the two runs of the same round.
/// </summary>
public sealed record RuntimeSummaryRow(
    [property: JsonPropertyName("program")] string Program,
    [property: JsonPropertyName("config")] string Config,
    [property: JsonPropertyName("runs")] int Runs,
    [property: JsonPropertyName("median_s")] double MedianSeconds,
    [property: JsonPropertyName("min_s")] double MinSeconds,
    [property: JsonPropertyName("max_s")] double MaxSeconds,
    [property: JsonPropertyName("median_max_rss_kib")] double? MedianMaxRssKib,
    [property: JsonPropertyName("median_cpu_s")] double? MedianCpuSeconds,
    [property: JsonPropertyName("vs_nativeaot")] double? VersusNativeAot,
    [property: JsonPropertyName("vs_nativeaot_min")] double? VersusNativeAotMin,
    [property: JsonPropertyName("vs_nativeaot_max")] double? VersusNativeAotMax,
    [property: JsonPropertyName("vs_coreclr")] double? VersusCoreClr);

public static class RuntimeSummaries
{
    /// <summary>The rows for every program and configuration with at least one measured run (round ≥ 1, no error).</summary>
    public static IReadOnlyList<RuntimeSummaryRow> Compute(IReadOnlyList<RunRecord> runs)
    {
        var measured = runs.Where(r => r.Round >= 1 && r.Error == null).ToList();
        var rows = new List<RuntimeSummaryRow>();
        foreach (string program in measured.Select(r => r.Program).Distinct())
        {
            List<RunRecord> Of(string config) => measured.Where(r => r.Program == program && r.Config == config).ToList();
            double? MedianTime(string config) => Of(config) is { Count: > 0 } l ? Summaries.Median(l.Select(r => r.Seconds).ToList()) : null;
            foreach (string config in RuntimePrograms.Configs)
            {
                var mine = Of(config);
                if (mine.Count == 0) continue;
                double median = Summaries.Median(mine.Select(r => r.Seconds).ToList());
                var rss = mine.Where(r => r.MaxRssKib != null).Select(r => (double)r.MaxRssKib!.Value).ToList();
                var cpu = mine.Select(r => r.CpuSeconds).OfType<double>().ToList();
                double? Ratio(string baseline) => config != baseline && MedianTime(baseline) is { } b ? b / median : null;
                // Paired: the baseline's run of the same round over this configuration's.
                var paired = mine.Select(r => Of(RuntimePrograms.NativeAot).FirstOrDefault(b => b.Round == r.Round) is { } b ? b.Seconds / r.Seconds : (double?)null)
                    .OfType<double>().ToList();
                bool againstAot = config != RuntimePrograms.NativeAot && paired.Count > 0;
                rows.Add(new RuntimeSummaryRow(program, config, mine.Count, median, mine.Min(r => r.Seconds), mine.Max(r => r.Seconds),
                    rss.Count > 0 ? Summaries.Median(rss) : null, cpu.Count > 0 ? Summaries.Median(cpu) : null,
                    Ratio(RuntimePrograms.NativeAot), againstAot ? paired.Min() : null, againstAot ? paired.Max() : null,
                    Ratio(RuntimePrograms.CoreClr)));
            }
        }
        return rows;
    }
}
