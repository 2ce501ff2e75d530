using System.Text.Json;
using Testbed.Bench;
using Testbed.Bench.Results;
using Testbed.Bench.Runtime;
using Xunit;

namespace Testbed.Tests.Bench;

/// <summary>`testbed bench runtime`'s pure parts: its options, the medians and paired ratios, the JSON schema and the report. No timing.</summary>
public class RuntimeBenchTests
{
    private static RunRecord Run(string program, string config, int round, double seconds, string? error = null) =>
        new(program, config, round, 0, seconds, 1000 * round, seconds * 0.9, 0, error);

    private static List<RunRecord> Runs() =>
    [
        // The check run (round 0) is never measured, however slow.
        Run("nbody", RuntimePrograms.CoreClr, 0, 99), Run("nbody", RuntimePrograms.NativeAot, 0, 99), Run("nbody", RuntimePrograms.Testbed, 0, 99),
        Run("nbody", RuntimePrograms.CoreClr, 1, 3.0), Run("nbody", RuntimePrograms.NativeAot, 1, 2.0), Run("nbody", RuntimePrograms.Testbed, 1, 1.0),
        Run("nbody", RuntimePrograms.CoreClr, 2, 4.0), Run("nbody", RuntimePrograms.NativeAot, 2, 2.2), Run("nbody", RuntimePrograms.Testbed, 2, 2.0),
        Run("nbody", RuntimePrograms.CoreClr, 3, 5.0), Run("nbody", RuntimePrograms.NativeAot, 3, 2.4), Run("nbody", RuntimePrograms.Testbed, 3, 1.2),
        Run("nbody", RuntimePrograms.Testbed, 4, 0.1, error: "exit 139: segfault"),   // failed: left out
    ];

