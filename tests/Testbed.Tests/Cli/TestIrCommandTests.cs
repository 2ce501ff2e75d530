using Testbed.Cli.Commands.TestIr;
using Testbed.Cli.Driver;
using Testbed.Tests.Passes;
using Xunit;

namespace Testbed.Tests.Cli;

/// <summary>`testbed test-ir`: what it prints for passing and failing files, its counts and exit codes, plugins.</summary>
public sealed class TestIrCommandTests
{
    private static string Root => RepositoryLayout.Locate().Root;

    private const string Module = LitTests.Module;

    private const string Passing = "; RUN: %testbed opt %s --passes=dce\n; CHECK: func @f\n; CHECK-NOT: add\n" + Module;

    // dce removes the add, so the CHECK-NEXT on line 3 cannot hold.
    private const string Failing = "; RUN: testbed opt %s --passes=dce\n; CHECK: bb0(%0: i32):\n; CHECK-NEXT: add i32\n" + Module;

    private static string NewFolder()
    {
        var dir = Path.Combine(RepositoryLayout.Locate().Cache, "test-ir", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    private static string Write(string dir, string relativePath, string text)
    {
        var path = Path.Combine(dir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static Lit.Outcome TestIr(params string[] arguments) => Lit.Execute(arguments.Prepend("test-ir").ToList(), merged: false);

    [Fact]
    public void APassingFileIsReportedAndExitsZero()
    {
        var file = Write(NewFolder(), "ok.tbir", Passing);
        var outcome = TestIr(file);
        Assert.Equal((0, ""), (outcome.ExitCode, outcome.Stderr));
        Assert.Equal($"PASS: {file}\n1 passed, 0 failed\n", outcome.Stdout);
    }

    [Fact]
    public void AFailingFileNamesTheCheckLineAndKindThenTheCommandAndItsOutput()
    {
        var file = Write(NewFolder(), "bad.tbir", Failing);
        var outcome = TestIr(file);
        Assert.Equal(1, outcome.ExitCode);
        Assert.StartsWith($"""
            FAIL: {file}
            {file}:3: error: CHECK-NEXT: expected string not found in input
            ; CHECK-NEXT: add i32
            <stdout>:5: note: scanning from here
                 5|   ret %0

            """, outcome.Stdout);
        Assert.Contains($"\nRUN: at line 1: testbed opt {file} --passes=dce\nexit code: 0\n--- stdout:\nmodule m\n", outcome.Stdout);
        Assert.EndsWith("\n0 passed, 1 failed\n", outcome.Stdout);
    }

    [Fact]
    public void AFolderIsSearchedRecursivelyAndEveryFileCounted()
    {
        var dir = NewFolder();
        var ok = Write(dir, "ok.tbir", Passing);
        var bad = Write(dir, Path.Combine("nested", "bad.tbir"), Failing);
        Write(dir, "notes.txt", "; RUN: testbed opt %s\nnot a test");
        var outcome = TestIr(dir);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"PASS: {ok}\n", outcome.Stdout);
        Assert.Contains($"FAIL: {bad}\n{bad}:3: error: CHECK-NEXT:", outcome.Stdout);
        Assert.EndsWith("\n1 passed, 1 failed\n", outcome.Stdout);
    }

    [Fact]
    public void AMissingPathAnEmptyFolderOrAMissingPluginIsAUsageErrorNamingIt()
    {
        var dir = NewFolder();
        var missing = Path.Combine(dir, "no-such.tbir");
        var outcome = TestIr(missing, dir);
        Assert.Equal(2, outcome.ExitCode);
        Assert.Equal($"TB0003: {missing}: no such file or folder\nTB0003: {dir}: the folder holds no .tbir files\n", outcome.Stderr);
        Assert.Equal("", outcome.Stdout);

        var file = Write(dir, "ok.tbir", Passing);
        var plugin = Path.Combine(dir, "Missing.dll");
        outcome = TestIr(file, "--plugin", plugin);
        Assert.Equal(2, outcome.ExitCode);
        Assert.StartsWith($"TB5010: {plugin}: no such file", outcome.Stderr);

        Assert.Equal(2, TestIr().ExitCode);
    }

    [Fact]
    public void HelpDescribesTheCommand()
    {
        var outcome = TestIr("--help");
        Assert.Equal(0, outcome.ExitCode);
        Assert.Contains("Run .tbir test files", outcome.Stdout);
        Assert.Contains("--plugin <assembly>", outcome.Stdout);
        Assert.Contains("test-ir", Lit.Execute(new[] { "--help" }, merged: false).Stdout);
    }

    /// <summary>
    /// The example plugin's own test file, with the plugin compiled here from the shipped source; a plugin
    /// whose strength-reduce changes nothing makes the same file fail, so the test is not vacuous.
    /// </summary>
    [Fact]
    public void APluginsTestFileUsesPercentPlugin()
    {
        var example = Path.Combine(Root, "passes", "examples", "StrengthReduce");
        var tests = Path.Combine(example, "tests");
        var file = Path.Combine(tests, "multiply-by-power-of-two.tbir");
        Assert.Contains("--load-pass-plugin %plugin", File.ReadAllText(file));
        var plugin = PluginTests.CompileAssembly("StrengthReduce", File.ReadAllText(Path.Combine(example, "StrengthReduceMultiply.cs")));

        var outcome = TestIr(tests, "--plugin", plugin);
        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        Assert.Equal($"PASS: {file}\n1 passed, 0 failed\n", outcome.Stdout);

        var withoutPlugin = TestIr(tests);
        Assert.Equal(1, withoutPlugin.ExitCode);
        Assert.Contains($"{file}:2: error: RUN: %plugin stands for the assembly given by 'testbed test-ir --plugin ASSEMBLY', and none was given", withoutPlugin.Stdout);

        var idle = PluginTests.CompileAssembly("IdleStrengthReduce", """
            using Testbed.IR;
            using Testbed.Passes;
            [Pass("strength-reduce")]
            public sealed class Idle : IFunctionPass
            {
                [PassParameter("layer")] public string Layer { get; set; } = "";
                public PreservedAnalyses Run(Function function, PassContext context) => PreservedAnalyses.All;
            }
            """);
        var failing = TestIr(file, "--plugin", idle);
        Assert.Equal(1, failing.ExitCode);
        Assert.Contains($"{file}:8: error: CHECK-NEXT: expected string not found in input", failing.Stdout);
    }

    [Fact]
    public void APassThatThrowsFailsItsFileAndTheOthersStillRun()
    {
        var plugin = PluginTests.CompileAssembly("Throws", """
            using Testbed.IR;
            using Testbed.Passes;
            [Pass("throws")]
            public sealed class Throws : IFunctionPass
            {
                public PreservedAnalyses Run(Function function, PassContext context) => throw new System.InvalidOperationException("a bug in the pass");
            }
            """);
        var dir = NewFolder();
        var crashes = Write(dir, "a-crashes.tbir", "; RUN: testbed opt %s --load-pass-plugin %plugin --passes=throws\n; CHECK: func @f\n" + Module);
        var ok = Write(dir, "b-ok.tbir", Passing);
        var outcome = TestIr(dir, "--plugin", plugin);
        Assert.Equal(1, outcome.ExitCode);
        Assert.Contains($"FAIL: {crashes}\n{crashes}:1: error: exit code 1, expected 0 (the file has no ERROR lines)\n", outcome.Stdout);
        Assert.Contains("--- stderr:\nUnhandled exception: System.InvalidOperationException: a bug in the pass\n   at Throws.Run(", outcome.Stdout);
        Assert.Contains($"PASS: {ok}\n", outcome.Stdout);
        Assert.EndsWith("\n1 passed, 1 failed\n", outcome.Stdout);
    }

    [Fact]
    public void EveryExistingPassTestPassesFromTheCommandLine()
    {
        var folder = Path.Combine(Root, "tests", "passes");
        int files = Directory.GetFiles(folder, "*.tbir", SearchOption.AllDirectories).Length;
        var outcome = TestIr(folder);
        Assert.True(outcome.ExitCode == 0, outcome.Stdout + outcome.Stderr);
        Assert.EndsWith($"\n{files} passed, 0 failed\n", outcome.Stdout);
        Assert.True(files >= 40, $"only {files} files under tests/passes");
    }
}
