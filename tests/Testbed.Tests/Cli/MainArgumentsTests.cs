using Xunit;

namespace Testbed.Tests.Cli;

/// <summary>
/// <c>Main(string[] args)</c> gets what follows <c>--</c> on <c>testbed run</c>'s command line: argv[1..] of
/// the linux executable, <c>TESTBED_ARG=</c> words of the pvh guest's kernel command line (docs/libos.md,
/// "Program arguments"). The differential corpus runs programs without arguments, so this is where
/// arguments are checked, with spaces, an empty one, option-like ones, non-ASCII and the encoding's own
/// characters.
/// </summary>
public sealed class MainArgumentsTests
{
    private const string Program = """
        using System;

        public static class Program
        {
            public static int Main(string[] args)
            {
                Console.WriteLine("count " + args.Length);
                foreach (string a in args)
                    Console.WriteLine("[" + a + "] " + a.Length);
                return args.Length;
            }
        }
        """;

    private static readonly string[] Arguments = ["a", "b c", "", "--target", "x=%41 y", "ünï", "  two  spaces "];

    private static string Expected(string[] arguments) =>
        $"count {arguments.Length}\n" + string.Concat(arguments.Select(a => $"[{a}] {a.Length}\n"));

    [Theory]
    [InlineData("linux")]
    [InlineData("pvh")]
    public void MainGetsTheArgumentsAfterTheSeparator(string target)
    {
        var source = CliProcess.WriteProgram("main_args", Program);
        var result = CliProcess.Run(["run", source, "--target", target, "--", .. Arguments]);
        Assert.True(result.ExitCode == Arguments.Length, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Equal(Expected(Arguments), result.Stdout.Replace("\r\n", "\n"));
    }

    [Theory]
    [InlineData("linux")]
    [InlineData("pvh")]
    public void WithoutArgumentsMainGetsAnEmptyArray(string target)
    {
        var source = CliProcess.WriteProgram("main_no_args", Program);
        var result = CliProcess.Run(["run", source, "--target", target]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        Assert.Equal("count 0\n", result.Stdout.Replace("\r\n", "\n"));
    }
}
