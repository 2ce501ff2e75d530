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
        int rounds = 5;
        bool quick = false;
        string output = defaultOutput;
        IReadOnlyList<RuntimeProgram> programs = RuntimePrograms.All;
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            string? Value() => i + 1 < args.Count ? args[++i] : null;
            switch (arg)
            {
                case "--quick":
                    quick = true;
                    break;
                case "--rounds":
                    if (!int.TryParse(Value(), out rounds) || rounds <= 0) return (null, "--rounds needs a positive number");
                    break;
                case "--out":
                    if (Value() is not { Length: > 0 } dir) return (null, "--out needs a folder");
                    output = Path.GetFullPath(dir);
                    break;
                case "--programs":
                    if (Value() is not { Length: > 0 } list) return (null, "--programs needs names, comma-separated");
                    var names = list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
                    var unknown = names.Where(n => RuntimePrograms.All.All(p => p.Name != n)).ToList();
                    if (unknown.Count > 0)
                        return (null, $"no program {string.Join(", ", unknown)} (there are: {string.Join(", ", RuntimePrograms.All.Select(p => p.Name))})");
                    programs = RuntimePrograms.All.Where(p => names.Contains(p.Name)).ToList();
                    break;
                default:
                    return (null, $"unknown option {arg} (runtime takes --rounds R, --quick, --programs a,b, --out DIR)");
            }
        }
        return (new RuntimeOptions { Rounds = quick ? 1 : rounds, Quick = quick, OutputDirectory = output, Programs = programs }, null);
    }
}
