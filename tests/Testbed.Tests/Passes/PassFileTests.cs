using Testbed.Cli.Commands.TestIr;
using Testbed.Cli.Driver;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>Every .tbir file under tests/passes/ (at any depth) is one test case, run by <see cref="Lit"/>.</summary>
public sealed class PassFileTests
{
    private static string Root => Path.Combine(RepositoryLayout.Locate().Root, "tests", "passes");

    public static TheoryData<string> Files()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Root, "*.tbir", SearchOption.AllDirectories).OrderBy(f => f, StringComparer.Ordinal))
            data.Add(Path.GetRelativePath(Root, file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Passes(string file)
    {
        var failure = Lit.Run(Path.Combine(Root, file));
        Assert.True(failure is null, failure);
    }
}
