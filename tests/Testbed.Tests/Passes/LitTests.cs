using Testbed.Cli.Commands.TestIr;
using Testbed.Cli.Driver;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>The RUN-line runner: how commands are read, and that a wrong expectation is reported.</summary>
public sealed class LitTests
{
    private static string WriteTest(string text)
    {
        var dir = Path.Combine(RepositoryLayout.Locate().Cache, "lit-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, "case.tbir");
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>A module whose one function has a dead add: dce removes it (TestIrCommandTests uses it too).</summary>
    internal const string Module = """
        module m

        func @f(i32) -> i32 layer app {
        entry(%x: i32):
          %dead = add i32 %x, %x
          ret %x
        }
        """;

    [Fact]
    public void CommandsAreSplitAsAShellWouldAndPercentSIsTheFile()
    {
        var (arguments, merged) = Lit.Command(" testbed opt %s --passes='function(dce,sccp)' \"--remarks=a b\" 2>&1 | FileCheck %s", "/t/x.tbir");
        Assert.Equal(new[] { "opt", "/t/x.tbir", "--passes=function(dce,sccp)", "--remarks=a b" }, arguments);
        Assert.True(merged);
        Assert.Throws<FormatException>(() => Lit.Command("testbed build %s", "/t/x.tbir"));
        Assert.Throws<FormatException>(() => Lit.Command("testbed opt %s | grep x", "/t/x.tbir"));
        // A FileCheck option would change what is checked: refused, not ignored.
        Assert.Contains("no FileCheck options", Assert.Throws<FormatException>(() => Lit.Command("testbed opt %s | FileCheck %s --check-prefix=LAYER", "/t/x.tbir")).Message);
    }

    [Fact]
    public void PercentTestbedIsTestbedAndPercentPluginEachPluginGiven()
    {
        Assert.Equal(new[] { "opt", "/t/x.tbir", "--load-pass-plugin", "/p/A.dll", "--passes=a" },
            Lit.Command("%testbed opt %s --load-pass-plugin %plugin --passes=a", "/t/x.tbir", new[] { "/p/A.dll" }).Arguments);
        // With several plugins the option is repeated for each, in the order given.
        Assert.Equal(new[] { "opt", "/t/x.tbir", "--load-pass-plugin", "/p/A.dll", "--load-pass-plugin", "/p/B.dll" },
            Lit.Command("%testbed opt %s --load-pass-plugin %plugin", "/t/x.tbir", new[] { "/p/A.dll", "/p/B.dll" }).Arguments);
        Assert.Contains("none was given", Assert.Throws<FormatException>(() => Lit.Command("testbed opt %s --load-pass-plugin %plugin", "/t/x.tbir")).Message);
        Assert.Contains("unknown substitution %t", Assert.Throws<FormatException>(() => Lit.Command("testbed opt %s -o %t", "/t/x.tbir")).Message);
    }

    [Fact]
    public void EveryRunLineIsCheckedAndAFailingOneIsNamedByItsLine()
    {
        var path = WriteTest("; RUN: testbed opt %s --passes=dce\n; RUN: testbed opt %s\n; CHECK: func @f\n; CHECK-NOT: add\n" + Module);
        var failure = Lit.Run(path);
        Assert.NotNull(failure);
        Assert.StartsWith($"{path}:4: error: CHECK-NOT: excluded string found in input\n", failure);
        Assert.Contains($"RUN: at line 2: testbed opt {path}\n", failure);
        Assert.DoesNotContain("--passes=dce", failure);
        Assert.Null(Lit.Run(WriteTest("; RUN: testbed opt %s --passes=dce\n; RUN: testbed opt %s -O2\n; CHECK: func @f\n; CHECK-NOT: add\n" + Module)));
    }

    [Fact]
    public void AMatchingTestPasses() =>
        Assert.Null(Lit.Run(WriteTest("; RUN: testbed opt %s --passes=dce\n; CHECK: func @f\n; CHECK-NOT: add\n" + Module)));

    [Fact]
    public void AFailingCheckIsReportedWithTheOutput()
    {
        var failure = Lit.Run(WriteTest("; RUN: testbed opt %s --passes=dce\n; CHECK: add i32\n" + Module));
        Assert.NotNull(failure);
        Assert.Contains("case.tbir:2: error: CHECK: expected string not found in input\n; CHECK: add i32\n<stdout>:1: note: scanning from here\n", failure);
        Assert.Contains("\nRUN: at line 1: testbed opt ", failure);
        Assert.Contains("--- stdout:", failure);
    }

    [Fact]
    public void AnUnexpectedDiagnosticFailsTheTest()
    {
        var failure = Lit.Run(WriteTest("; RUN: testbed opt %s --passes=nosuchpass\n; CHECK: func @f\n" + Module));
        Assert.Contains("exit code 2, expected 0", failure);
    }

    [Fact]
    public void ErrorLinesExpectExitCode2()
    {
        Assert.Null(Lit.Run(WriteTest("; RUN: testbed opt %s --passes=nosuchpass\n; ERROR: TB5002: --passes:1:1: unknown pass 'nosuchpass'\n" + Module)));
        var failure = Lit.Run(WriteTest("; RUN: testbed opt %s --passes=dce\n; ERROR: TB5002\n" + Module));
        Assert.Contains("exit code 0, expected 2", failure);
        Assert.Contains(":2: error: ERROR: expected string not found in input\n; ERROR: TB5002\n<stderr>:1: note: scanning from here\n", failure);
    }

    [Fact]
    public void ATestThatCannotFailIsRejected()
    {
        Assert.Contains("no CHECK or ERROR lines", Lit.Run(WriteTest("; RUN: testbed opt %s\n" + Module)));
        Assert.Contains("no '; RUN: testbed opt %s ...' line", Lit.Run(WriteTest("; CHECK: x\n" + Module)));
    }
}
