using Xunit;

namespace Testbed.Tests.Cli;

/// <summary>Bad input gets a clear message and a documented exit code, never a .NET stack trace.</summary>
public sealed class BadInputTests
{
    [Fact]
    public void UnsupportedILIsATB1001DiagnosticWithItsLocationAndExitCode2()
    {
        var program = CliProcess.WriteProgram("reflects", """
            using System;
            static class Program
            {
                static int Check(int x) => typeof(System.Collections.Generic.List<>) == null ? 0 : x;
                static int Main() { Console.WriteLine(Check(3)); return 0; }
            }
            """);
        var result = CliProcess.Run(new[] { "build", program, "--target", "linux" });
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("TB1001", StringComparison.Ordinal));
        Assert.Contains("reflects: Program::Check at IL_", line);
        Assert.Contains("typeof of the open generic type System.Collections.Generic.List`1", line);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void AReferenceOverlaidByDataIsRefusedWhereTheTypeIsUsed()
    {
        var program = CliProcess.WriteProgram("overlay", """
            using System;
            using System.Runtime.InteropServices;
            [StructLayout(LayoutKind.Explicit)]
            struct Punned { [FieldOffset(0)] public string Text; [FieldOffset(4)] public int Bits; }
            static class Program
            {
                static int Main() { var p = new Punned(); p.Bits = 5; Console.WriteLine(p.Bits); return 0; }
            }
            """);
        var result = CliProcess.Run(new[] { "build", program, "--target", "linux" });
        Assert.Equal(2, result.ExitCode);
        var line = Assert.Single(result.Stderr.Split('\n'), l => l.StartsWith("TB1001", StringComparison.Ordinal));
        Assert.Contains("overlay: Program::Main", line);
        Assert.Contains("the explicit layout of Punned puts an object reference at offset 0", line);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    /// <summary>
    /// Checked before anything is built or started (issue 14: a bad --timeout used to throw after the guest
    /// had started, leaving it running; --mem 1K hung and 2M triple-faulted).
    /// </summary>
    [Theory]
    [InlineData("--timeout", "-1", "greater than 0")]
    [InlineData("--timeout", "0", "greater than 0")]
    [InlineData("--timeout", "NaN", "greater than 0")]
    [InlineData("--timeout", "Infinity", "greater than 0")]
    [InlineData("--timeout", "1e12", "at most 604800")]
    [InlineData("--mem", "1K", "at least 8M")]
    [InlineData("--mem", "2M", "at least 8M")]
    [InlineData("--mem", "lots", "QEMU's -m")]
    public void ABadTimeoutOrMemorySizeIsRefusedBeforeAnythingIsBuilt(string option, string value, string expected)
    {
        var program = CliProcess.WriteProgram("tiny", "static class Program { static int Main() { return 0; } }");
        var result = CliProcess.Run(new[] { "run", program, option, value });
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"testbed: {option} ", result.Stderr);
        Assert.Contains(expected, result.Stderr);
        Assert.DoesNotContain("building", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    /// <summary>-o into a missing directory or onto a directory is refused before the build, naming the path, for every --emit.</summary>
    [Theory]
    [InlineData("ir")]
    [InlineData("llvm-ir")]
    [InlineData("image")]
    public void AnOutputPathThatCannotBeWrittenIsRefusedBeforeTheBuild(string emit)
    {
        var program = CliProcess.WriteProgram("tiny", "static class Program { static int Main() { return 0; } }");
        var missing = Path.Combine(Path.GetTempPath(), $"testbed-missing-{Guid.NewGuid():N}", "out");
        var result = CliProcess.Run(new[] { "build", program, "--target", "linux", "--emit", emit, "-o", missing });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"testbed: -o {missing}: the directory {Path.GetDirectoryName(missing)} does not exist", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        var directory = CliProcess.Run(new[] { "build", program, "--target", "linux", "--emit", emit, "-o", Path.GetTempPath() });
        Assert.Equal(1, directory.ExitCode);
        Assert.Contains("is a directory", directory.Stderr);
    }

    /// <summary>A .dll that is no .NET assembly (random bytes, a Linux shared library, a bare MZ) is a TB0003 before anything is built.</summary>
    [Theory]
    [InlineData("mz")]
    [InlineData("random")]
    [InlineData("elf")]
    [InlineData("empty")]
    public void AFileThatIsNotADotNetAssemblyIsNamedBeforeTheBuild(string kind)
    {
        var notAnAssembly = Path.Combine(Path.GetTempPath(), $"testbed-not-an-assembly-{Guid.NewGuid():N}.dll");
        var bytes = kind switch
        {
            "mz" => "MZ but nothing else"u8.ToArray(),
            "random" => RandomBytes(1000),
            "elf" => File.ReadAllBytes(File.Exists("/usr/lib/x86_64-linux-gnu/libc.so.6") ? "/usr/lib/x86_64-linux-gnu/libc.so.6" : "/bin/sh"),
            _ => Array.Empty<byte>(),
        };
        File.WriteAllBytes(notAnAssembly, bytes);
        try
        {
            var result = CliProcess.Run(new[] { "build", notAnAssembly, "--target", "linux" });
            Assert.Equal(2, result.ExitCode);
            Assert.Equal($"TB0003: {notAnAssembly}: not a .NET assembly (no PE image with CLI metadata)\n", result.Stderr);
        }
        finally
        {
            File.Delete(notAnAssembly);
        }

        static byte[] RandomBytes(int count)
        {
            var b = new byte[count];
            new Random(14).NextBytes(b);
            return b;
        }
    }

    /// <summary>Every path the CLI writes is checked before any work, an empty one too (it used to be an ArgumentException stack trace).</summary>
    [Theory]
    [InlineData("build", "-o", "")]
    [InlineData("build", "--metrics", "/nonexistent-dir/m.json")]
    [InlineData("build", "--remarks-file", "")]
    [InlineData("run", "--pcap", "/nonexistent-dir/p.pcap")]
    [InlineData("run", "--metrics", "/proc/m.json")]
    [InlineData("opt", "-o", "")]
    [InlineData("opt", "-o", "/nonexistent-dir/out.tbir")]
    [InlineData("opt", "--remarks-file", "")]
    [InlineData("opt", "--metrics", "/nonexistent-dir/m.json")]
    public void AnOutputPathOfAnyOptionThatCannotBeWrittenIsAUsageError(string command, string option, string path)
    {
        var input = command == "opt"
            ? WriteTemporary("tiny.tbir", "module m\n\nfunc @f() -> i32 layer app {\nbb0:\n  %0 = const i32 0\n  ret %0\n}\n")
            : CliProcess.WriteProgram("tiny", "static class Program { static int Main() { return 0; } }");
        var extra = option == "--pcap" ? new[] { "--net", "user" } : Array.Empty<string>();
        var result = CliProcess.Run(new[] { command, input, "--target", "linux", option, path }.Where(a => command != "opt" || (a != "--target" && a != "linux")).Concat(extra));
        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith($"testbed: {option} {path}: ", result.Stderr);
        Assert.DoesNotContain("building", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    /// <summary>System.CommandLine takes an unknown option for the input when the input is missing; that is a usage error too, with nothing built.</summary>
    [Theory]
    [InlineData("build")]
    [InlineData("run")]
    [InlineData("opt")]
    public void AnUnknownOptionInPlaceOfTheInputIsAUsageError(string command)
    {
        var result = CliProcess.Run(new[] { command, "--no-such-option" });
        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"testbed: unknown option --no-such-option (testbed {command} --help lists the options)\n", result.Stderr);
    }

    /// <summary>Found by the fuzz test: after a usage error System.CommandLine shows the help, whose list of passes read the malformed option again and threw.</summary>
    [Fact]
    public void AMissingPluginPathIsAUsageErrorWithoutAStackTrace()
    {
        var result = CliProcess.Run(new[] { "build", "app.cs", "--load-pass-plugin" });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("Required argument missing for option: '--load-pass-plugin'", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    private static string WriteTemporary(string name, string text)
    {
        var path = Path.Combine(Path.GetDirectoryName(CliProcess.WriteProgram("unused", ""))!, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>
    /// The documented empty pipeline `--passes=` is a pipeline, not a request for the next token (issue 14:
    /// `--passes= --stats` ran "--stats" as the pipeline); a program's own `--x=` after `--` stays as it is.
    /// </summary>
    [Fact]
    public void AnEmptyPassesValueIsTheEmptyPipelineAndProgramArgumentsAreLeftAlone()
    {
        var program = CliProcess.WriteProgram("echoargs",
            "static class Program { static int Main(string[] args) { foreach (var a in args) System.Console.WriteLine(\"[\" + a + \"]\"); return 0; } }");
        var output = Path.Combine(Path.GetTempPath(), $"testbed-empty-pipeline-{Guid.NewGuid():N}");
        try
        {
            var build = CliProcess.Run(new[] { "build", program, "--target", "linux", "--passes=", "--stats", "-o", output });
            Assert.True(build.ExitCode == 0, build.Stderr);
            Assert.True(File.Exists(output));
            var run = CliProcess.Run(new[] { "run", program, "--target", "linux", "--passes=", "--", "--keep=", "x" });
            Assert.True(run.ExitCode == 0, run.Stderr);
            Assert.Equal("[--keep=]\n[x]\n", run.Stdout);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Fact]
    public void CSharpErrorsAreReportedWithFileAndLine()
    {
        var program = CliProcess.WriteProgram("broken", "static class Program { static int Main() { return undefinedThing; } }");
        var result = CliProcess.Run(new[] { "build", program, "--target", "linux" });
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("TB0001", result.Stderr);
        Assert.Contains("broken.cs(1,", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void AMissingInputIsReported()
    {
        var result = CliProcess.Run(new[] { "build", "/nonexistent/app.cs" });
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("TB0003", result.Stderr);
    }

    [Theory]
    [InlineData("pvh")]
    [InlineData("linux")]
    public void AHangingGuestIsStoppedAtTheTimeoutWithExitCode124(string target)
    {
        var program = CliProcess.WriteProgram("spin", """
            using System;
            static class Program
            {
                static int Main()
                {
                    Console.WriteLine("spinning");
                    long i = 0;
                    while (i >= 0) i = (i + 1) & 0xFFFF;
                    return 0;
                }
            }
            """);
        var result = CliProcess.Run(new[] { "run", program, "--target", target, "--timeout", "3" });
        Assert.Equal(124, result.ExitCode);
        Assert.Equal("spinning\n", result.Stdout);
        Assert.Contains("did not finish within 3 s", result.Stderr);
    }

    [Fact]
    public void AMissingQemuNamesTheDebianPackage()
    {
        var program = CliProcess.WriteProgram("hi", "static class Program { static int Main() { return 7; } }");
        // A PATH with dotnet but without QEMU.
        var dotnetDir = Path.GetDirectoryName(Environment.ProcessPath!)!;
        var result = CliProcess.Run(new[] { "run", program, "--target", "pvh" }, new Dictionary<string, string> { ["PATH"] = dotnetDir });
        Assert.Equal(127, result.ExitCode);
        Assert.Contains("qemu-system-x86", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void TheExitCodeOfMainIsTheExitCodeOfRun()
    {
        var program = CliProcess.WriteProgram("seven", "static class Program { static int Main() { System.Console.WriteLine(\"ok\"); return 200; } }");
        foreach (var target in new[] { "pvh", "linux" })
        {
            var result = CliProcess.Run(new[] { "run", program, "--target", target });
            Assert.Equal(200, result.ExitCode);
            Assert.Equal("ok\n", result.Stdout);
        }
    }
}
