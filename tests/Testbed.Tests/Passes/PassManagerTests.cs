using System.Text.Json;
using Testbed.IR;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>Running pipelines: order, the current pass, analysis caching and invalidation, and the instrumentations.</summary>
public sealed class PassManagerTests
{
    private const string TwoFunctions = """
        module m

        declare @"external"(i32) -> i32 layer corlib import ext

        func @f(i32) -> i32 layer app {
        entry(%x: i32):
          %y = call i32 @"external", %x
          %c = icmp eq bool %y, %x
          condbr %c, a, b
        a:
          ret %x
        b:
          ret %y
        }

        func @g() -> void layer corlib {
        entry:
          ret
        }
        """;

    private static Module Module() => Parser.ParseModule(TwoFunctions, "test.tbir");

    private static PassSession Session(string pipeline, PipelineOptions? options = null) =>
        PassSession.Create((options ?? new PipelineOptions()) with { Passes = pipeline }, baseRegistry: TestRegistry.WithTestPasses);

    private static (PassRun Run, string Log) Run(string pipeline, PipelineOptions? options = null, Module? module = null)
    {
        var log = new StringWriter { NewLine = "\n" };
        var run = Session(pipeline, options).Run(module ?? Module(), log);
        return (run, log.ToString());
    }

    [Fact]
    public void ThePassManagerNamesTheCurrentPassAndCountersBelongToIt()
    {
        var (run, _) = Run("test-module-probe");
        Assert.Contains("test-module-probe", ModuleProbePass.Seen);
        Assert.Equal("", run.Context.CurrentPass);
        Assert.Equal(1, run.Context.Statistics[("test-module-probe", "modules seen")]);
    }

    [Fact]
    public void FunctionPassesRunOnEveryFunctionWithABodyOnly()
    {
        var (run, _) = Run("test-count-blocks");
        Assert.Equal(new[] { "f", "g" }, run.Context.Remarks.Select(r => r.Function));
        Assert.All(run.Context.Remarks, r => Assert.Equal("test-count-blocks", r.Pass));
        Assert.Equal(4, run.Context.Statistics[("test-count-blocks", "blocks seen")]);
    }

    [Fact]
    public void AnalysesAreCachedUntilAPassDoesNotPreserveThem()
    {
        Assert.Equal(2, Run("test-count-blocks,test-count-blocks").Run.Context.Analyses.Computations);
        Assert.Equal(4, Run("test-count-blocks,test-invalidate,test-count-blocks").Run.Context.Analyses.Computations);
    }

    [Fact]
    public void AFunctionPassThatChangesSomethingDropsModuleAnalyses()
    {
        var module = Module();
        var context = new PassContext(module);
        var before = context.Analyses.GetModule<CallGraph>(module);
        new PassManager(Session("test-count-blocks").Pipeline).Run(context);
        Assert.Same(before, context.Analyses.GetModule<CallGraph>(module));
        new PassManager(Session("test-invalidate").Pipeline).Run(context);
        Assert.NotSame(before, context.Analyses.GetModule<CallGraph>(module));
    }

    private sealed class Recorder(string name, List<string> events) : IPassInstrumentation
    {
        public void BeforePass(PassInstance pass, Module module, Function? function) => events.Add($"{name}+{pass.Name}@{function?.Name ?? "module"}");
        public void AfterPass(PassInstance pass, Module module, Function? function, PreservedAnalyses preserved) => events.Add($"{name}-{pass.Name}");
    }

    [Fact]
    public void InstrumentationsNestAroundEachPassRun()
    {
        var events = new List<string>();
        new PassManager(Session("test-module-probe,function(test-count-blocks)").Pipeline,
            new[] { new Recorder("outer", events), new Recorder("inner", events) }).Run(new PassContext(Module()));
        Assert.Equal(new[]
        {
            "outer+test-module-probe@module", "inner+test-module-probe@module", "inner-test-module-probe", "outer-test-module-probe",
            "outer+test-count-blocks@f", "inner+test-count-blocks@f", "inner-test-count-blocks", "outer-test-count-blocks",
            "outer+test-count-blocks@g", "inner+test-count-blocks@g", "inner-test-count-blocks", "outer-test-count-blocks",
        }, events);
    }

    [Fact]
    public void VerifyEachStopsAtThePassThatBrokeTheIR()
    {
        var e = Assert.Throws<DiagnosticException>(() => Run("test-count-blocks,test-break-ir,dce", new PipelineOptions { VerifyEach = true }));
        var d = e.Diagnostics[0];
        Assert.Equal("TB5020", d.Code);
        Assert.Equal("after pass 'test-break-ir' on @f", d.Location);
        Assert.Contains("operands are i64 and i32, expected i32", d.Message);
        // Without --verify-each the pipeline runs to its end; the build's final verification reports it then.
        Run("test-break-ir");
    }

    [Fact]
    public void VerifyEachCatchesAPassThatHidesItsChanges()
    {
        var e = Assert.Throws<DiagnosticException>(() => Run("test-lie", new PipelineOptions { VerifyEach = true }));
        Assert.Equal("TB5021", e.Diagnostics[0].Code);
        Assert.Contains("changed @f but returned PreservedAnalyses.All", e.Diagnostics[0].Message);
    }

