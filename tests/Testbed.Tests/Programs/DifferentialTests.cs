using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Programs;

/// <summary>
/// The differential corpus: every program in tests/programs runs on CoreCLR and, compiled by Testbed,
/// on each target; standard output (byte for byte) and the exit code must be identical.
/// One class per target so that xunit runs the two targets in parallel.
/// </summary>
public abstract class DifferentialTests
{
    public static TheoryData<string> Programs()
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(RepositoryLayout.Locate().Root, "tests", "programs");
        foreach (var file in Directory.GetFiles(dir, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    /// <param name="pipeline">The pass pipeline; null is the default of `testbed build` (-O2).</param>
    protected static void AssertSameAsCoreClr(string program, Target target, PipelineOptions? pipeline = null)
    {
        var source = Path.Combine(RepositoryLayout.Locate().Root, "tests", "programs", program);
        var expected = CoreClrOracle.Run(source);
        var (actual, _) = TestbedRunner.CompileAndRun(source, target, pipeline: pipeline);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        // A program that dies of an unhandled exception must report the same exception and message.
        Assert.Equal(expected.UnhandledException, actual.UnhandledException);
    }
}

// Both run -O2, named rather than taken as the default: they are also the -O2 row of the pipeline
// matrix (PipelineMatrixTests.cs), and the only row that runs on pvh.

public sealed class PvhDifferentialTests : DifferentialTests
{
    [Theory]
    [MemberData(nameof(Programs))]
    public void MatchesCoreClr(string program) => AssertSameAsCoreClr(program, Target.Pvh, PipelineOptions.OptLevelOnly(2));
}

public sealed class LinuxDifferentialTests : DifferentialTests
{
    [Theory]
    [MemberData(nameof(Programs))]
    public void MatchesCoreClr(string program) => AssertSameAsCoreClr(program, Target.Linux, PipelineOptions.OptLevelOnly(2));
}
