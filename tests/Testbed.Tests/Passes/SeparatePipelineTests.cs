using System.Text.RegularExpressions;
using Testbed.IR;
using Testbed.Passes;
using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>
/// --pipeline separate, the conventional-OS baseline: our passes stay inside a layer and each layer
/// is its own LLVM module, linked without LTO. These tests check that the layers really stay apart
/// (what a cross-layer comparison would otherwise silently measure) and that programs still behave.
/// </summary>
public sealed class SeparatePipelineTests
{
    // Math.Max is a one-line corlib function: every inliner takes it unless layers are kept apart.
    private static readonly Lazy<string> program = new(() => CliProcess.WriteProgram("maxloop", """
        using System;
        static class Program
        {
            static int Main()
            {
                int best = 0;
                for (int i = 0; i < 100; i++) best = Math.Max(best, (i * 37) % 101);
                Console.WriteLine(best);
                return best % 7;
            }
        }
        """));

    private const string MaxSymbol = "System.Math::Max(System.Int32,System.Int32)";

    private static string Temp(string name) => Path.Combine(Path.GetDirectoryName(program.Value)!, $"{Guid.NewGuid():N}-{name}");

    private static Pipeline Parse(string text) => Pipeline.Parse(new PipelineSource("--passes", text), PassRegistry.BuiltIn);

    [Fact]
    public void PerLayerIsPartOfTheLlvmElementAndRoundTrips()
    {
        var p = Parse("function(dce),llvm<per-layer>(default<O2>)");
        Assert.True(p.LlvmPerLayer);
        Assert.Equal("default<O2>", p.Llvm);
        Assert.Equal("function(dce),llvm<per-layer>(default<O2>)", p.ToString());
        Assert.False(Parse("llvm(default<O2>)").LlvmPerLayer);
        var error = Assert.Single(Assert.Throws<DiagnosticException>(() => Parse("llvm<per-module>(default<O2>)")).Diagnostics);
        Assert.Contains("takes only 'per-layer'", error.Message);
    }

    [Fact]
    public void NamedPipelinesAreDefinedOnceAndExclusive()
    {
        Assert.Equal(new[] { "separate", "whole-system" }, DefaultPipelines.Names);
        var separate = PassSession.Create(new PipelineOptions { PipelineName = "separate" }).Pipeline;
        Assert.True(separate.LlvmPerLayer);
        Assert.Contains(separate.Passes, p => p.Text == "inline<within-layer>");
        Assert.Contains(separate.Passes, p => p.Text == "devirt<within-layer>");
        var whole = PassSession.Create(new PipelineOptions { PipelineName = "whole-system" }).Pipeline;
        Assert.False(whole.LlvmPerLayer);
        Assert.DoesNotContain(whole.Passes, p => p.Text.Contains("within-layer"));

        var unknown = Assert.Single(Assert.Throws<DiagnosticException>(() => PassSession.Create(new PipelineOptions { PipelineName = "whole" })).Diagnostics);
        Assert.Contains("did you mean 'whole-system'", unknown.Message);
        var both = Assert.Single(Assert.Throws<DiagnosticException>(() => PassSession.Create(new PipelineOptions { PipelineName = "separate", OptLevel = 2 })).Diagnostics);
        Assert.Contains("not several", both.Message);
    }

    [Fact]
    public void OptPrintsTheChosenPipeline()
    {
        var result = CliProcess.Run(new[] { "opt", "--print-pipeline", "--pipeline", "separate" });
        Assert.True(result.ExitCode == 0, result.Stderr);
        Assert.Equal(PassSession.Create(new PipelineOptions { PipelineName = "separate" }).Pipeline.ToString(), result.Stdout.Trim());
        Assert.EndsWith("llvm<per-layer>(default<O2>)", result.Stdout.Trim());
    }

