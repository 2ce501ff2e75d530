using System.Text;
using System.Text.RegularExpressions;

namespace Testbed.Cli.Commands.TestIr;

/// <summary>
/// Runs one test file in the style of LLVM's lit. Each <c>; RUN:</c> line is a `testbed opt` command, run in
/// this process; its output is matched against the file's <c>; CHECK:</c> lines and its diagnostics against
/// its <c>; ERROR:</c> lines (FileCheck.cs). Several RUN lines are each checked against the same directives.
/// Substitutions: <c>%s</c> is the file itself; <c>%testbed</c> may stand for `testbed`; <c>%plugin</c> is the
/// pass plugin given to `testbed test-ir --plugin` (with several, the word is repeated for each, and so is a
/// <c>--load-pass-plugin</c> before it). <c>2>&amp;1</c> checks standard output and error together, in the
/// order written; a trailing <c>| FileCheck %s</c> is accepted for familiarity and changes nothing.
/// A file with ERROR lines must fail with exit code 2; any other must succeed.
/// </summary>
public static partial class Lit
{
    private const string LoadPluginOption = "--load-pass-plugin";

    [GeneratedRegex(@"^[ \t]*;[ \t]*RUN:(?<command>.*)$", RegexOptions.Multiline)]
    private static partial Regex RunLine();

