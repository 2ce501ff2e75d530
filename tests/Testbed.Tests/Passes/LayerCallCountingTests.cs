using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Testbed.Cli.Metrics;
using Testbed.Passes;
using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>
/// --count-layer-calls (the count-layer-calls pass and the library OS's LayerCallCounters) and the
/// per-layer .text of --metrics, through the real command. The .tbir tests in
/// tests/passes/count-layer-calls/ show the instrumentation itself.
/// </summary>
public sealed partial class LayerCallCountingTests
{
    // 1000 calls of corlib's Math.Max from the app, and the entry glue's one call of corlib's runtime
    // initialisation: app -> corlib 1001 whenever Testbed's inliner does not run.
    private static readonly Lazy<string> maxes = new(() => CliProcess.WriteProgram("maxes", """
        using System;
        static class Program
        {
            static int Main()
            {
                int sum = 0;
                for (int i = 0; i < 1000; i++) sum += Math.Max(i, 500);
                return sum == 624750 ? 0 : 1;
            }
        }
        """));

    // "   3: 00000000002073b0   313 FUNC    LOCAL  DEFAULT     2 System.String::Concat(...)"
    [GeneratedRegex(@"^\s*\d+:\s+[0-9a-f]+\s+(?<size>\d+)\s+FUNC\s+\S+\s+\S+\s+\S+\s(?<name>.*)$")]
    private static partial Regex FunctionSymbolLine();

    private static string Temp(string name) => Path.Combine(Path.GetDirectoryName(maxes.Value)!, $"{Guid.NewGuid():N}-{name}");

    private static IReadOnlyList<(string Pair, long Count)> Counts(string stderr) =>
        stderr.Split('\n').Where(l => l.StartsWith("testbed layer calls: ", StringComparison.Ordinal))
            .Select(l => l["testbed layer calls: ".Length..])
            .Select(l => (l[..l.LastIndexOf(' ')], long.Parse(l[(l.LastIndexOf(' ') + 1)..], CultureInfo.InvariantCulture)))
            .ToList();

    [Theory]
    [InlineData("linux", "-O0")]
    // LLVM inlines Math.Max here; the increments were put in front of the calls before, and stay.
    [InlineData("linux", "--passes=function(mem2reg,sccp,dce,simplifycfg),llvm(default<O2>)")]
    [InlineData("pvh", "-O0")]
    public void CountsTheCallsThatCrossLayersAndPrintsThemAtExit(string target, string pipeline)
    {
        var metrics = Temp("metrics.json");
        var result = CliProcess.Run(["run", maxes.Value, "--target", target, pipeline, "--count-layer-calls", "--metrics", metrics]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stdout}\n{result.Stderr}");
        var counts = Counts(result.Stderr);
        Assert.Contains(("app -> corlib", 1001L), counts);
        // The library OS's own start and exit cross layers too, a few times; never the app besides.
        Assert.All(counts.Where(c => c.Pair.StartsWith("app ", StringComparison.Ordinal)), c => Assert.Equal("app -> corlib", c.Pair));
        Assert.Equal(counts.OrderByDescending(c => c.Count).Select(c => c.Count), counts.Select(c => c.Count));
        Assert.All(counts, c => Assert.True(c.Count > 0));

        using var json = JsonDocument.Parse(File.ReadAllText(metrics));
        Assert.EndsWith("count-layer-calls,llvm(" + (pipeline == "-O0" ? "default<O0>" : "default<O2>") + ")",
            json.RootElement.GetProperty("pipeline").GetString());
    }

