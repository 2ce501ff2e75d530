using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
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

    protected static void AssertSameAsCoreClr(string program, Target target)
    {
        var source = Path.Combine(RepositoryLayout.Locate().Root, "tests", "programs", program);
        var expected = CoreClrOracle.Run(source);
        var (actual, _) = TestbedRunner.CompileAndRun(source, target);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.Stdout, actual.Stdout);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        // A program that dies of an unhandled exception must report the same exception and message.
        Assert.Equal(expected.UnhandledException, actual.UnhandledException);
    }
}

public sealed class PvhDifferentialTests : DifferentialTests
{
    [Theory]
    [MemberData(nameof(Programs))]
    public void MatchesCoreClr(string program) => AssertSameAsCoreClr(program, Target.Pvh);
}

public sealed class LinuxDifferentialTests : DifferentialTests
{
    [Theory]
    [MemberData(nameof(Programs))]
    public void MatchesCoreClr(string program) => AssertSameAsCoreClr(program, Target.Linux);
}