    private static RuntimeReport Report()
    {
        var runs = Runs();
        var program = new ProgramRecord("nbody", "numeric (double)", "100", 1.0,
            new Dictionary<string, string> { [RuntimePrograms.Testbed] = "./testbed build nbody.cs" },
            new Dictionary<string, string> { [RuntimePrograms.Testbed] = "nbody 100" },
            new Dictionary<string, long> { [RuntimePrograms.Testbed] = 62_000 }, 0, "energy\n", null);
        var failed = new ProgramRecord("resp", "RESP parsing", "3", 1.2, new Dictionary<string, string>(), new Dictionary<string, string>(),
            new Dictionary<string, long>(), 0, "x\n", "testbed disagrees with CoreCLR: exit 0 (CoreCLR 0), output line 1: \"y\", CoreCLR \"x\"");
        return new RuntimeReport(RuntimeReport.CurrentSchema, "./testbed bench runtime --rounds 3", new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc),
            new Machine("AMD EPYC", 2, "6.1", "unusable: test", "abc", 0, 1),
            new RuntimeSettings(3, false, "GNU time's %M", new Dictionary<string, string> { ["dotnet"] = "10.0.401" }) { LoadAverage = [1.5, 2.25] },
            [program, failed], runs, RuntimeSummaries.Compute(runs));
    }

    [Fact]
    public void Summary_MediansOverMeasuredRuns_RatiosAreBaselineOverThis_PairedMinMax()
    {
        var summary = RuntimeSummaries.Compute(Runs());
        Assert.Equal(3, summary.Count);
        var aot = summary.Single(r => r.Config == RuntimePrograms.NativeAot);
        Assert.Equal((3, 2.2, 2.0, 2.4), (aot.Runs, aot.MedianSeconds, aot.MinSeconds, aot.MaxSeconds));
        Assert.Null(aot.VersusNativeAot);
        Assert.Null(aot.VersusNativeAotMin);
        var testbed = summary.Single(r => r.Config == RuntimePrograms.Testbed);
        Assert.Equal((3, 1.2), (testbed.Runs, testbed.MedianSeconds));   // the failed round 4 is left out
        Assert.Equal(2.2 / 1.2, testbed.VersusNativeAot!.Value, 9);
        Assert.Equal(4.0 / 1.2, testbed.VersusCoreClr!.Value, 9);
        // Paired per round: 2.0/1.0, 2.2/2.0, 2.4/1.2.
        Assert.Equal(1.1, testbed.VersusNativeAotMin!.Value, 9);
        Assert.Equal(2.0, testbed.VersusNativeAotMax!.Value, 9);
        Assert.Equal(2000.0, testbed.MedianMaxRssKib);
        Assert.Equal(1.08, testbed.MedianCpuSeconds!.Value, 9);
        Assert.Null(summary.Single(r => r.Config == RuntimePrograms.CoreClr).VersusCoreClr);
    }

    [Fact]
    public void Options_DefaultsQuickProgramsAndErrors()
    {
        var (options, error) = RuntimeOptions.Parse([], "/out");
        Assert.Null(error);
        Assert.Equal((5, false, "/out", "runtime"), (options!.Rounds, options.Quick, options.OutputDirectory, options.ResultName));
        Assert.Equal(RuntimePrograms.All, options.Programs);
        Assert.Equal("18", options.ArgumentOf(RuntimePrograms.All[0]));

        (options, _) = RuntimeOptions.Parse(["--quick", "--rounds", "7", "--programs", "nbody, resp"], "/out");
        Assert.Equal((1, true, "runtime-quick"), (options!.Rounds, options.Quick, options.ResultName));   // --quick is one round
        Assert.Equal(["resp", "nbody"], options.Programs.Select(p => p.Name));   // the suite's order
        Assert.Equal("12", options.ArgumentOf(RuntimePrograms.All[0]));

        (options, _) = RuntimeOptions.Parse(["--rounds", "2", "--out", "/tmp/x"], "/out");
        Assert.Equal((2, "/tmp/x"), (options!.Rounds, options.OutputDirectory));

        Assert.Contains("no program nosuch", RuntimeOptions.Parse(["--programs", "nbody,nosuch"], "/out").Error);
        Assert.Contains("positive", RuntimeOptions.Parse(["--rounds", "0"], "/out").Error);
        Assert.Contains("positive", RuntimeOptions.Parse(["--rounds"], "/out").Error);
        Assert.Contains("unknown option --requests", RuntimeOptions.Parse(["--requests", "5"], "/out").Error);
    }

    [Fact]
    public void Goals_AreOneForAllAndOnePointTwoForDictionaryAndParsing()
    {
        Assert.Equal(["binarytrees", "wordfreq", "resp", "nbody", "fannkuch"], RuntimePrograms.All.Select(p => p.Name));
        Assert.Equal([1.0, 1.2, 1.2, 1.0, 1.0], RuntimePrograms.All.Select(p => p.Goal));
        string programs = Path.Combine(Testbed.Cli.Driver.RepositoryLayout.Locate().Root, "bench", "runtime", "programs");
        foreach (var p in RuntimePrograms.All)
            Assert.True(File.Exists(Path.Combine(programs, p.Name + ".cs")), p.Name);
    }

    [Fact]
    public void Json_HasTheDocumentedSchema()
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(Report(), BenchReport.Json));
        var root = doc.RootElement;
        Assert.Equal("testbed-bench-runtime/1", root.GetProperty("schema").GetString());
        Assert.Equal("AMD EPYC", root.GetProperty("machine").GetProperty("cpu").GetString());
        Assert.Equal(2, root.GetProperty("machine").GetProperty("cores").GetInt32());
        Assert.Equal(3, root.GetProperty("settings").GetProperty("rounds").GetInt32());
        Assert.Equal(JsonValueKind.String, root.GetProperty("settings").GetProperty("max_rss_source").ValueKind);
        Assert.Equal(2, root.GetProperty("settings").GetProperty("load_average").GetArrayLength());
        var program = root.GetProperty("programs")[0];
        Assert.Equal(1.0, program.GetProperty("goal_vs_nativeaot").GetDouble());
        Assert.Equal("energy\n", program.GetProperty("expected_output").GetString());
        Assert.Equal(JsonValueKind.Null, program.GetProperty("error").ValueKind);
        Assert.Equal(62_000, program.GetProperty("binary_bytes").GetProperty("testbed").GetInt64());
        var run = root.GetProperty("runs")[3];
        Assert.Equal(("nbody", "coreclr", 1, 3.0, 1000), (run.GetProperty("program").GetString(), run.GetProperty("config").GetString(),
            run.GetProperty("round").GetInt32(), run.GetProperty("seconds").GetDouble(), run.GetProperty("max_rss_kib").GetInt64()));
        var row = root.GetProperty("summary")[2];
        Assert.Equal(2.7, run.GetProperty("cpu_s").GetDouble(), 9);
        foreach (var field in new[] { "median_s", "min_s", "max_s", "median_cpu_s", "vs_nativeaot", "vs_nativeaot_min", "vs_nativeaot_max", "vs_coreclr" })
            Assert.Equal(JsonValueKind.Number, row.GetProperty(field).ValueKind);
    }

    [Fact]
    public void Write_JsonMarkdownAndPng()
    {
        var dir = Directory.CreateTempSubdirectory("bench-runtime-test").FullName;
        try
        {
            RuntimeWriter.Write(Report(), dir, "runtime");
            Assert.Equal(["runtime.json", "runtime.md", "runtime.png"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(dir, "runtime.png"))[..4]);
            string md = File.ReadAllText(Path.Combine(dir, "runtime.md"));
            Assert.Contains("Reproduce: `./testbed bench runtime --rounds 3`", md);
            Assert.Contains("| nbody (numeric (double)) | 100 | 4.000 (3.000 – 5.000) | 2.200 (2.000 – 2.400) | 1.200 (1.000 – 2.000) | **1.83×** (1.10 – 2.00) | 3.33× | ≥ 1.0×: met |", md);
            Assert.Contains("| resp (RESP parsing) | 3 | failed | failed | failed | – | – | ≥ 1.2×: not measured |", md);
            Assert.Contains("- resp: testbed disagrees with CoreCLR", md);
            Assert.Contains("- nbody on testbed, round 4: exit 139: segfault", md);
            Assert.Contains("| nbody | 3.60 | 1.98 | 1.08 | 1.83× |", md);   // CPU seconds: 0.9 of each wall time here
            Assert.Contains("at the start and the end: 1.50 and 2.25, on 2 cores", md);
            Assert.Contains("The machine was busy besides", md);   // 2.25 > 2 cores
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void FirstDifference_NamesTheLine()
    {
        Assert.Equal("output line 2: \"b\", CoreCLR \"c\"", RuntimeRun.FirstDifference("a\nc\n", "a\nb\n"));
        Assert.Equal("output line 2: \"(end)\", CoreCLR \"c\"", RuntimeRun.FirstDifference("a\nc", "a"));
        Assert.Equal("the same output", RuntimeRun.FirstDifference("a\n", "a\n"));
    }
}
