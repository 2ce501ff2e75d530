namespace Testbed.Passes;

/// <summary>
/// What the command line says about the pass pipeline and its observation; the same for
/// `testbed opt`, `build` and `run` (docs/passes.md describes each flag).
/// </summary>
public sealed record PipelineOptions
{
    /// <summary>--passes=TEXT; null when not given.</summary>
    public string? Passes { get; init; }
    /// <summary>--pipeline NAME (separate, whole-system); null when not given.</summary>
    public string? PipelineName { get; init; }
    /// <summary>-O0..-O3; null when not given.</summary>
    public int? OptLevel { get; init; }
    /// <summary>--load-pass-plugin, in order.</summary>
    public IReadOnlyList<string> Plugins { get; init; } = Array.Empty<string>();
    public bool PrintAfterAll { get; init; }
    /// <summary>--print-after=NAME, each a registered pass name.</summary>
    public IReadOnlyList<string> PrintAfter { get; init; } = Array.Empty<string>();
    public bool PrintChanged { get; init; }
    public bool TimePasses { get; init; }
    public bool Statistics { get; init; }
    /// <summary>--remarks=REGEX: print the remarks of passes whose name matches.</summary>
    public string? Remarks { get; init; }
    /// <summary>--remarks-file=PATH: write remarks as JSON lines (those matching --remarks, if given; else all).</summary>
    public string? RemarksFile { get; init; }
    public bool VerifyEach { get; init; }
    /// <summary>--count-layer-calls: the count-layer-calls pass after the Testbed part of the pipeline.</summary>
    public bool CountLayerCalls { get; init; }
    /// <summary>run --profile: the start-profiler pass after the Testbed part of the pipeline.</summary>
    public bool StartProfiler { get; init; }

    public static PipelineOptions OptLevelOnly(int level) => new() { OptLevel = level };
    public static PipelineOptions FromText(string passes) => new() { Passes = passes };
}