    [GeneratedRegex(@"%(?<name>[A-Za-z_]+)")]
    private static partial Regex Substitution();

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    /// <summary>Null when the file's expectations hold, else a report of what did not (FileCheck's format).</summary>
    /// <param name="plugins">What <c>%plugin</c> stands for; a RUN line that uses it fails when this is empty.</param>
    public static string? Run(string path, IReadOnlyList<string>? plugins = null)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"{path}: error: cannot read: {e.Message}\n";
        }
        var runs = RunLine().Matches(text);
        if (runs.Count == 0) return $"{path}: error: no '; RUN: testbed opt %s ...' line: nothing to run\n";
        IReadOnlyList<FileCheck.Directive> checks, errors;
        try
        {
            (checks, errors) = FileCheck.Parse(text, path);
        }
        catch (FormatException e)
        {
            return e.Message + "\n";
        }
        if (checks.Count == 0 && errors.Count == 0) return $"{path}: error: no CHECK or ERROR lines: the test could not fail\n";

        var report = new StringBuilder();
        foreach (Match run in runs)
        {
            int line = 1 + text.AsSpan(0, run.Index).Count('\n');
            report.Append(RunCommand(path, line, run.Groups["command"].Value, plugins ?? Array.Empty<string>(), checks, errors));
        }
        return report.Length == 0 ? null : report.ToString();
    }

    /// <summary>The report of one RUN line: empty when it met every expectation.</summary>
    private static string RunCommand(string path, int line, string command, IReadOnlyList<string> plugins,
        IReadOnlyList<FileCheck.Directive> checks, IReadOnlyList<FileCheck.Directive> errors)
    {
        IReadOnlyList<string> arguments;
        bool merged;
        try
        {
            (arguments, merged) = Command(command, path, plugins);
        }
        catch (FormatException e)
        {
            return $"{path}:{line}: error: {e.Message}\n";
        }
        var shown = $"RUN: at line {line}: testbed {string.Join(' ', arguments.Select(ShellQuote))}\n";
        // A pass that throws does not stop the run: System.CommandLine prints the exception with its stack
        // trace on standard error and exits 1, so that file fails with the trace in its report.
        var outcome = Execute(arguments, merged);

        var report = new StringBuilder();
        int expected = errors.Count > 0 ? 2 : 0;
        if (outcome.ExitCode != expected)
            report.Append($"{path}:{line}: error: exit code {outcome.ExitCode}, expected {expected} ({(expected == 2 ? "the file has ERROR lines" : "the file has no ERROR lines")})\n");
        if (FileCheck.Match(checks, outcome.Stdout, path, merged ? "<stdout+stderr>" : "<stdout>") is { } checkFailure) report.Append(checkFailure);
        if (FileCheck.Match(errors, merged ? outcome.Stdout : outcome.Stderr, path, merged ? "<stdout+stderr>" : "<stderr>") is { } errorFailure)
            report.Append(errorFailure);
        if (report.Length == 0) return "";
        report.Append(shown).Append($"exit code: {outcome.ExitCode}\n");
        if (merged) report.Append($"--- stdout and stderr:\n{outcome.Stdout}");
        else report.Append($"--- stdout:\n{outcome.Stdout}--- stderr:\n{outcome.Stderr}");
        if (report[^1] != '\n') report.Append('\n');
        return report.ToString();
    }

    /// <summary>The testbed arguments of a RUN command, and whether stderr joins stdout (2>&amp;1).</summary>
    /// <exception cref="FormatException">Not `testbed opt ...`, an unknown substitution, or %plugin without a plugin.</exception>
    public static (IReadOnlyList<string> Arguments, bool Merged) Command(string command, string path, IReadOnlyList<string>? plugins = null)
    {
        plugins ??= Array.Empty<string>();
        var words = ShellWords(command);
        int pipe = words.IndexOf("|");
        if (pipe >= 0)
        {
            // Exactly "| FileCheck %s": an option such as --check-prefix would change what is checked,
            // and silently ignoring it would let a test pass on checks it never made.
            var after = words.Skip(pipe + 1).ToList();
            if (after.Count != 2 || !string.Equals(after[0], "FileCheck", StringComparison.OrdinalIgnoreCase) || after[1] != "%s")
                throw new FormatException($"RUN: only '| FileCheck %s' may follow the command (no FileCheck options: use a file per prefix): {command.Trim()}");
            words = words.Take(pipe).ToList();
        }
        bool merged = words.Remove("2>&1");
        // Only opt: the command runs in this process, and opt is the command that reads a .tbir file.
        if (words.Count < 2 || words[0] is not ("testbed" or "%testbed") || words[1] != "opt")
            throw new FormatException($"RUN: expected 'testbed opt %s ...' (or '%testbed opt %s ...'), found: {command.Trim()}");

        var arguments = new List<string>();
        foreach (var word in words.Skip(1))
        {
            var unknown = Substitution().Matches(word).Select(m => m.Groups["name"].Value).FirstOrDefault(n => n is not ("s" or "plugin"));
            if (unknown is not null)
                throw new FormatException($"RUN: unknown substitution %{unknown} in '{word}' (known: %s, %testbed, %plugin)");
            var substituted = word.Replace("%s", path);
            if (!substituted.Contains("%plugin"))
            {
                arguments.Add(substituted);
                continue;
            }
            if (plugins.Count == 0)
                throw new FormatException("RUN: %plugin stands for the assembly given by 'testbed test-ir --plugin ASSEMBLY', and none was given");
            bool optionBefore = arguments.Count > 0 && arguments[^1] == LoadPluginOption;
            if (optionBefore) arguments.RemoveAt(arguments.Count - 1);
            foreach (var plugin in plugins)
            {
                if (optionBefore) arguments.Add(LoadPluginOption);
                arguments.Add(substituted.Replace("%plugin", plugin));
            }
        }
        return (arguments, merged);
    }

    public static Outcome Execute(IReadOnlyList<string> arguments, bool merged)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = merged ? stdout : new StringWriter { NewLine = "\n" };
        int code = Program.Run(arguments, stdout, stderr);
        return new Outcome(code, stdout.ToString(), merged ? "" : stderr.ToString());
    }

    /// <summary>A word as a POSIX shell reads it back, so that a reported command can be pasted and rerun.</summary>
    public static string ShellQuote(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "_-./=,:+@%".Contains(c)) ? word : "'" + word.Replace("'", "'\\''") + "'";

    /// <summary>Splits a command as a POSIX shell would, for the quoting pipelines need: '...', "..." and \.</summary>
    public static List<string> ShellWords(string command)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        bool inWord = false;
        for (int k = 0; k < command.Length; k++)
        {
            char c = command[k];
            if (char.IsWhiteSpace(c))
            {
                if (inWord) words.Add(word.ToString());
                word.Clear();
                inWord = false;
                continue;
            }
            inWord = true;
            if (c == '\'')
            {
                int close = command.IndexOf('\'', k + 1);
                if (close < 0) throw new FormatException($"RUN: unclosed ' in {command}");
                word.Append(command, k + 1, close - k - 1);
                k = close;
            }
            else if (c == '"')
            {
                for (k++; k < command.Length && command[k] != '"'; k++)
                    word.Append(command[k] == '\\' && k + 1 < command.Length ? command[++k] : command[k]);
                if (k >= command.Length) throw new FormatException($"RUN: unclosed \" in {command}");
            }
            else if (c == '\\' && k + 1 < command.Length) word.Append(command[++k]);
            else word.Append(c);
        }
        if (inWord) words.Add(word.ToString());
        return words;
    }
}
