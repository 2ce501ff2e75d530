using Xunit;

namespace Testbed.Tests.Programs;

/// <summary>
/// The corpus's per-target selection (DifferentialTests.LinuxOnlyMarker): the portable and the
/// linux-only programs split the corpus, and the file programs, which the pvh target cannot run, are
/// linux-only, so its row lists them as skipped instead of failing them.
/// </summary>
public sealed class LinuxOnlyProgramsTests
{
    private static List<string> Names(TheoryData<string> data) => ((IEnumerable<object[]>)data).Select(row => (string)row[0]).ToList();

    [Fact]
    public void ThePortableAndTheLinuxOnlyProgramsSplitTheCorpus()
    {
        var all = Names(DifferentialTests.Programs());
        var portable = Names(DifferentialTests.PortablePrograms());
        var linuxOnly = Names(DifferentialTests.LinuxOnlyPrograms());
        Assert.Equal(all.Order(), portable.Concat(linuxOnly).Order());
        Assert.Empty(portable.Intersect(linuxOnly));
        Assert.Contains("arith_bitwise_ops.cs", portable);
    }

    [Fact]
    public void TheFileProgramsAreLinuxOnly()
    {
        var linuxOnly = Names(DifferentialTests.LinuxOnlyPrograms());
        var files = Names(DifferentialTests.Programs()).Where(p => p.StartsWith("io_", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, p => Assert.Contains(p, linuxOnly));
    }
}