    [Fact]
    public void VerifyEachCatchesAControlFlowClaimAfterAnUnwindEdgeWentAway()
    {
        const string text = """
            module m

            declare @F(obj) -> void layer app

            func @f(obj) -> void layer app {
            entry(%x: obj):
              nullcheck %x unwind handler
              call void @F, %x unwind handler
              ret
            handler:
              %e = landingpad obj
              ret
            }
            """;
        // The block still unwinds to the handler through the call, so its successors are the same;
        // the edge of the check is gone all the same, and with it what instruction dominance said.
        var e = Assert.Throws<DiagnosticException>(() => Run("test-drop-unwinding-check", new PipelineOptions { VerifyEach = true }, Parser.ParseModule(text)));
        Assert.Equal("TB5021", e.Diagnostics[0].Code);
        Assert.Contains("kept the control-flow analyses (dominators, loops) of @f, but bb0 lost the unwind edge to bb1 of 'nullcheck'", e.Diagnostics[0].Message);
        Run("test-drop-unwinding-check", module: Parser.ParseModule(text));
    }

    [Fact]
    public void PrintChangedJudgesByTheTextNotByWhatThePassSaid()
    {
        var (_, log) = Run("test-lie,test-count-blocks", new PipelineOptions { PrintChanged = true });
        Assert.Contains("; *** IR Dump After test-lie on @f: changed ***\n--- @f before test-lie\n+++ @f after test-lie\n", log);
        // A value the pass added gets a fresh number (numbers stay put across passes in these diffs).
        Assert.Matches(@"\n\+  %\d+ = const i32 7\n", log);
        Assert.DoesNotContain("After test-count-blocks", log);
    }

    [Fact]
    public void PrintAfterAModulePassPrintsTheModule()
    {
        var (_, log) = Run("test-module-probe,test-count-blocks", new PipelineOptions { PrintAfter = new[] { "test-module-probe" } });
        Assert.StartsWith("; *** IR Dump After test-module-probe on module m ***\nmodule m\n", log);
        Assert.DoesNotContain("test-count-blocks", log);
    }

    [Fact]
    public void RemarksArePrintedAsTheyComeAndWrittenAsJsonLines()
    {
        var file = Path.GetTempFileName();
        try
        {
            var (_, log) = Run("test-count-blocks,test-module-probe", new PipelineOptions { Remarks = "count", RemarksFile = file });
            Assert.Equal("remark: test-count-blocks (analysis) in @f: 3 blocks\nremark: test-count-blocks (analysis) in @g: 1 blocks\n", log);
            var lines = File.ReadAllLines(file);
            Assert.Equal(2, lines.Length);
            using var json = JsonDocument.Parse(lines[0]);
            Assert.Equal("test-count-blocks", json.RootElement.GetProperty("pass").GetString());
            Assert.Equal("analysis", json.RootElement.GetProperty("kind").GetString());
            Assert.Equal("f", json.RootElement.GetProperty("function").GetString());
            Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("ilOffset").ValueKind);
            Assert.Equal("3 blocks", json.RootElement.GetProperty("message").GetString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void PassTimesCountEveryRun()
    {
        var (run, _) = Run("test-count-blocks,test-module-probe,function(test-count-blocks)");
        Assert.Equal(new[] { ("test-count-blocks", 4), ("test-module-probe", 1) }, run.Timings.Select(t => (t.Pass, t.Runs)));
    }

    [Theory]
    [InlineData("dce", 2, null, null, "give either --passes or -O2, not both")]
    [InlineData(null, 7, null, null, "-O7: the levels are -O0 to -O3")]
    [InlineData(null, null, "sccpp", null, "--print-after=sccpp: no pass is named 'sccpp'; did you mean 'sccp'?")]
    [InlineData(null, null, null, "(", "--remarks=(: not a regular expression")]
    public void OptionMistakesAreDiagnosedBeforeAnythingRuns(string? passes, int? level, string? printAfter, string? remarks, string message)
    {
        var options = new PipelineOptions { Passes = passes, OptLevel = level, PrintAfter = printAfter is null ? Array.Empty<string>() : new[] { printAfter }, Remarks = remarks };
        var d = Assert.Single(Assert.Throws<DiagnosticException>(() => PassSession.Create(options)).Diagnostics);
        Assert.Equal("TB5005", d.Code);
        Assert.Contains(message, d.Message);
    }

    [Fact]
    public void WithoutAnyPipelineBuildsUseO2AndOptUsesNothing()
    {
        Assert.Equal(new PipelineSource("-O2", DefaultPipelines.Text(2)), PassSession.Create(new PipelineOptions()).Pipeline.Source);
        Assert.Empty(PassSession.Create(new PipelineOptions(), defaultOptLevel: null).Pipeline.Steps);
        Assert.Equal("llvm(default<O0>)", PassSession.Create(new PipelineOptions { OptLevel = 0 }).Pipeline.ToString());
    }
}
