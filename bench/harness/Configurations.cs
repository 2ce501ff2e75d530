namespace Testbed.Bench;

/// <summary>What runs a benchmark's server.</summary>
public enum ServerKind
{
    /// <summary>Debian's redis-server or nginx, with the configuration checked in under bench/harness/configs.</summary>
    Native,
    /// <summary>The same C# app as Testbed compiles, on CoreCLR with kernel sockets.</summary>
    CoreClr,
    /// <summary>The app compiled by Testbed with the library OS: the linux target's executable on a tap, or the pvh image in QEMU.</summary>
    Testbed,
}

/// <summary>
/// One column of a benchmark: how its server is built and started. <paramref name="Passes"/> is a pipeline
/// in opt's grammar (null: the default, -O2), so a named pipeline or an ablation is one more entry.
/// </summary>
public sealed record BenchConfig(string Name, string Label, ServerKind Kind, string? Target = null, string? Passes = null)
{
    public bool IsPvh => Target == "pvh";

    /// <summary>Built with --count-layer-calls (`testbed bench --count-layer-calls`): counts cross-layer calls, slower for it.</summary>
    public bool CountLayerCalls { get; init; }
}

/// <summary>The benchmarks and their configurations, in the order tables and charts show them.</summary>
public static class Configurations
{
    public const string NativeName = "native";

    /// <summary>The configuration ratios are taken against when it ran (issue 12's conventional-OS baseline).</summary>
    public const string SeparateName = "testbed-linux-separate";

    public const string WholeSystemName = "testbed-linux-whole-system";

    public static IReadOnlyList<BenchConfig> For(string bench) => bench switch
    {
        "kv" =>
        [
            new(NativeName, "redis-server (native)", ServerKind.Native),
            new("coreclr", "kv on CoreCLR", ServerKind.CoreClr),
            new("testbed-linux", "kv, Testbed linux target (-O2)", ServerKind.Testbed, "linux"),
            new(SeparateName, "kv, Testbed linux target (--pipeline separate)", ServerKind.Testbed, "linux", "separate"),
            new(WholeSystemName, "kv, Testbed linux target (--pipeline whole-system)", ServerKind.Testbed, "linux", "whole-system"),
            new("testbed-pvh", "kv, Testbed PVH in QEMU", ServerKind.Testbed, "pvh"),
        ],
        "http" =>
        [
            new(NativeName, "nginx (native)", ServerKind.Native),
            new("coreclr", "tbhttp on CoreCLR", ServerKind.CoreClr),
            new("testbed-linux", "tbhttp, Testbed linux target (-O2)", ServerKind.Testbed, "linux"),
            new(SeparateName, "tbhttp, Testbed linux target (--pipeline separate)", ServerKind.Testbed, "linux", "separate"),
            new(WholeSystemName, "tbhttp, Testbed linux target (--pipeline whole-system)", ServerKind.Testbed, "linux", "whole-system"),
            new("testbed-pvh", "tbhttp, Testbed PVH in QEMU", ServerKind.Testbed, "pvh"),
        ],
        _ => throw new ArgumentException($"unknown benchmark '{bench}' (kv, http or net)"),
    };

    /// <summary>
    /// The configurations `--configs a,b` names, in <paramref name="all"/>'s order (all of them when <paramref name="only"/> is null),
    /// or the error naming those that do not exist.
    /// </summary>
    public static (IReadOnlyList<BenchConfig> Chosen, string? Error) Choose(IReadOnlyList<BenchConfig> all, string? only)
    {
        if (only == null) return (all, null);
        var names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var unknown = names.Where(n => all.All(c => c.Name != n)).ToList();
        if (unknown.Count > 0)
            return (all, $"no configuration {string.Join(", ", unknown)} (there are: {string.Join(", ", all.Select(c => c.Name))})");
        return (all.Where(c => names.Contains(c.Name)).ToList(), null);
    }

    /// <summary>A configuration from `--add NAME=PIPELINE`: the linux target built with that pass pipeline (opt's grammar, or -O0 … -O3).</summary>
    public static BenchConfig Added(string bench, string spec)
    {
        int eq = spec.IndexOf('=');
        if (eq <= 0 || eq == spec.Length - 1)
            throw new ArgumentException($"--add '{spec}': expected NAME=PIPELINE, e.g. o3='function(mem2reg),llvm(default<O3>)'");
        string name = "testbed-linux-" + spec[..eq];
        string passes = spec[(eq + 1)..];
        string app = bench == "kv" ? "kv" : "tbhttp";
        return new BenchConfig(name, $"{app}, Testbed linux target ({passes})", ServerKind.Testbed, "linux", passes);
    }
}
