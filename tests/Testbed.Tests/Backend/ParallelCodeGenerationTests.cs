using System.Diagnostics;
using Testbed.Backend.Llvm;
using Testbed.Backend.Lowering;
using Testbed.Cli.Driver;
using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Backend;

/// <summary>
/// Code generation over partitions of the optimised module (--codegen-threads, docs/targets.md): the
/// image behaves exactly as the one-thread image, and each function's code is about the same (a
/// partition sees constants as available_externally copies, so loads from them still fold). The
/// differential corpus runs split on any machine with two processors; these pin the count, so that
/// one-processor machines test the split too, and pvh's module asm is exercised.
/// </summary>
public sealed class ParallelCodeGenerationTests
{
    private static string Program(string name) => Path.Combine(RepositoryLayout.Locate().Root, "tests", "programs", name + ".cs");

    private static (CliProcess.Result Run, string Image) BuildAndRun(string program, string target, int threads, params string[] extra)
    {
        var image = Path.Combine(RepositoryLayout.Locate().Cache, "test-programs", $"parallel-{Guid.NewGuid():N}", $"{Path.GetFileNameWithoutExtension(program)}.{threads}.{target}");
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);
        var build = CliProcess.Run(new[] { "build", program, "--target", target, "-o", image, "--codegen-threads", threads.ToString() }.Concat(extra));
        Assert.True(build.ExitCode == 0, $"build with {threads} threads failed ({build.ExitCode}): {build.Stderr}");
        if (target == "linux")
        {
            var psi = new ProcessStartInfo(image) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            using var process = Process.Start(psi)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            Assert.True(process.WaitForExit(120_000), "the program did not finish");
            return (new CliProcess.Result(process.ExitCode, stdout.Result, stderr.Result), image);
        }
        return (CliProcess.Run(new[] { "run", image, "--target", target, "--timeout", "240" }), image);
    }

    /// <summary>Function symbols and their sizes (readelf), the image's code function by function.</summary>
    private static Dictionary<string, long> FunctionSizes(string image)
    {
        var psi = new ProcessStartInfo("readelf", $"-sW {image}") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(psi)!;
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in process.StandardOutput.ReadToEnd().Split('\n'))
        {
            var f = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f.Length >= 8 && f[3] == "FUNC" && long.TryParse(f[2], out long size)) sizes[string.Join(' ', f.Skip(7))] = size;
        }
        process.WaitForExit();
        return sizes;
    }

    [Theory]
    [InlineData("exc_filter_two_pass", 3)]
    [InlineData("iface_generic_multi_impl", 2)]
    [InlineData("static_ctor_order", 4)]
    [InlineData("gc_lists_and_trees", 2)]
    [InlineData("delegates_method_name", 3)]
    public void SplitImageBehavesAsOneAndKeepsEachFunctionsCode(string name, int threads)
    {
        var program = Program(name);
        var (one, oneImage) = BuildAndRun(program, "linux", 1);
        var (split, splitImage) = BuildAndRun(program, "linux", threads);
        Assert.Equal(one.ExitCode, split.ExitCode);
        Assert.Equal(one.Stdout, split.Stdout);
        Assert.Equal(one.Stderr, split.Stderr);

        var oneSizes = FunctionSizes(oneImage);
        var splitSizes = FunctionSizes(splitImage);
        // The split image may name more: a private function another partition calls gets a (local) symbol.
        Assert.Subset(splitSizes.Keys.ToHashSet(), oneSizes.Keys.ToHashSet());
        long oneText = oneSizes.Values.Sum(), splitText = oneSizes.Keys.Sum(k => splitSizes[k]);
        Assert.True(Math.Abs(splitText - oneText) <= oneText / 100, $"code {oneText} bytes in one partition, {splitText} in {threads}");
        // Functions whose code changed by more than a few instructions: a declaration where the
        // whole module had a definition would show here (a constant no longer folded, a call through memory).
        var changed = oneSizes.Where(s => Math.Abs(splitSizes[s.Key] - s.Value) > 64).Select(s => $"{s.Key}: {s.Value} -> {splitSizes[s.Key]}").ToList();
        Assert.True(changed.Count == 0, string.Join("\n", changed));
    }

    /// <summary>pvh: the boot code, page tables and interrupt stubs are module asm, kept in partition 0, calling code the others define.</summary>
    [Fact]
    public void PvhImageSplitInThreeBootsAndMatches()
    {
        var program = Program("exc_runtime_exceptions_caught");
        var (one, _) = BuildAndRun(program, "pvh", 1);
        var (split, _) = BuildAndRun(program, "pvh", 3);
        Assert.Equal(one.ExitCode, split.ExitCode);
        Assert.Equal(one.Stdout, split.Stdout);
    }

    /// <summary>-g: each partition describes its own functions; the image still names source lines.</summary>
    [Fact]
    public void DebugInfoSurvivesTheSplit()
    {
        var (one, _) = BuildAndRun(Program("methods_recursion"), "linux", 1, "-g");
        var (run, image) = BuildAndRun(Program("methods_recursion"), "linux", 2, "-g");
        Assert.Equal(one.ExitCode, run.ExitCode);
        Assert.Equal(one.Stdout, run.Stdout);
        var psi = new ProcessStartInfo("readelf", $"--debug-dump=decodedline {image}") { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(psi)!;
        var lines = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.Contains("methods_recursion.cs", lines);
    }

    [Fact]
    public void SmallModulesStayWhole()
    {
        using var context = new LlvmContext();
        using var module = context.ParseIR("define i32 @f(i32 %x) {\n  ret i32 %x\n}\n");
        Assert.Equal(1, ParallelCodeGeneration.AutomaticPartitions(module));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("17")]
    [InlineData("two")]
    public void OutOfRangeThreadCountIsAUsageError(string value)
    {
        var result = CliProcess.Run(new[] { "build", Program("methods_recursion"), "--target", "linux", "--codegen-threads", value });
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("--codegen-threads", result.Stderr);
    }
}
