using System.CommandLine;

namespace Testbed.Cli.Commands;

/// <summary>
/// Checks of option values that System.CommandLine cannot make itself, done before anything is built or
/// started. A failed check is a usage error: "testbed: OPTION VALUE: what is wrong", exit code 1, as
/// System.CommandLine's own usage errors (README.md, the exit codes).
/// </summary>
internal static class CommandLineChecks
{
    /// <summary>What System.CommandLine returns for a malformed command line; ours are the same.</summary>
    public const int UsageError = 1;

    /// <summary>Writes a usage error about <paramref name="option"/>'s <paramref name="value"/> and returns its exit code.</summary>
    public static int Refuse(ParseResult parse, string option, string? value, string problem)
    {
        parse.InvocationConfiguration.Error.WriteLine($"testbed: {option} {value}: {problem}");
        return UsageError;
    }

    /// <summary>
    /// An input argument that looks like an option and names no file is an option nobody declared (System.CommandLine
    /// takes an unknown `--x` for the input): refused as a usage error like any unknown option, not built.
    /// </summary>
    public static int? RefuseUnknownOption(ParseResult parse, string? input)
    {
        if (input is null || !input.StartsWith('-') || input == "-" || File.Exists(input) || Directory.Exists(input)) return null;
        parse.InvocationConfiguration.Error.WriteLine($"testbed: unknown option {input} (testbed {parse.CommandResult.Command.Name} --help lists the options)");
        return UsageError;
    }

    /// <summary>
    /// Null when a file can be written at <paramref name="path"/>, else why not: checked before building,
    /// so that a typo in -o costs no build and never ends in a stack trace or a message without the path.
    /// </summary>
    public static string? CheckOutputPath(string path)
    {
        if (path.Length == 0) return "an empty path; give a file name";
        if (path.Contains('\0')) return "a NUL character in the path";
        var full = Path.GetFullPath(path);
        if (Directory.Exists(full))
            return "is a directory; give a file name";
        var directory = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(directory))
            return $"the directory {directory} does not exist";
        var probe = Path.Combine(directory, $".testbed-probe-{Guid.NewGuid():N}");
        try
        {
            using (File.Create(probe)) { }
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"cannot write in {directory} ({e.Message})";
        }
    }

    /// <summary>
    /// Rewrites each bare <paramref name="name"/> (an option whose value is optional) to
    /// <paramref name="replacement"/> unless the next argument is its value (<paramref name="isValue"/>):
    /// System.CommandLine would otherwise take the input after it as the value (`run --gdb app.cs`).
    /// Arguments after `--` are the program's, left alone.
    /// </summary>
    public static IReadOnlyList<string> GiveBareOptionItsValue(IReadOnlyList<string> args, string name, string replacement, Func<string, bool> isValue)
    {
        var result = new List<string>(args.Count);
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--")
            {
                result.AddRange(args.Skip(i));
                break;
            }
            bool valueFollows = i + 1 < args.Count && isValue(args[i + 1]);
            result.Add(args[i] == name && !valueFollows ? replacement : args[i]);
        }
        return result;
    }
}
