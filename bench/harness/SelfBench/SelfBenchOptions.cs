namespace Testbed.Bench.SelfBench;

/// <summary>What one `testbed bench kv-self` run does (the defaults are the full run's).</summary>
public sealed record SelfBenchOptions
{
    public required IReadOnlyList<BenchConfig> Configs { get; init; }
    public int Rounds { get; init; } = 5;
    public bool Quick { get; init; }
    /// <summary>Requests per test (kv self-bench --requests); a tenth more run first, unrecorded.</summary>
    public int Requests { get; init; } = 1_000_000;
    public int Clients { get; init; } = 30;
    public required string OutputDirectory { get; init; }
    public string Command { get; init; } = "./testbed bench kv-self";

    public string ResultName => Quick ? "kv-self-quick" : "kv-self";

    public const string Usage = "kv-self takes --rounds R, --quick, --requests N, --clients C, --configs a,b, --add NAME=PIPELINE, --out DIR";

    /// <summary>The configurations: kv on CoreCLR (the kernel's loopback) and Testbed's linux-target builds; none under PVH (TCG here).</summary>
    public static IReadOnlyList<BenchConfig> Available(IEnumerable<string> added) =>
        Configurations.For("kv").Where(c => c.Kind == ServerKind.CoreClr || (c.Kind == ServerKind.Testbed && !c.IsPvh))
            .Concat(added.Select(a => Configurations.Added("kv", a))).ToList();

    public static (SelfBenchOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string defaultOutput)
    {
        int requests = 1_000_000, clients = 30;
        string? only = null;
        var added = new List<string>();
        string? Own(string option, Func<string?> value)
        {
            switch (option)
            {
                case "--requests":
                    return int.TryParse(value(), out requests) && requests > 0 ? null : "--requests needs a positive number";
                case "--clients":
                    return int.TryParse(value(), out clients) && clients is > 0 and <= 1000 ? null : "--clients needs a number from 1 to 1000";
                case "--configs":
                    only = value();
                    return only is { Length: > 0 } ? null : "--configs needs names, comma-separated";
                case "--add":
                    if (value() is not { Length: > 0 } spec) return "--add needs NAME=PIPELINE";
                    added.Add(spec);
                    return null;
                default:
                    return $"unknown option {option} ({Usage})";
            }
        }
        var (common, error) = RoundArguments.Parse(args, defaultOutput, Usage, Own);
        if (common == null) return (null, error);
        IReadOnlyList<BenchConfig> all;
        try
        {
            all = Available(added);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }
        var chosen = all;
        if (only != null)
        {
            var names = only.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = names.Where(n => all.All(c => c.Name != n)).ToList();
            if (unknown.Count > 0)
                return (null, $"no configuration {string.Join(", ", unknown)} (there are: {string.Join(", ", all.Select(c => c.Name))})");
            chosen = all.Where(c => names.Contains(c.Name)).ToList();
        }
        return (new SelfBenchOptions
        {
            Configs = chosen, Rounds = common.Rounds, Quick = common.Quick, OutputDirectory = common.OutputDirectory,
            Requests = common.Quick ? 20_000 : requests, Clients = clients,
        }, null);
    }
}
