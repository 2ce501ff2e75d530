using System.Diagnostics;
using Xunit;

namespace Testbed.Tests.Cli;

/// <summary>
/// Random command lines of build, run and opt with hostile option values, each of which must stop before
/// anything is built (a nonexistent input, or opt on a tiny .tbir): a documented exit code, no .NET stack
/// trace, no hang. The seed is fixed, so a failure names a command line that reproduces it.
/// </summary>
public sealed class CommandLineFuzzTests
{
    /// <summary>Fixed; TESTBED_FUZZ_SEED explores other command lines by hand.</summary>
    private static readonly int Seed = int.TryParse(Environment.GetEnvironmentVariable("TESTBED_FUZZ_SEED"), out var s) ? s : 1414;
    private const int CommandLines = 60;

    /// <summary>The command lines run in order until this much time has passed: the same ones every time, fewer on a slow machine.</summary>
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(45);

    /// <summary>README.md: 0, 1 (a usage error), 2 (a diagnostic); 3 (a missing tool) cannot happen before a build.</summary>
    private static readonly int[] DocumentedExitCodes = { 0, 1, 2 };

    private static readonly string[] HostileValues =
    {
        "", " ", "-", "--", "-1", "0", "1e400", "NaN", "Infinity", "-Infinity", "99999999999999999999999", "0x10",
        "/nonexistent-dir/out", "/proc/out", "/", ".", "..", "ünïcödé-名前-🚀", "a\u200Bb", "\u202Eevil", "%s%n%x", "$(echo hi)",
        "'", "\"", "(", ")", "llvm(", "function(bogus)", "default<O9>", "lots", "1K", "2M", "8M", "-O2", "--stats", "--help",
        new string('x', 5000),
    };

    private static readonly Dictionary<string, string[]> OptionsOf = new()
    {
        ["build"] = new[] { "-o", "--target", "--emit", "--passes", "--pipeline", "--print-after", "--remarks", "--remarks-file", "--metrics", "--llvm-arg", "--load-pass-plugin", "-O1", "--stats", "--verbose", "-g" },
        ["run"] = new[] { "--timeout", "--mem", "--target", "--accel", "--machine", "--disk", "--net", "--forward", "--ip", "--gateway", "--pcap", "--faults", "--passes", "--metrics", "--no-offload", "--gdb", "--profile" },
        ["opt"] = new[] { "-o", "--passes", "--pipeline", "--print-after", "--remarks", "--remarks-file", "--metrics", "--load-pass-plugin", "-O3", "--print-pipeline", "--verify-each" },
    };

    [Fact]
    public void HostileCommandLinesEndInADocumentedExitCodeWithoutAStackTrace()
    {
        var dir = Path.GetDirectoryName(CliProcess.WriteProgram("unused", ""))!;
        var tbir = Path.Combine(dir, "tiny.tbir");
        File.WriteAllText(tbir, "module m\n\nfunc @f() -> i32 layer app {\nbb0:\n  %0 = const i32 0\n  ret %0\n}\n");
        var missingInput = Path.Combine(dir, "does-not-exist.cs");
        var random = new Random(Seed);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var batch = Enumerable.Range(0, CommandLines).Select(_ => CommandLine(random, tbir, missingInput)).ToList();
        int ran = 0;
        foreach (var arguments in batch.TakeWhile(_ => clock.Elapsed < Budget))
        {
            ran++;
            // In a folder of its own: a relative hostile value may be a path opt writes to.
            var result = CliProcess.Run(arguments, timeoutSeconds: 30, workingDirectory: dir);
            var shown = string.Join(" ", arguments.Select(a => a.Length > 40 ? a[..40] + "..." : $"'{a}'"));
            if (!DocumentedExitCodes.Contains(result.ExitCode))
                failures.Add($"exit {result.ExitCode}: {shown}\n{result.Stderr}");
            if (result.Stderr.Contains("Unhandled exception") || result.Stderr.Contains("   at "))
                failures.Add($"stack trace: {shown}\n{result.Stderr}");
            if (result.Stderr.Contains("testbed: building"))
                failures.Add($"built something: {shown}\n{result.Stderr}");
        }
        Assert.True(failures.Count == 0, string.Join("\n\n", failures));
        Assert.True(ran >= 5, $"only {ran} command lines in {clock.Elapsed}");
    }

    /// <summary>A command and two to five options with hostile values, in a random order, and an input that stops the build.</summary>
    private static List<string> CommandLine(Random random, string tbir, string missingInput)
    {
        var command = new[] { "build", "run", "opt" }[random.Next(3)];
        var arguments = new List<string> { command };
        var options = OptionsOf[command];
        for (int i = random.Next(2, 6); i > 0; i--)
        {
            var option = options[random.Next(options.Length)];
            var value = HostileValues[random.Next(HostileValues.Length)];
            switch (random.Next(3))
            {
                case 0: arguments.Add(option); break;
                case 1: arguments.Add(option); arguments.Add(value); break;
                default: arguments.Add(option.StartsWith("--") ? $"{option}={value}" : option + value); break;
            }
        }
        // Where the input goes varies too; build and run get one that does not exist, so nothing is built.
        arguments.Insert(random.Next(1, arguments.Count + 1), command == "opt" ? tbir : missingInput);
        return arguments;
    }
}
