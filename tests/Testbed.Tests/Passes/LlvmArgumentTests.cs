using Testbed.Backend.Llvm;
using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>
/// Every option --llvm-arg accepts has a test here that shows its effect when given to `testbed build`
/// (in its own process: LLVM's options are process-wide and would leak into other tests).
/// </summary>
public sealed class LlvmArgumentTests
{
    private static readonly Lazy<string> program = new(() => CliProcess.WriteProgram("calls", """
        using System;
        static class Program
        {
            static int[] table = new int[64];
            static int Mix(int x) => (x * 31) ^ (x >> 3);
            static int Main()
            {
                for (int i = 0; i < table.Length; i++) table[i] = Mix(i);
                int sum = 0;
                for (int i = 0; i < 8; i++) sum += table[i * 3] + Mix(sum);
                Console.WriteLine(sum);
                return 0;
            }
        }
        """));

    private static readonly Dictionary<string, Lazy<string>> baselines = new()
    {
        ["llvm-ir"] = new(() => Build("llvm-ir").Output),
        ["asm"] = new(() => Build("asm").Output),
    };

    private static (string Output, string Stderr) Build(string emit, params string[] llvmArguments)
    {
        var output = Path.Combine(Path.GetDirectoryName(program.Value)!, $"{Guid.NewGuid():N}.out");
        var result = CliProcess.Run(new[] { "build", program.Value, "--target", "linux", "--emit", emit, "-o", output }
            .Concat(llvmArguments.Select(a => "--llvm-arg=" + a)));
        Assert.True(result.ExitCode == 0, result.Stderr);
        return (File.ReadAllText(output), result.Stderr);
    }

    private static void ChangesTheOutput(string emit, string argument) =>
        Assert.NotEqual(baselines[emit].Value, Build(emit, argument).Output);

    /// <summary>One check per accepted option; <see cref="EveryAcceptedOptionHasACheck"/> keeps the two lists together.</summary>
    private static readonly Dictionary<string, (string Argument, Action<string> Check)> checks = new()
    {
        // Dumping every function of the image after every pass is a gigabyte of text: one function shows the option works.
        ["print-after-all"] = ("-print-after-all", a => Assert.Contains("; *** IR Dump After InstCombinePass on ", Build("obj", a, "-filter-print-funcs=tb_app_main").Stderr)),
        ["print-before-all"] = ("-print-before-all", a => Assert.Contains("; *** IR Dump Before InstCombinePass on ", Build("obj", a, "-filter-print-funcs=tb_app_main").Stderr)),
        ["print-after"] = ("-print-after=instcombine", a => OnlyDumpsOf("After", "InstCombinePass", Build("obj", a).Stderr)),
        ["print-before"] = ("-print-before=instcombine", a => OnlyDumpsOf("Before", "InstCombinePass", Build("obj", a).Stderr)),
        ["filter-print-funcs"] = ("-filter-print-funcs=tb_app_main", a =>
        {
            var dumps = DumpHeaders(Build("obj", "-print-after-all", a).Stderr, "After").Select(h => h[(h.LastIndexOf(" on ") + 4)..]).ToList();
            Assert.Contains("tb_app_main ***", dumps);
            // Function passes name the function, CGSCC passes the call graph node "(tb_app_main)", module passes "[module]".
            Assert.All(dumps, d => Assert.True(d.Contains("tb_app_main") || d == "[module] ***", d));
        }),
        ["inline-threshold"] = ("-inline-threshold=100000", a => ChangesTheOutput("llvm-ir", a)),
        ["unroll-threshold"] = ("-unroll-threshold=100000", a => ChangesTheOutput("llvm-ir", a)),
        ["enable-misched"] = ("-enable-misched=false", a => ChangesTheOutput("asm", a)),
    };

    private static List<string> DumpHeaders(string stderr, string when) =>
        stderr.Split('\n').Where(l => l.StartsWith($"; *** IR Dump {when} ", StringComparison.Ordinal)).ToList();

    private static void OnlyDumpsOf(string when, string pass, string stderr)
    {
        var headers = DumpHeaders(stderr, when);
        Assert.NotEmpty(headers);
        Assert.All(headers, h => Assert.StartsWith($"; *** IR Dump {when} {pass} on ", h));
    }

    public static TheoryData<string> Accepted()
    {
        var data = new TheoryData<string>();
        foreach (var flag in LlvmCommandLine.Known) data.Add(flag.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void AnAcceptedOptionTakesEffect(string name)
    {
        var (argument, check) = checks[name];
        Assert.Null(LlvmCommandLine.Check(argument));
        check(argument);
    }

    [Fact]
    public void EveryAcceptedOptionHasACheck() =>
        Assert.Equal(LlvmCommandLine.Known.Select(f => f.Name).Order(), checks.Keys.Order());

    [Theory]
    [InlineData("-time-passes", "is not among the LLVM options known to work inside testbed")]
    [InlineData("-help", "is not among the LLVM options known to work inside testbed")]
    [InlineData("-pass-remarks=inline", "is not among the LLVM options known to work inside testbed")]
    [InlineData("inline-threshold=5", "is not an LLVM option")]
    [InlineData("-x86-asm-syntax=intel", "is not among the LLVM options known to work inside testbed")]
    [InlineData("-inline-threshold=high", "takes an integer")]
    [InlineData("-print-after-all=1", "takes no value")]
    [InlineData("-print-after", "takes a value")]
    [InlineData("-enable-misched=maybe", "takes true or false")]
    public void OtherOptionsAreRejectedWithAReason(string argument, string reason)
    {
        Assert.Contains(reason, LlvmCommandLine.Check(argument));
        Assert.Throws<ArgumentException>(() => LlvmCommandLine.Apply(new[] { argument }));
    }
}
