using System.Text.Json.Serialization;
using Testbed.Bench.Results;

namespace Testbed.Bench.SelfBench;

/// <summary>bench/results/kv-self.json, http-self.json: everything a `testbed bench kv-self|http-self` run measured, raw, and how.</summary>
public sealed record SelfBenchReport(
    [property: JsonPropertyName("app")] string App,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("started_utc")] DateTime StartedUtc,
    [property: JsonPropertyName("machine")] Machine Machine,
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("quick")] bool Quick,
    [property: JsonPropertyName("requests")] int? Requests,
    [property: JsonPropertyName("seconds")] int? Seconds,
    [property: JsonPropertyName("clients")] int Clients,
    [property: JsonPropertyName("load_average")] IReadOnlyList<double> LoadAverage,
    [property: JsonPropertyName("pinned_to")] string? PinnedTo,
    [property: JsonPropertyName("configurations")] IReadOnlyList<SelfBenchConfig> Configurations,
    [property: JsonPropertyName("runs")] IReadOnlyList<SelfBenchRecord> Runs,
    [property: JsonPropertyName("summary")] IReadOnlyList<SelfBenchSummaryRow> Summary);

public sealed record SelfBenchConfig(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("pipeline")] string? Pipeline,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("image_bytes")] long? ImageBytes,
    [property: JsonPropertyName("error")] string? Error);

/// <summary>One process run: every test's requests per second, and the library OS's copy count (Testbed only).</summary>
public sealed record SelfBenchRecord(
    [property: JsonPropertyName("config")] string Config,
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("tests")] IReadOnlyList<SelfBenchTest> Tests,
    [property: JsonPropertyName("requests_in_all")] long? RequestsInAll,
    [property: JsonPropertyName("bytes_copied")] long? BytesCopied,
    [property: JsonPropertyName("exit")] int Exit,
    [property: JsonPropertyName("error")] string? Error);

public sealed record SelfBenchTest(
    [property: JsonPropertyName("test")] string Test,
    [property: JsonPropertyName("microseconds")] long Microseconds,
    [property: JsonPropertyName("requests_per_second")] double RequestsPerSecond);

/// <summary>
/// Medians over the rounds. VersusSeparate: this configuration's median over testbed-linux-separate's; the
/// paired range is the lowest and highest ratio of the two runs of one round.
/// </summary>
public sealed record SelfBenchSummaryRow(
    [property: JsonPropertyName("config")] string Config,
    [property: JsonPropertyName("test")] string Test,
    [property: JsonPropertyName("rps_median")] double RpsMedian,
    [property: JsonPropertyName("rps_min")] double RpsMin,
    [property: JsonPropertyName("rps_max")] double RpsMax,
    [property: JsonPropertyName("versus_separate")] double? VersusSeparate,
    [property: JsonPropertyName("versus_separate_min")] double? VersusSeparateMin,
    [property: JsonPropertyName("versus_separate_max")] double? VersusSeparateMax,
    [property: JsonPropertyName("bytes_copied_per_request")] double? BytesCopiedPerRequest);
