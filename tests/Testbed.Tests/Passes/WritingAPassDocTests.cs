using System.Diagnostics;
using System.Text.RegularExpressions;
using Testbed.Cli.Driver;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>
/// docs/writing-a-pass.md cannot rot: each file it shows (a code block after <c>&lt;!-- file: PATH --&gt;</c>)
/// must be the repository's file, and each <c>$ command</c> in a console block is run from the repository
/// root with bash, standard error joined to standard output, and must print what the page shows after it
/// (a line <c>...</c> stands for any number of lines). <c>./testbed</c> is the compiler under test.
/// </summary>
public sealed partial class WritingAPassDocTests
{
    private static string Root => RepositoryLayout.Locate().Root;
    private static string Doc => File.ReadAllText(Path.Combine(Root, "docs", "writing-a-pass.md"));

    [GeneratedRegex(@"<!-- file: (?<path>\S+) -->\s*\n```[a-z]*\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex FileBlock();

    [GeneratedRegex(@"```console\n(?<body>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ConsoleBlock();

    [Fact]
    public void TheFilesShownAreTheFilesShipped()
    {
        var blocks = FileBlock().Matches(Doc);
        Assert.Equal(4, blocks.Count);
        foreach (Match block in blocks)
            Assert.Equal(File.ReadAllText(Path.Combine(Root, block.Groups["path"].Value)), block.Groups["body"].Value);
    }

    [Fact]
    public void TheCommandsShownPrintWhatIsShown()
    {
        var sessions = ConsoleBlock().Matches(Doc).Select(m => m.Groups["body"].Value).ToList();
        Assert.True(sessions.Count >= 5, "the page lost its console blocks");
        Assert.StartsWith("$ dotnet build passes/examples/StrengthReduce", sessions[0]);
        foreach (var session in sessions)
        {
            var lines = session.TrimEnd('\n').Split('\n');
            for (int k = 0; k < lines.Length; k++)
            {
                if (!lines[k].StartsWith("$ ")) continue;
                var expected = lines.Skip(k + 1).TakeWhile(l => !l.StartsWith("$ ")).ToList();
                var (code, output) = Shell(lines[k][2..]);
                Assert.True(code == 0, $"{lines[k]}\nexit code {code}\n{output}");
                var mismatch = Compare(expected, output.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd()).ToList());
                Assert.True(mismatch is null, $"{lines[k]}\n{mismatch}\n--- printed:\n{output}");
            }
        }
    }

    /// <summary>Null when <paramref name="actual"/> is <paramref name="expected"/>, where a "..." line matches any lines.</summary>
    private static string? Compare(IReadOnlyList<string> expected, IReadOnlyList<string> actual)
    {
        bool Match(int e, int a)
        {
            if (e == expected.Count) return a == actual.Count;
            if (expected[e] == "...") return Enumerable.Range(a, actual.Count - a + 1).Any(next => Match(e + 1, next));
            return a < actual.Count && actual[a] == expected[e].TrimEnd() && Match(e + 1, a + 1);
        }
        return Match(0, 0) ? null : "--- expected:\n" + string.Join('\n', expected);
    }

    private static (int Code, string Output) Shell(string command)
    {
        // The page's ./testbed is the compiler these tests were built with (the script would also install and rebuild).
        var script = "exec 2>&1\ntestbed_under_test() { dotnet \"$TESTBED_DLL\" \"$@\"; }\n"
            + Regex.Replace(command, @"(^|\s)\./testbed ", "$1testbed_under_test ");
        var psi = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardInput = true, UseShellExecute = false, WorkingDirectory = Root };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(script);
        psi.Environment["TESTBED_DLL"] = Path.Combine(AppContext.BaseDirectory, "testbed.dll");
        psi.Environment["TESTBED_ROOT"] = Root;
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(300_000)) { process.Kill(true); throw new TimeoutException(command); }
        return (process.ExitCode, output.Result);
    }
}
