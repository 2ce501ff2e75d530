using System.Text.Json;
using System.Text.Json.Serialization;
using Testbed.Bench.Clients;

namespace Testbed.Bench.Results;

/// <summary>
/// bench/results/&lt;bench&gt;.json: everything a run measured, raw (every round of every configuration), with
/// the machine, the settings and every command, so that a table can be recomputed and a run repeated.
/// <see cref="Schema"/> changes when a field changes meaning.
/// </summary>
public sealed record BenchReport(
    [property: JsonPropertyName("schema")] string Schema,
    [property: JsonPropertyName("bench")] string Bench,
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("started_utc")] DateTime StartedUtc,
    [property: JsonPropertyName("machine")] Machine Machine,
    [property: JsonPropertyName("settings")] BenchSettings Settings,
    [property: JsonPropertyName("configurations")] IReadOnlyList<ConfigRecord> Configurations,
    [property: JsonPropertyName("rounds")] IReadOnlyList<RoundRecord> Rounds,
    [property: JsonPropertyName("summary")] IReadOnlyList<SummaryRow> Summary)
{
    public const string CurrentSchema = "testbed-bench/1";

    public static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };
}

public sealed record BenchSettings(
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("warmup_rounds")] int WarmupRounds,
    [property: JsonPropertyName("requests")] long Requests,
    [property: JsonPropertyName("seconds")] double Seconds,
    [property: JsonPropertyName("connections")] int Connections,
    [property: JsonPropertyName("pipelines")] IReadOnlyList<int> Pipelines,
    [property: JsonPropertyName("paths")] IReadOnlyList<string> Paths,
    [property: JsonPropertyName("quick")] bool Quick);

public sealed record ConfigRecord(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("label")] string Label,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("target")] string? Target,
    [property: JsonPropertyName("passes")] string? Passes,
    [property: JsonPropertyName("accelerator")] string? Accelerator,
    [property: JsonPropertyName("version")] string Version,
    [property: JsonPropertyName("image_bytes")] long? ImageBytes,
    [property: JsonPropertyName("server_command")] string ServerCommand,
    [property: JsonPropertyName("differs_from_defaults")] IReadOnlyList<string> DiffersFromDefaults);

/// <summary>
/// One server start: its place in the round's order, start-up, memory, and its client runs. BytesCopied: the
/// payload bytes the library OS's stack copied over the server's whole run (null where the build does not
/// report them), over RequestsServed: every request the clients sent it, warm-up included.
/// </summary>
public sealed record RoundRecord(
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("warmup")] bool Warmup,
    [property: JsonPropertyName("config")] string Config,
    [property: JsonPropertyName("position")] int Position,
    [property: JsonPropertyName("startup_ms")] double? StartupMilliseconds,
    [property: JsonPropertyName("rss_bytes")] long? ResidentBytes,
    [property: JsonPropertyName("peak_rss_bytes")] long? PeakResidentBytes,
    [property: JsonPropertyName("bytes_copied")] long? BytesCopied,
    [property: JsonPropertyName("requests_served")] long? RequestsServed,
    [property: JsonPropertyName("tests")] IReadOnlyList<ClientResult> Tests,
    [property: JsonPropertyName("client_commands")] IReadOnlyList<string> ClientCommands,
    [property: JsonPropertyName("error")] string? Error)
{
    [JsonPropertyName("bytes_copied_per_request")]
    public double? BytesCopiedPerRequest => BytesCopied is { } b && RequestsServed is > 0 ? (double)b / RequestsServed.Value : null;

    /// <summary>BytesCopied by copy site (into send buffers, into segments, ..., by the device).</summary>
    [JsonPropertyName("copied_by_site")]
    public IReadOnlyDictionary<string, long>? CopiedBySite { get; init; }

    /// <summary>Calls from one layer into another ("app -> corlib"), counted by an image built with --count-layer-calls; null otherwise.</summary>
    [JsonPropertyName("layer_calls")]
    public IReadOnlyDictionary<string, long>? LayerCalls { get; init; }
}

/// <summary>Medians over the measured rounds of one configuration and test, with min–max and the ratios the tables show.</summary>
public sealed record SummaryRow(
    [property: JsonPropertyName("config")] string Config,
    [property: JsonPropertyName("test")] string Test,
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("rps_median")] double RpsMedian,
    [property: JsonPropertyName("rps_min")] double RpsMin,
    [property: JsonPropertyName("rps_max")] double RpsMax,
    [property: JsonPropertyName("p50_ms_median")] double P50Median,
    [property: JsonPropertyName("p99_ms_median")] double P99Median,
    [property: JsonPropertyName("vs_native")] double? VersusNative,
    [property: JsonPropertyName("vs_separate")] double? VersusSeparate);
