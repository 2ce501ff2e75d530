using Testbed.Cli.Commands.TestIr;
using System.Diagnostics;
using System.Text.Json;
using Testbed.Cli.Metrics;
using Testbed.Passes;
using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>The pipeline flags on `testbed build` and `testbed run`, through the real command in its own process.</summary>
public sealed partial class BuildFlagsTests
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*\[\s*\d+\]\s+(?<name>\S+)\s+\S+\s+[0-9a-f]+\s+[0-9a-f]+\s+(?<size>[0-9a-f]+)\s+[0-9a-f]+\s+(?<flags>[A-Za-z]*)\s+\d+")]
    private static partial System.Text.RegularExpressions.Regex SectionLine();

    private static readonly Lazy<string> program = new(() => CliProcess.WriteProgram("squares", """
        using System;
        static class Program
        {
            static int Square(int x) => x * x;
            static int Main()
            {
                int sum = 0;
                for (int i = 0; i < 10; i++) sum += Square(i);
                Console.WriteLine(sum);
                return sum % 7;
            }
        }
        """));

    private static string Program => program.Value;

    private static string Temp(string name) => Path.Combine(Path.GetDirectoryName(Program)!, $"{Guid.NewGuid():N}-{name}");

    [Fact]
    public void MetricsDescribeIrLayersTextAndStages()
    {
        var metrics = Temp("metrics.json");
        var image = Temp("squares.exe");
        var result = CliProcess.Run(new[] { "build", Program, "--target", "linux", "-o", image, "--metrics", metrics });
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(metrics));
        var root = json.RootElement;
        Assert.Equal(MetricsReport.Schema, root.GetProperty("schema").GetString());
        Assert.Equal("linux", root.GetProperty("target").GetString());
        Assert.Equal("default<O2>", root.GetProperty("llvmPipeline").GetString());
        Assert.StartsWith("function(mem2reg,", root.GetProperty("pipeline").GetString());

        foreach (var ir in new[] { root.GetProperty("ir"), root.GetProperty("irBeforePasses") })
        {
            int instructions = ir.GetProperty("instructions").GetInt32();
            Assert.True(instructions > 0);
            Assert.Equal(instructions, ir.GetProperty("byOpcode").EnumerateObject().Sum(p => p.Value.GetInt32()));
            Assert.Equal(instructions, ir.GetProperty("byLayer").EnumerateObject().Sum(p => p.Value.GetProperty("instructions").GetInt32()));
            Assert.Contains(ir.GetProperty("byLayer").EnumerateObject(), p => p.Name == "corlib");
        }
        // After the passes the app's few methods are inlined into the entry glue and deleted (globaldce).
        Assert.Contains(root.GetProperty("irBeforePasses").GetProperty("byLayer").EnumerateObject(), p => p.Name == "app");
        // Before the passes, Main calls Console.WriteLine: app → corlib.
        var before = root.GetProperty("irBeforePasses");
        Assert.True(before.GetProperty("crossLayerCallSites").GetInt32() > 0);
        Assert.Contains(before.GetProperty("crossLayerPairs").EnumerateArray(),
            p => p.GetProperty("caller").GetString() == "app" && p.GetProperty("callee").GetString() == "corlib" && p.GetProperty("callSites").GetInt32() > 0);
        Assert.Equal(before.GetProperty("crossLayerCallSites").GetInt32(),
            before.GetProperty("crossLayerPairs").EnumerateArray().Sum(p => p.GetProperty("callSites").GetInt32()));

        var text = root.GetProperty("text");
        Assert.True(text.GetProperty("objectBytes").GetInt64() > 0);
        Assert.Equal(ElfSections.TextBytes(image), text.GetProperty("imageBytes").GetInt64());
        var stages = root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()).ToList();
        Assert.Contains("importing IL", stages);
        Assert.Contains("running Testbed passes", stages);
        Assert.Contains("linking", stages);
        Assert.Contains(root.GetProperty("passes").EnumerateArray(), p => p.GetProperty("pass").GetString() == "mem2reg" && p.GetProperty("runs").GetInt32() > 0);
        Assert.Contains(root.GetProperty("statistics").EnumerateArray(), s => s.GetProperty("pass").GetString() == "mem2reg");
    }

    [Fact]
    public void TheElfReaderAgreesWithLlvmReadelf()
    {
        var obj = Temp("squares.o");
        var result = CliProcess.Run(new[] { "build", Program, "--target", "pvh", "--emit", "obj", "-o", obj });
        Assert.True(result.ExitCode == 0, result.Stderr);
        var psi = new ProcessStartInfo("llvm-readelf-19", $"-S -W {obj}") { RedirectStandardOutput = true };
        using var readelf = Process.Start(psi)!;
        var listing = readelf.StandardOutput.ReadToEnd();
        readelf.WaitForExit();
        // "  [ 2] .text  PROGBITS  0000000000000000 000040 0004a3 00  AX  0   0 16"
        var expected = listing.Split('\n').Select(l => SectionLine().Match(l)).Where(m => m.Success)
            .Where(m => (m.Groups["name"].Value == ".text" || m.Groups["name"].Value.StartsWith(".text.")) && m.Groups["flags"].Value.Contains('X'))
            .Sum(m => Convert.ToInt64(m.Groups["size"].Value, 16));
        Assert.True(expected > 0, listing);
        Assert.Equal(expected, ElfSections.TextBytes(obj));
        Assert.Contains(ElfSections.Read(obj), s => s.Name == ".symtab");
    }

    [Fact]
    public void RunTakesThePipelineAndItsObservers()
    {
        var remarks = Temp("remarks.jsonl");
        var result = CliProcess.Run(new[]
        {
            "run", Program, "--target", "linux", "--passes=function(mem2reg,dce),module(inline),llvm(default<O1>)",
            "--print-after=dce", "--stats", "--time-passes", "--verify-each", "--remarks-file=" + remarks,
        });
        Assert.Equal(5, result.ExitCode);
        Assert.Equal("285\n", result.Stdout);
        Assert.Contains("; *** IR Dump After dce on @\"Program::Square(System.Int32)\" ***", result.Stderr);
        Assert.Matches(@"\nmem2reg: \d+ slots promoted\n", result.Stderr);
        Assert.Contains("Testbed pass times", result.Stderr);
        Assert.Contains("running LLVM's default<O1>", result.Stderr);
        Assert.All(File.ReadAllLines(remarks), line => Assert.True(JsonDocument.Parse(line).RootElement.TryGetProperty("pass", out _)));
        Assert.NotEmpty(File.ReadAllLines(remarks));
    }

    [Fact]
    public void EmitIrShowsTheIrAfterThePasses()
    {
        var o0 = Temp("o0.tbir");
        var promoted = Temp("mem2reg.tbir");
        Assert.Equal(0, CliProcess.Run(new[] { "build", Program, "--target", "linux", "--emit", "ir", "-O0", "-o", o0 }).ExitCode);
        Assert.Equal(0, CliProcess.Run(new[] { "build", Program, "--target", "linux", "--emit", "ir", "--passes=function(mem2reg)", "-o", promoted }).ExitCode);
        int Allocas(string path) => File.ReadAllLines(path).Count(l => l.Contains("= alloca "));
        Assert.True(Allocas(promoted) < Allocas(o0), $"{Allocas(promoted)} allocas after mem2reg, {Allocas(o0)} before");
    }

    [Theory]
    [InlineData("--passes=function(dec)", "TB5002: --passes:1:10: unknown pass 'dec'; did you mean 'dce'?")]
    [InlineData("--passes=dce,llvm(no-such-llvm-pass)", "TB5006: --passes:1:10: LLVM rejects this pipeline")]
    [InlineData("-O1 -O3", "TB5005: command line: give one -O level, not -O1 and -O3")]
    [InlineData("--llvm-arg=-time-passes", "TB5030: --llvm-arg=-time-passes: -time-passes is not among the LLVM options known to work inside testbed")]
    public void MistakesAreReportedBeforeAnyBuildWithExitCode2(string arguments, string message)
    {
        var clock = Stopwatch.StartNew();
        var result = CliProcess.Run(new[] { "build", Program, "--target", "linux" }.Concat(arguments.Split(' ')));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        Assert.DoesNotContain("importing IL", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [Fact]
    public void HelpListsEveryPassWithItsDescriptionOnEachCommand()
    {
        foreach (var command in new[] { "opt", "build", "run" })
        {
            var outcome = Lit.Execute(new[] { command, "--help" }, merged: false);
            Assert.Equal(0, outcome.ExitCode);
            Assert.Contains("--passes <pipeline>", outcome.Stdout);
            foreach (var pass in PassRegistry.BuiltIn.Passes)
            {
                Assert.False(string.IsNullOrWhiteSpace(pass.Description), $"pass '{pass.Name}' has no description");
                Assert.Contains($"  {pass.Name}", outcome.Stdout);
                Assert.Contains(pass.Description, outcome.Stdout);
                foreach (var p in pass.Parameters) Assert.Contains($"<{p.Name}={p.TypeName}>", outcome.Stdout);
            }
            for (int level = 0; level <= DefaultPipelines.MaxLevel; level++) Assert.Contains(DefaultPipelines.Text(level), outcome.Stdout);
        }
    }

    /// <summary>opt runs no LLVM, but refuses an llvm(...) that build would refuse (issue 14: it exited 0).</summary>
    [Theory]
    [InlineData("--passes=llvm(bogus)", "TB5006: --passes:1:6: LLVM rejects this pipeline")]
    [InlineData("--passes=function(dce),llvm(default<O9>)", "TB5006")]
    public void OptRefusesAnLlvmPipelineLlvmRejects(string passes, string message)
    {
        var input = Temp("llvm-check.tbir");
        File.WriteAllText(input, "module m\n\nfunc @f(i32) -> i32 layer app {\nentry(%x: i32):\n  ret %x\n}\n");
        var outcome = Lit.Execute(new[] { "opt", input, passes }, merged: false);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr);
        Assert.Equal("", outcome.Stdout);
        Assert.Equal(0, Lit.Execute(new[] { "opt", input, "--passes=function(dce),llvm(default<O2>)" }, merged: false).ExitCode);
    }

    /// <summary>Issue 14: a .tbir with `const i8 300` or a case twice was accepted; the verifier names it, exit 2.</summary>
    [Theory]
    [InlineData("  %c = const i8 300\n  ret\n", "'%0 = const i8 300': 300 does not fit i8")]
    [InlineData("  %c = const i32 1\n  switch %c, a, [1: a, 1: a]\na:\n  ret\n", "case 1 appears twice")]
    public void OptRefusesConstantsAndSwitchCasesThatDoNotFit(string body, string message)
    {
        var input = Temp("bad-constant.tbir");
        File.WriteAllText(input, "module m\n\nfunc @f() -> void layer app {\nentry:\n" + body + "}\n");
        var outcome = Lit.Execute(new[] { "opt", input }, merged: false);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Contains(message, outcome.Stderr);
        Assert.DoesNotContain("   at ", outcome.Stderr);
    }

    [Fact]
    public void OptWritesItsOutputAndMetrics()
    {
        var input = Temp("in.tbir");
        File.WriteAllText(input, "module m\n\nfunc @f(i32) -> i32 layer app {\nentry(%x: i32):\n  %d = add i32 %x, %x\n  ret %x\n}\n");
        var output = Temp("out.tbir");
        var metrics = Temp("opt-metrics.json");
        var outcome = Lit.Execute(new[] { "opt", input, "--passes=dce", "-o", output, "--metrics", metrics }, merged: false);
        Assert.Equal((0, "", ""), (outcome.ExitCode, outcome.Stdout, outcome.Stderr));
        Assert.DoesNotContain("add", File.ReadAllText(output));
        using var json = JsonDocument.Parse(File.ReadAllText(metrics));
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("target").ValueKind);
        Assert.Equal(2, json.RootElement.GetProperty("irBeforePasses").GetProperty("instructions").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("ir").GetProperty("instructions").GetInt32());
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("text").GetProperty("objectBytes").ValueKind);
    }
}
