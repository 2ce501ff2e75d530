using System.Text;
using System.Text.RegularExpressions;
using Testbed.Cli;

namespace Testbed.Tests.Passes;

/// <summary>
/// Runs one test file in the style of LLVM's lit: its <c>; RUN:</c> line is a `testbed opt` command
/// (<c>%s</c> is the file itself), run in this process; its output is matched against the file's
/// <c>; CHECK:</c> lines and its diagnostics against its <c>; ERROR:</c> lines (FileCheck.cs).
/// <c>2>&amp;1</c> on the RUN line checks standard output and error together, in the order written;
/// a trailing <c>| FileCheck %s</c> is accepted for familiarity and changes nothing.
/// A file with ERROR lines must fail with exit code 2; any other must succeed.
/// </summary>
public static partial class Lit
{
    [GeneratedRegex(@"^\s*;\s*RUN:(?<command>.*)$", RegexOptions.Multiline)]
    private static partial Regex RunLine();

    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    /// <summary>Null when the file's expectations hold, else a report of what did not.</summary>
    public static string? Run(string path)
    {
        var text = File.ReadAllText(path);
        var runs = RunLine().Matches(text);
        if (runs.Count != 1) return $"{path}: expected exactly one '; RUN: testbed opt %s ...' line, found {runs.Count}";
        var (checks, errors) = FileCheck.Parse(text);
        if (checks.Count == 0 && errors.Count == 0) return $"{path}: no CHECK or ERROR lines: the test could not fail";

        var (arguments, merged) = Command(runs[0].Groups["command"].Value, path);
        var outcome = Execute(arguments, merged);
        var report = new StringBuilder();
        int expected = errors.Count > 0 ? 2 : 0;
        if (outcome.ExitCode != expected)
            report.Append($"{path}: exit code {outcome.ExitCode}, expected {expected}\n");
        if (FileCheck.Match(checks, outcome.Stdout, path) is { } checkFailure) report.Append(checkFailure);
        if (FileCheck.Match(errors, merged ? outcome.Stdout : outcome.Stderr, path) is { } errorFailure) report.Append(errorFailure);
        if (report.Length == 0) return null;
        report.Append($"--- command: testbed {string.Join(' ', arguments)}\n--- stdout:\n{outcome.Stdout}\n--- stderr:\n{outcome.Stderr}");
        return report.ToString();
    }

    /// <summary>The testbed arguments of a RUN command, and whether stderr joins stdout (2>&amp;1).</summary>
    public static (IReadOnlyList<string> Arguments, bool Merged) Command(string command, string path)
    {
        var words = ShellWords(command);
        int pipe = words.IndexOf("|");
        if (pipe >= 0)
        {
            if (pipe + 1 >= words.Count || !string.Equals(words[pipe + 1], "FileCheck", StringComparison.OrdinalIgnoreCase))
                throw new FormatException($"RUN: only '| FileCheck %s' may follow the command: {command}");
            words = words.Take(pipe).ToList();
        }
        bool merged = words.Remove("2>&1");
        if (words.Count < 2 || words[0] != "testbed" || words[1] != "opt")
            throw new FormatException($"RUN: expected 'testbed opt %s ...', found: {command.Trim()}");
        return (words.Skip(1).Select(w => w.Replace("%s", path)).ToList(), merged);
    }

    public static Outcome Execute(IReadOnlyList<string> arguments, bool merged)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = merged ? stdout : new StringWriter { NewLine = "\n" };
        int code = Program.Run(arguments, stdout, stderr);
        return new Outcome(code, stdout.ToString(), merged ? "" : stderr.ToString());
    }

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
