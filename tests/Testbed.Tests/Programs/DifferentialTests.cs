using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Programs;

/// <summary>
/// The differential corpus: every program in tests/programs runs on CoreCLR and, compiled by Testbed,
/// on each target; standard output (byte for byte) and the exit code must be identical.
/// One class per target so that xunit runs the two targets in parallel. A program whose first line
/// starts with <see cref="LinuxOnlyMarker"/> (it needs what only a process has, such as a file system)
/// runs on the linux target only; on pvh it is listed as skipped, with the reason, not left out.
/// </summary>
public abstract class DifferentialTests
{
    public const string LinuxOnlyMarker = "// linux-only:";

    public static TheoryData<string> Programs() => Select(_ => true);

    /// <summary>The programs every target runs.</summary>
    public static TheoryData<string> PortablePrograms() => Select(file => !IsLinuxOnly(file));

    public static TheoryData<string> LinuxOnlyPrograms() => Select(IsLinuxOnly);

    /// <summary>Every <paramref name="every"/>-th program in name order, for rows too slow for the whole corpus.</summary>
    public static TheoryData<string> SampledPrograms(int every) => SampledPrograms(every, 0);

    /// <summary>Every <paramref name="every"/>-th program from the <paramref name="offset"/>-th: rows with different offsets cover different programs.</summary>
    // Overloads, not an optional parameter: xunit's MemberData cannot fill one in.
    public static TheoryData<string> SampledPrograms(int every, int offset)
    {
        int k = 0;
        return Select(_ => k++ % every == offset);
    }

    public static bool IsLinuxOnly(string file)
    {
        using var reader = new StreamReader(file);
        return reader.ReadLine()?.StartsWith(LinuxOnlyMarker, StringComparison.Ordinal) == true;
    }

    private static TheoryData<string> Select(Func<string, bool> wanted)
    {
        var data = new TheoryData<string>();
        var dir = Path.Combine(RepositoryLayout.Locate().Root, "tests", "programs");
        foreach (var file in Directory.GetFiles(dir, "*.cs").OrderBy(f => f, StringComparer.Ordinal))
            if (wanted(file))
                data.Add(Path.GetFileName(file));
        return data;
    }

    /// <param name="pipeline">The pass pipeline; null is the default of `testbed build` (-O2).</param>
    /// <param name="profileHz">Run under the sampling profiler at this rate (see <see cref="TestbedRunner.CompileAndRun"/>).</param>
    protected static void AssertSameAsCoreClr(string program, Target target, PipelineOptions? pipeline = null, int? profileHz = null)
    {
        var source = Path.Combine(RepositoryLayout.Locate().Root, "tests", "programs", program);
        var expected = CoreClrOracle.Run(source);
        var (actual, _) = TestbedRunner.CompileAndRun(source, target, pipeline: pipeline, profileHz: profileHz);
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
    [MemberData(nameof(PortablePrograms))]
    [MemberData(nameof(LinuxOnlyPrograms), Skip = "linux-only program (its first line says why): the pvh target has no file system")]
    public void MatchesCoreClr(string program) => AssertSameAsCoreClr(program, Target.Pvh, PipelineOptions.OptLevelOnly(2));
}

public sealed class LinuxDifferentialTests : DifferentialTests
{
    [Theory]
    [MemberData(nameof(Programs))]
    public void MatchesCoreClr(string program) => AssertSameAsCoreClr(program, Target.Linux, PipelineOptions.OptLevelOnly(2));
}