    [Fact]
    public void WithoutTheFlagTheImageHasNoCountersAndNothingIsPrinted()
    {
        var run = CliProcess.Run(["run", maxes.Value, "--target", "linux", "-O0"]);
        Assert.True(run.ExitCode == 0, run.Stderr);
        Assert.DoesNotContain("testbed layer calls", run.Stderr);

        var plain = Temp("plain.tbir");
        var counted = Temp("counted.tbir");
        Assert.Equal(0, CliProcess.Run(["build", maxes.Value, "--target", "linux", "-O0", "--emit", "ir", "-o", plain]).ExitCode);
        Assert.Equal(0, CliProcess.Run(["build", maxes.Value, "--target", "linux", "-O0", "--count-layer-calls", "--emit", "ir", "-o", counted]).ExitCode);
        Assert.DoesNotContain("tb_layer_call", File.ReadAllText(plain));
        Assert.DoesNotContain("LayerCallCounters", File.ReadAllText(plain));
        Assert.Contains("export tb_layer_calls_start", File.ReadAllText(counted));
        Assert.Contains("global @tb_layer_call_counters", File.ReadAllText(counted));
    }

    [Fact]
    public void TheFlagAddsThePassAfterTheTestbedPartOfAnyPipeline()
    {
        var o2 = PassSession.Create(new PipelineOptions { OptLevel = 2, CountLayerCalls = true }).Pipeline;
        Assert.EndsWith("function(bce,nce,sccp,dce,simplifycfg),count-layer-calls,llvm(default<O2>)", o2.ToString());
        Assert.Equal(new[] { CountLayerCalls.StartSymbol }, o2.RuntimeSupport);
        var none = PassSession.Create(new PipelineOptions { Passes = "", CountLayerCalls = true }).Pipeline;
        Assert.Equal("count-layer-calls", none.ToString());
        Assert.Empty(PassSession.Create(new PipelineOptions { OptLevel = 2 }).Pipeline.RuntimeSupport);
    }

    [Fact]
    public void MetricsGiveTheImageTextOfEachLayer()
    {
        var metrics = Temp("metrics.json");
        var image = Temp("maxes.exe");
        var result = CliProcess.Run(["build", maxes.Value, "--target", "linux", "-O0", "-o", image, "--metrics", metrics]);
        Assert.True(result.ExitCode == 0, result.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(metrics));
        var text = json.RootElement.GetProperty("text");
        var byLayer = text.GetProperty("imageByLayer").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        // -O0 inlines nothing: the app's code is Main; the entry glue, tb_app_main, is listed apart.
        Assert.Equal(1, byLayer["app"].GetProperty("functions").GetInt32());
        Assert.Equal(1, byLayer[ReportedLayer.EntryPoint].GetProperty("functions").GetInt32());
        Assert.True(byLayer["corlib"].GetProperty("bytes").GetInt64() > byLayer["app"].GetProperty("bytes").GetInt64());
        Assert.Contains("libos.memory", byLayer.Keys);
        long unattributed = text.GetProperty("imageUnattributedBytes").GetInt64();
        Assert.InRange(unattributed, 1, text.GetProperty("imageBytes").GetInt64() / 10);
        Assert.Equal(text.GetProperty("imageBytes").GetInt64(), byLayer.Values.Sum(l => l.GetProperty("bytes").GetInt64()) + unattributed);
        Assert.True(json.RootElement.GetProperty("ir").GetProperty("indirectCallSites").GetInt32() > 0);

        // The symbol reader agrees with LLVM's on every function symbol.
        var psi = new ProcessStartInfo("llvm-readelf-19", ["-s", "-W", image]) { RedirectStandardOutput = true };
        using var readelf = Process.Start(psi)!;
        var listing = readelf.StandardOutput.ReadToEnd();
        readelf.WaitForExit();
        var expected = listing.Split('\n').Select(l => FunctionSymbolLine().Match(l)).Where(m => m.Success)
            .Select(m => $"{m.Groups["name"].Value} {m.Groups["size"].Value}").Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.Count > 100, listing);
        Assert.Equal(expected, ElfSections.FunctionSymbols(image).Select(s => $"{s.Name} {s.Size}").Order(StringComparer.Ordinal));
    }
}
