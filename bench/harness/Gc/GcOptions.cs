using Testbed.Bench.Runtime;

namespace Testbed.Bench.Gc;

/// <summary>
/// One program `testbed bench gc` measures: its source under bench/, its arguments for a full and a --quick
/// run, and whether it prints the collector's key=value counters (bench/gc/generations.cs does; binarytrees
/// only prints its result, so its check compares the whole output and only its wall time is measured).
/// </summary>
public sealed record GcProgram(string Name, string Source, string[] Arguments, string[] QuickArguments, bool PrintsCounters);

/// <summary>The programs and the three configurations, in the tables' order.</summary>
public static class GcPrograms
{
    /// <summary>A Dictionary&lt;int, byte[]&gt; of 1 M keys (about 110 MB live) under 4 M replacing SETs: a large old heap with a young churn.</summary>
    public static readonly GcProgram KeyValue = new("kv", "bench/gc/generations.cs", ["1000000", "4000000"], ["200000", "400000"], PrintsCounters: true);

    /// <summary>binarytrees with the depth `bench runtime` gives it, so that the two results can be set side by side.</summary>
    public static readonly GcProgram BinaryTrees = BinaryTreesOfRuntime();

    public static readonly IReadOnlyList<GcProgram> All = [KeyValue, BinaryTrees];

    /// <summary>Normal build, TESTBED_GC unset: minor collections with the adaptive nursery, card-marking barrier on.</summary>
    public const string Generational = "generational";
    /// <summary>Normal build, TESTBED_GC=full: the barrier still runs, but every collection marks everything.</summary>
    public const string Full = "full";
    /// <summary>Built with --ablate-write-barriers, TESTBED_GC unset: no barrier, so the collector only does full collections.</summary>
    public const string NoBarriers = "no-barriers";

    public static readonly IReadOnlyList<string> Configs = [Generational, Full, NoBarriers];

    /// <summary>What TESTBED_GC a configuration runs with; null: not set at all, whatever the harness's own environment holds.</summary>
    public static string? CollectorSetting(string config) => config == Full ? "full" : null;

    /// <summary>Whether a configuration runs the build with --ablate-write-barriers.</summary>
    public static bool Ablated(string config) => config == NoBarriers;

    private static GcProgram BinaryTreesOfRuntime()
    {
        var runtime = RuntimePrograms.All.Single(p => p.Name == "binarytrees");
        return new GcProgram(runtime.Name, $"bench/runtime/programs/{runtime.Name}.cs", [runtime.Argument], [runtime.QuickArgument], PrintsCounters: false);
    }
}

/// <summary>What one `testbed bench gc` run does (the defaults are the full run's).</summary>
public sealed record GcOptions
{
    public int Rounds { get; init; } = 5;
    public bool Quick { get; init; }
    public required string OutputDirectory { get; init; }
    /// <summary>The command line, recorded with the results so that they can be reproduced.</summary>
    public string Command { get; init; } = "./testbed bench gc";

    /// <summary>gc-generations.*, or gc-generations-quick.* for a smoke run, so a smoke run never replaces a measurement.</summary>
    public string ResultName => Quick ? "gc-generations-quick" : "gc-generations";

    public string[] ArgumentsOf(GcProgram program) => Quick ? program.QuickArguments : program.Arguments;

    /// <summary>`[--rounds R] [--quick] [--out DIR]`, or an error a user can act on (kept apart from kv's and http's RootCommand, as runtime's are).</summary>
    public static (GcOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string defaultOutput)
    {
        var (common, error) = RoundArguments.Parse(args, defaultOutput, "gc takes --rounds R, --quick, --out DIR");
        if (common == null) return (null, error);
        return (new GcOptions { Rounds = common.Rounds, Quick = common.Quick, OutputDirectory = common.OutputDirectory }, null);
    }
}
