namespace Testbed.Bench.Runtime;

/// <summary>What one `testbed bench runtime` run does (the defaults are the full run's).</summary>
public sealed record RuntimeOptions
{
    public IReadOnlyList<RuntimeProgram> Programs { get; init; } = RuntimePrograms.All;
    public int Rounds { get; init; } = 5;
    public bool Quick { get; init; }
    public required string OutputDirectory { get; init; }
    /// <summary>The command line, recorded with the results so that they can be reproduced.</summary>
    public string Command { get; init; } = "./testbed bench runtime";

    /// <summary>The file names of the results: runtime.* , or runtime-quick.* for a smoke run.</summary>
    public string ResultName => Quick ? "runtime-quick" : "runtime";

    public string ArgumentOf(RuntimeProgram program) => Quick ? program.QuickArgument : program.Argument;

    /// <summary>
    /// `[--rounds R] [--quick] [--programs a,b] [--out DIR]`, or an error a user can act on. Kept apart from
    /// System.CommandLine's RootCommand of kv and http, whose options (--requests, --configs …) mean nothing here.
    /// </summary>
    public static (RuntimeOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string defaultOutput)
    {
        IReadOnlyList<RuntimeProgram> programs = RuntimePrograms.All;
        string? Programs(string option, Func<string?> value)
        {
            if (option != "--programs")
                return $"unknown option {option} (runtime takes --rounds R, --quick, --programs a,b, --out DIR)";
            if (value() is not { Length: > 0 } list) return "--programs needs names, comma-separated";
            var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var unknown = names.Where(n => RuntimePrograms.All.All(p => p.Name != n)).ToList();
            if (unknown.Count > 0)
                return $"no program {string.Join(", ", unknown)} (there are: {string.Join(", ", RuntimePrograms.All.Select(p => p.Name))})";
            programs = RuntimePrograms.All.Where(p => names.Contains(p.Name)).ToList();
            return null;
        }
        var (common, error) = RoundArguments.Parse(args, defaultOutput, "runtime takes --rounds R, --quick, --programs a,b, --out DIR", Programs);
        if (common == null) return (null, error);
        return (new RuntimeOptions { Rounds = common.Rounds, Quick = common.Quick, OutputDirectory = common.OutputDirectory, Programs = programs }, null);
    }
}
