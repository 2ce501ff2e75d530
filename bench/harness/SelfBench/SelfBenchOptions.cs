using System.Globalization;

namespace Testbed.Bench.SelfBench;

/// <summary>What one `testbed bench kv-self|http-self` run does (the defaults are the full run's).</summary>
public sealed record SelfBenchOptions
{
    /// <summary>kv or http: the app whose `self-bench` runs.</summary>
    public required string App { get; init; }
    public required IReadOnlyList<BenchConfig> Configs { get; init; }
    public int Rounds { get; init; } = 5;
    public bool Quick { get; init; }
    /// <summary>kv: requests per test (self-bench --requests); a tenth more run first, unrecorded.</summary>
    public int Requests { get; init; } = 1_000_000;
    /// <summary>http: seconds per path (self-bench --seconds); a tenth as long first, unrecorded.</summary>
    public int Seconds { get; init; } = 5;
    /// <summary>Client connections (kv self-bench --clients, http self-bench --connections).</summary>
    public int Clients { get; init; } = 30;
    public required string OutputDirectory { get; init; }
    public string Command { get; init; } = "./testbed bench kv-self";

    public string ResultName => App + (Quick ? "-self-quick" : "-self");

    /// <summary>The app's own arguments: `self-bench` and how much to do.</summary>
    public IReadOnlyList<string> SelfBenchArguments => App == "kv"
        ? ["self-bench", "--requests", Requests.ToString(CultureInfo.InvariantCulture), "--clients", Clients.ToString(CultureInfo.InvariantCulture)]
        : ["self-bench", "--seconds", Seconds.ToString(CultureInfo.InvariantCulture), "--connections", Clients.ToString(CultureInfo.InvariantCulture)];

    public static string Usage(string app) => $"{app}-self takes --rounds R, --quick, {(app == "kv" ? "--requests N, --clients C" : "--seconds S, --connections C")}, --configs a,b, --add NAME=PIPELINE, --out DIR";

    /// <summary>The configurations: the app on CoreCLR (the kernel's loopback) and Testbed's linux-target builds; none under PVH (TCG here).</summary>
    public static IReadOnlyList<BenchConfig> Available(string app, IEnumerable<string> added) =>
        Configurations.For(app).Where(c => c.Kind == ServerKind.CoreClr || (c.Kind == ServerKind.Testbed && !c.IsPvh))
            .Concat(added.Select(a => Configurations.Added(app, a))).ToList();

    /// <param name="app">kv or http.</param>
    public static (SelfBenchOptions? Options, string? Error) Parse(string app, IReadOnlyList<string> args, string defaultOutput)
    {
        int requests = 1_000_000, clients = 30, seconds = 5;
        string? only = null;
        var added = new List<string>();
        string? Own(string option, Func<string?> value)
        {
            switch (option)
            {
                case "--requests" when app == "kv":
                    return int.TryParse(value(), out requests) && requests > 0 ? null : "--requests needs a positive number";
                case "--seconds" when app == "http":
                    return int.TryParse(value(), out seconds) && seconds is > 0 and <= 3600 ? null : "--seconds needs a whole number from 1 to 3600";
                case "--clients" when app == "kv":
                case "--connections" when app == "http":
                    return int.TryParse(value(), out clients) && clients is > 0 and <= 1000 ? null : $"{option} needs a number from 1 to 1000";
                case "--configs":
                    only = value();
                    return only is { Length: > 0 } ? null : "--configs needs names, comma-separated";
                case "--add":
                    if (value() is not { Length: > 0 } spec) return "--add needs NAME=PIPELINE";
                    added.Add(spec);
                    return null;
                default:
                    return $"unknown option {option} ({Usage(app)})";
            }
        }
        var (common, error) = RoundArguments.Parse(args, defaultOutput, Usage(app), Own);
        if (common == null) return (null, error);
        IReadOnlyList<BenchConfig> all;
        try
        {
            all = Available(app, added);
        }
        catch (ArgumentException e)
        {
            return (null, e.Message);
        }
        var (chosen, unknown) = Configurations.Choose(all, only);
        if (unknown != null) return (null, unknown);
        return (new SelfBenchOptions
        {
            App = app, Configs = chosen, Rounds = common.Rounds, Quick = common.Quick, OutputDirectory = common.OutputDirectory,
            Requests = common.Quick ? 20_000 : requests, Seconds = common.Quick ? 1 : seconds, Clients = clients,
        }, null);
    }
}
