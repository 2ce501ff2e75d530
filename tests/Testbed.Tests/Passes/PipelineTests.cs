using Testbed.IR;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>The pipeline grammar: structure, parameters, llvm(...), and a diagnostic with a column for every mistake.</summary>
public sealed class PipelineTests
{
    private static Pipeline Parse(string text) => Pipeline.Parse(new PipelineSource("--passes", text), TestRegistry.WithTestPasses);

    private static Diagnostic Error(string text) => Assert.Single(Assert.Throws<DiagnosticException>(() => Parse(text)).Diagnostics);

    private static string Shape(Pipeline p) => string.Join(" ", p.Steps.Select(s => s switch
    {
        ModulePassStep m => $"M[{m.Pass.Name}]",
        FunctionPassesStep f => $"F[{string.Join(",", f.Passes.Select(x => x.Name))}]",
        _ => "?",
    }));

    [Theory]
    [InlineData("", "")]
    [InlineData("dce", "F[dce]")]
    [InlineData("dce,sccp,inline,simplifycfg", "F[dce,sccp] M[inline] F[simplifycfg]")]
    [InlineData("function(dce),function(sccp)", "F[dce] F[sccp]")]
    [InlineData("module(function(dce,sccp),inline),dce", "F[dce,sccp] M[inline] F[dce]")]
    [InlineData("module(dce,sccp)", "F[dce,sccp]")]
    [InlineData(" function( dce , sccp ) , module( inline ) ", "F[dce,sccp] M[inline]")]
    public void StructureFollowsLlvmsRules(string text, string shape) => Assert.Equal(shape, Shape(Parse(text)));

    [Fact]
    public void TheLlvmPartIsKeptVerbatim()
    {
        var p = Parse("function(dce),llvm(function(sroa,gvn<pre>),cgscc(inline))");
        Assert.Equal("function(sroa,gvn<pre>),cgscc(inline)", p.Llvm);
        Assert.Equal(19, p.LlvmColumn);
        Assert.Null(Parse("dce").Llvm);
        Assert.Equal("default<O2>", Parse("llvm(default<O2>)").Llvm);
    }

    [Fact]
    public void ToStringSpellsOutTheImplicitStructure() =>
        Assert.Equal("function(dce,sccp),inline<threshold=5>,function(simplifycfg),llvm(default<O1>)",
            Parse("dce,sccp,inline<threshold=5>,simplifycfg,llvm(default<O1>)").ToString());

    [Fact]
    public void ParametersOfEveryTypeAreParsed()
    {
        var pass = (ParametersPass)Parse("test-params<count=-7;big=9000000000;ratio=2.5;verbose;layer=libos.drivers.serial;mode=very-thorough>").Passes.Single().Pass;
        Assert.Equal(-7, pass.Count);
        Assert.Equal(9_000_000_000L, pass.Big);
        Assert.Equal(2.5, pass.Ratio);
        Assert.True(pass.Verbose);
        Assert.Equal("libos.drivers.serial", pass.Layer);
        Assert.Equal(TestMode.VeryThorough, pass.Mode);
        var defaults = (ParametersPass)Parse("test-params").Passes.Single().Pass;
        Assert.Equal((3, "app", false), (defaults.Count, defaults.Layer, defaults.Verbose));
        Assert.False(((ParametersPass)Parse("test-params<verbose=false>").Passes.Single().Pass).Verbose);
    }

    [Fact]
    public void EachOccurrenceIsItsOwnInstance()
    {
        var passes = Parse("test-params<count=1>,test-params<count=2>").Passes.Select(p => ((ParametersPass)p.Pass).Count);
        Assert.Equal(new[] { 1, 2 }, passes);
    }

    [Theory]
    // code, text, 1-based column, message fragment
    [InlineData("TB5002", "function(sccp,dec)", 15, "unknown pass 'dec'; did you mean 'dce'?")]
    [InlineData("TB5002", "inlin", 1, "did you mean 'inline'?")]
    [InlineData("TB5002", "default<O2>", 1, "LLVM's default<On> goes inside llvm(...)")]
    [InlineData("TB5001", "function(dce", 13, "'(' at column 9 is not closed")]
    [InlineData("TB5001", "dce)", 4, "')' without a matching '('")]
    [InlineData("TB5001", "dce,,sccp", 5, "expected a pass name, found ','")]
    [InlineData("TB5001", "function()", 10, "function(...) is empty")]
    [InlineData("TB5001", "dce sccp", 5, "expected ',' between passes")]
    [InlineData("TB5001", "inline<threshold=3", 19, "'<' at column 7 is not closed")]
    [InlineData("TB5001", "llvm(", 6, "is not closed")]
    [InlineData("TB5001", "module", 7, "module must be followed by a nested pipeline")]
    [InlineData("TB5003", "inline<treshold=3>", 8, "has no parameter 'treshold'; did you mean 'threshold'?")]
    [InlineData("TB5003", "inline<threshold=many>", 18, "'many' is not an integer")]
    [InlineData("TB5003", "inline<threshold>", 8, "needs a value: threshold=<int>")]
    [InlineData("TB5003", "inline<threshold=1;threshold=2>", 20, "is given twice")]
    [InlineData("TB5003", "test-params<mode=slow>", 18, "'slow' is not one of fast|very-thorough")]
    [InlineData("TB5003", "test-params<verbose=maybe>", 21, "is not a bool")]
    [InlineData("TB5003", "dce<x=1>", 5, "pass 'dce' has no parameter 'x' (it takes none)")]
    [InlineData("TB5003", "function<x=1>(dce)", 10, "function(...) takes no parameters")]
    [InlineData("TB5004", "function(dce,inline)", 14, "'inline' is a module pass: it cannot run inside function(...)")]
    [InlineData("TB5004", "function(module(dce))", 10, "module(...) cannot be nested inside function(...)")]
    [InlineData("TB5004", "llvm(default<O2>),dce", 19, "llvm(...) must be the last element")]
    [InlineData("TB5004", "module(llvm(default<O2>))", 8, "llvm(...) belongs at the top level")]
    [InlineData("TB5004", "cgscc(inline)", 1, "cgscc(...) is LLVM's")]
    [InlineData("TB5004", "dce(sccp)", 1, "'dce' is a pass")]
    public void MistakesAreDiagnosedAtTheirColumn(string code, string text, int column, string message)
    {
        var d = Error(text);
        Assert.Equal(code, d.Code);
        Assert.Equal($"--passes:1:{column}", d.Location);
        Assert.Contains(message, d.Message);
        // The pipeline is repeated with a caret under the column.
        var lines = d.Message.Split('\n');
        Assert.Equal("  " + text, lines[^2]);
        Assert.Equal(new string(' ', column + 1) + "^", lines[^1]);
    }

    [Fact]
    public void EveryDefaultPipelineParsesAndNamesOnlyExistingPasses()
    {
        for (int level = 0; level <= DefaultPipelines.MaxLevel; level++)
        {
            var p = Pipeline.Parse(DefaultPipelines.Source(level), PassRegistry.BuiltIn);
            Assert.Equal($"default<O{level}>", p.Llvm);
            Assert.Equal(level == 0 ? 0 : 1, Math.Sign(p.Steps.Count));
        }
    }
}