    [Fact]
    public void EachLayerIsItsOwnModuleAndTheAppCallsTheCoreLibraryAcrossTheBoundary()
    {
        var separateIr = Temp("separate.ll");
        var wholeIr = Temp("whole.ll");
        var r = CliProcess.Run(new[] { "build", program.Value, "--target", "linux", "--pipeline", "separate", "--emit", "llvm-ir", "-o", separateIr });
        Assert.True(r.ExitCode == 0, r.Stderr);
        r = CliProcess.Run(new[] { "build", program.Value, "--target", "linux", "--pipeline", "whole-system", "--emit", "llvm-ir", "-o", wholeIr });
        Assert.True(r.ExitCode == 0, r.Stderr);

        var modules = Regex.Split(File.ReadAllText(separateIr), @"^; ---- layer (\S+) ----$", RegexOptions.Multiline)
            .Skip(1).Chunk(2).ToDictionary(c => c[0], c => c[1]);
        Assert.Contains("app", modules.Keys);
        Assert.Contains("corlib", modules.Keys);
        Assert.Contains(modules.Keys, k => k.StartsWith("libos.", StringComparison.Ordinal));
        // The app's module only declares the corlib function and calls it from its loop; corlib's defines it.
        Assert.Contains($"declare dso_local i32 @\"{MaxSymbol}\"", modules["app"]);
        Assert.Matches($"call i32 @\"{Regex.Escape(MaxSymbol)}\"", modules["app"]);
        Assert.Contains($"define dso_local i32 @\"{MaxSymbol}\"", modules["corlib"]);
        // No layer's module defines a function of another layer: every definition is defined exactly once.
        var definitions = modules.SelectMany(m => Regex.Matches(m.Value, @"^define .*?@(""[^""]+""|[\w.$]+)\(", RegexOptions.Multiline)
            .Select(d => (Layer: m.Key, Name: d.Groups[1].Value))).ToList();
        // The pattern must see the definitions it judges, or the checks below would pass on nothing.
        Assert.Contains(definitions, d => d.Layer == "corlib" && d.Name == $"\"{MaxSymbol}\"");
        Assert.Contains(definitions, d => d.Layer == "app");
        Assert.DoesNotContain(definitions.GroupBy(d => d.Name), g => g.Count() > 1);
        Assert.DoesNotContain(definitions, d => d.Layer == "app" && d.Name.Contains("System.", StringComparison.Ordinal));

        // The whole-system build inlines it into the loop: no call is left.
        Assert.DoesNotMatch($"call i32 @\"{Regex.Escape(MaxSymbol)}\"", File.ReadAllText(wholeIr));
    }

    [Fact]
    public void SeparateImagesBehaveAsWholeSystemOnesAndKeepEachLayersSymbols()
    {
        var separate = Temp("separate.exe");
        var metrics = Temp("separate.json");
        var r = CliProcess.Run(new[] { "build", program.Value, "--target", "linux", "--pipeline", "separate", "-o", separate, "--metrics", metrics });
        Assert.True(r.ExitCode == 0, r.Stderr);
        var symbols = Nm(separate);
        Assert.Contains(MaxSymbol, symbols);
        using (var json = System.Text.Json.JsonDocument.Parse(File.ReadAllText(metrics)))
        {
            var byLayer = json.RootElement.GetProperty("text").GetProperty("imageByLayer");
            Assert.True(byLayer.GetProperty("corlib").GetProperty("bytes").GetInt64() > 0);
            // The entry glue is listed apart; inline<within-layer> may have put Main and the rest of the
            // application into it (both are tagged app), so "app" itself may have no symbol left.
            Assert.Equal(1, byLayer.GetProperty(ReportedLayer.EntryPoint).GetProperty("functions").GetInt32());
        }

        var runSeparate = CliProcess.Run(new[] { "run", program.Value, "--target", "linux", "--pipeline", "separate" });
        var runWhole = CliProcess.Run(new[] { "run", program.Value, "--target", "linux", "--pipeline", "whole-system" });
        Assert.Equal("100\n", runSeparate.Stdout);
        Assert.Equal(runWhole.Stdout, runSeparate.Stdout);
        Assert.Equal(100 % 7, runSeparate.ExitCode);
        Assert.Equal(runWhole.ExitCode, runSeparate.ExitCode);
    }

    private static string Nm(string path)
    {
        var psi = new System.Diagnostics.ProcessStartInfo("nm", path) { RedirectStandardOutput = true, UseShellExecute = false };
        using var process = System.Diagnostics.Process.Start(psi)!;
        var text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    [Fact]
    public void PerLayerPipelinesRefuseToEmitOneObject()
    {
        var r = CliProcess.Run(new[] { "build", program.Value, "--target", "linux", "--pipeline", "separate", "--emit", "obj", "-o", Temp("x.o") });
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("one object per layer", r.Stderr);
        Assert.DoesNotContain("importing IL", r.Stderr);
    }
}
