namespace Testbed.Bench;

/// <summary>
/// The arguments `bench runtime` and `bench gc` share, `[--rounds R] [--quick] [--out DIR]`, parsed apart from
/// System.CommandLine's RootCommand of kv and http, whose options (--requests, --configs …) mean nothing there.
/// A command's own options go to <paramref name="own"/>.
/// </summary>
public sealed record RoundArguments(int Rounds, bool Quick, string OutputDirectory)
{
    /// <param name="own">Called for any other option with a reader of its value: an error, or null when it took it; not set: the option is unknown.</param>
    /// <param name="usage">What the command takes, for the unknown-option error.</param>
    public static (RoundArguments? Arguments, string? Error) Parse(IReadOnlyList<string> args, string defaultOutput, string usage,
        Func<string, Func<string?>, string?>? own = null)
    {
        int rounds = 5;
        bool quick = false;
        string output = defaultOutput;
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
                default:
                    string? error = own == null ? $"unknown option {arg} ({usage})" : own(arg, Value);
                    if (error != null) return (null, error);
                    break;
            }
        }
        return (new RoundArguments(quick ? 1 : rounds, quick, output), null);
    }
}
