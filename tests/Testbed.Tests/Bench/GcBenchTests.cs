using System.Text.Json;
using Testbed.Bench;
using Testbed.Bench.Gc;
using Testbed.Bench.Results;
using Xunit;

namespace Testbed.Tests.Bench;

/// <summary>`testbed bench gc`'s pure parts: kv's key=value output, the medians, ratios and barrier cost, the options and the JSON schema. Nothing built, nothing timed.</summary>
public class GcBenchTests
{
    private const double Mhz = 2000;   // 2,000 cycles a microsecond: 2,000,000 cycles are 1 ms

    /// <summary>The output of bench/gc/generations.cs, as it prints it.</summary>
    private const string KvOutput = """
        live_after_build=112000000
        operations=4000000
        keys=1000000
        cycles=20000000000
        pause_cycles=2000000000
        collections=120
        minor_collections=110
        live_bytes=113000000
        heap_bytes=160000000
        pauses=1,2,3
        pauses_logged=120
        p50_pause_cycles=2000000
        p99_pause_cycles=60000000
        max_pause_cycles=90000000
        checksum=-4711

        """;

    private static Dictionary<string, long> Counters(long cycles, long pause, long p50 = 2_000_000, long minor = 0) => new()
    {
        ["cycles"] = cycles, ["pause_cycles"] = pause, ["p50_pause_cycles"] = p50, ["p99_pause_cycles"] = 3 * p50, ["max_pause_cycles"] = 4 * p50,
        ["collections"] = 10, ["minor_collections"] = minor, ["checksum"] = 7,
    };

    private static GcRunRecord Kv(string config, int round, double seconds, long cycles, long pause, long p50 = 2_000_000, string? error = null) =>
        new("kv", config, round, 0, seconds, 1000 * round, seconds * 0.9, 0, Counters(cycles, pause, p50), error);

    private static GcRunRecord Trees(string config, int round, double seconds) => new("binarytrees", config, round, 0, seconds, 500, seconds, 0, null, null);

    private static List<GcRunRecord> Runs() =>
    [
        // The check run (round 0) is never measured, however slow.
        Kv(GcPrograms.Generational, 0, 99, 1, 1), Kv(GcPrograms.Full, 0, 99, 1, 1), Kv(GcPrograms.NoBarriers, 0, 99, 1, 1),
        Kv(GcPrograms.Generational, 1, 2.0, 1000, 100, p50: 2_000_000), Kv(GcPrograms.Full, 1, 4.0, 2000, 1000), Kv(GcPrograms.NoBarriers, 1, 3.0, 1900, 1000),
        Kv(GcPrograms.Generational, 2, 2.2, 1000, 50, p50: 4_000_000), Kv(GcPrograms.Full, 2, 4.4, 2100, 1000), Kv(GcPrograms.NoBarriers, 2, 3.9, 2000, 1000),
        Kv(GcPrograms.Generational, 3, 2.4, 1000, 200, p50: 6_000_000), Kv(GcPrograms.Full, 3, 4.2, 2200, 1000), Kv(GcPrograms.NoBarriers, 3, 3.3, 2100, 1000),
        Kv(GcPrograms.Generational, 4, 0.1, 1, 1, error: "exit 139: segfault"),   // failed: left out
        Trees(GcPrograms.Generational, 1, 1.0), Trees(GcPrograms.Full, 1, 1.5), Trees(GcPrograms.NoBarriers, 1, 1.2),
    ];

    [Fact]
    public void ParseCounters_TakesIntegerKeyValueLines()
    {
        var counters = GcSummaries.ParseCounters(KvOutput);
        Assert.Equal(20_000_000_000, counters["cycles"]);
        Assert.Equal(110, counters["minor_collections"]);
        Assert.Equal(-4711, counters["checksum"]);
        Assert.False(counters.ContainsKey("pauses"));   // the list is no integer
        Assert.Equal(14, counters.Count);
        Assert.Empty(GcSummaries.ParseCounters("stretch tree of depth 13\t check: 16383\ntotal nodes checked: 42\n"));
    }

    [Fact]
    public void Agreement_IsKvChecksumOrTheWholeOutput()
    {
        Assert.Equal("checksum=-4711", GcSummaries.Agreement(GcPrograms.KeyValue, KvOutput));
        Assert.Equal("(no checksum= line)", GcSummaries.Agreement(GcPrograms.KeyValue, "cycles=5\n"));
        Assert.Equal("a\nb\n", GcSummaries.Agreement(GcPrograms.BinaryTrees, "a\nb\n"));
    }

    [Fact]
    public void TscMhz_IsTheFirstCpuMhz()
    {
        Assert.Equal(2445.406, GcSummaries.TscMhz("processor\t: 0\nmodel name\t: AMD EPYC\ncpu MHz\t\t: 2445.406\ncpu MHz\t\t: 1.0\n"));
        Assert.Null(GcSummaries.TscMhz("processor\t: 0\n"));
        Assert.Equal(1.0, GcSummaries.Milliseconds(2_000_000, Mhz));
    }

    [Fact]
    public void Summary_MediansOverMeasuredRuns_PausesInMs()
    {
        var summary = GcSummaries.Compute(Runs(), Mhz);
        Assert.Equal(6, summary.Count);
        var g = summary.Single(r => r.Program == "kv" && r.Config == GcPrograms.Generational);
        Assert.Equal((3, 2.2, 2.0, 2.4), (g.Runs, g.MedianSeconds, g.MinSeconds, g.MaxSeconds));   // round 4 failed, round 0 is the check
        Assert.Equal(10.0, g.GcSharePercent!.Value, 9);                 // shares 10 %, 5 %, 20 %
        Assert.Equal(2.0, g.P50PauseMs!.Value, 9);                      // median of 2, 4, 6 M cycles = 4 M = 2 ms
        Assert.Equal(6.0, g.P99PauseMs!.Value, 9);
        Assert.Equal(8.0, g.MaxPauseMs!.Value, 9);
        Assert.Equal(900.0, g.MutatorCycles);                           // 900, 950, 800
        Assert.Equal(900.0 / 2_000_000, g.MutatorMs!.Value, 12);
        Assert.Equal((10.0, 0.0), (g.Collections, g.MinorCollections));
        Assert.Equal(1.98, g.MedianCpuSeconds!.Value, 9);
        Assert.Equal(2000.0, g.MedianMaxRssKib);
        var trees = summary.Single(r => r.Program == "binarytrees" && r.Config == GcPrograms.Full);
        Assert.Equal(1.5, trees.MedianSeconds);
        Assert.Null(trees.GcSharePercent);
        Assert.Null(trees.MutatorCycles);
        Assert.Null(GcSummaries.Compute(Runs(), null).First().P50PauseMs);   // no TSC frequency, no ms
    }

    [Fact]
    public void Compare_SpeedupGcShareAndBarrierCost()
    {
        var comparisons = GcSummaries.Compare(GcSummaries.Compute(Runs(), Mhz));
        var kv = comparisons.Single(c => c.Program == "kv");
        Assert.Equal(4.2 / 2.2, kv.GenerationalSpeedup!.Value, 9);
        Assert.Equal(10.0, kv.GcShareGenerational!.Value, 9);
        Assert.Equal(1000.0 / 21, kv.GcShareFull!.Value, 9);            // shares 1000/20, 1000/21, 1000/22 %: the median's 1000/21
        Assert.Equal(1000.0 / 21 / 10, kv.GcShareRatio!.Value, 9);
        // Mutator cycles: full 1000, 1100, 1200 → 1100; no barriers 900, 1000, 1100 → 1000.
        Assert.Equal(10.0, kv.BarrierCostPercent!.Value, 9);
        Assert.Equal(GcSummaries.MutatorBasis, kv.BarrierCostBasis);
        var trees = comparisons.Single(c => c.Program == "binarytrees");
        Assert.Equal(1.5, trees.GenerationalSpeedup!.Value, 9);
        Assert.Null(trees.GcShareRatio);
        Assert.Equal(25.0, trees.BarrierCostPercent!.Value, 9);         // no counters: by wall time, 1.5 vs 1.2
        Assert.Equal(GcSummaries.WallBasis, trees.BarrierCostBasis);
    }

    [Fact]
    public void Options_DefaultsQuickAndErrors()
    {
        var (options, error) = GcOptions.Parse([], "/out");
        Assert.Null(error);
        Assert.Equal((5, false, "/out", "gc-generations"), (options!.Rounds, options.Quick, options.OutputDirectory, options.ResultName));
        Assert.Equal(["1000000", "4000000"], options.ArgumentsOf(GcPrograms.KeyValue));
        Assert.Equal(["18"], options.ArgumentsOf(GcPrograms.BinaryTrees));   // what bench runtime gives it

        (options, _) = GcOptions.Parse(["--quick", "--rounds", "7", "--out", "/tmp/x"], "/out");
        Assert.Equal((1, true, "/tmp/x", "gc-generations-quick"), (options!.Rounds, options.Quick, options.OutputDirectory, options.ResultName));
        Assert.Equal(["200000", "400000"], options.ArgumentsOf(GcPrograms.KeyValue));
        Assert.Equal(["12"], options.ArgumentsOf(GcPrograms.BinaryTrees));

        Assert.Contains("positive", GcOptions.Parse(["--rounds", "0"], "/out").Error);
        Assert.Contains("positive", GcOptions.Parse(["--rounds"], "/out").Error);
        Assert.Contains("--out needs", GcOptions.Parse(["--out"], "/out").Error);
        Assert.Contains("unknown option --programs", GcOptions.Parse(["--programs", "kv"], "/out").Error);
    }

    [Fact]
    public void Configurations_OnlyFullSetsTheCollectorAndOnlyNoBarriersIsAblated()
    {
        Assert.Equal(["generational", "full", "no-barriers"], GcPrograms.Configs);
        Assert.Equal([null, "full", null], GcPrograms.Configs.Select(GcPrograms.CollectorSetting));
        Assert.Equal([false, false, true], GcPrograms.Configs.Select(GcPrograms.Ablated));
        string root = Testbed.Cli.Driver.RepositoryLayout.Locate().Root;
        foreach (var p in GcPrograms.All)
            Assert.True(File.Exists(Path.Combine(root, p.Source)), p.Source);
    }

    private static GcReport Report()
    {
        var runs = Runs();
        var summary = GcSummaries.Compute(runs, Mhz);
        var kv = new GcProgramRecord("kv", "bench/gc/generations.cs", ["1000000", "4000000"],
            new Dictionary<string, string> { [GcPrograms.NoBarriers] = "./testbed build bench/gc/generations.cs --ablate-write-barriers" },
            new Dictionary<string, string> { [GcPrograms.Full] = "env TESTBED_GC=full kv 1000000 4000000" }, "checksum=7", null);
        return new GcReport(GcReport.CurrentSchema, "./testbed bench gc --rounds 3", new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc),
            new Machine("AMD EPYC", 2, "6.1", "unusable: test", "abc", 0, 1),
            new GcSettings(3, false, Mhz, "cpu MHz", "GNU time", [0.5, 2.5]), [kv], runs, summary, GcSummaries.Compare(summary));
    }

    [Fact]
    public void Json_HasTheDocumentedSchemaAndRoundTrips()
    {
        var report = Report();
        string json = JsonSerializer.Serialize(report, BenchReport.Json);
        using (var doc = JsonDocument.Parse(json))
        {
            var root = doc.RootElement;
            Assert.Equal("testbed-bench-gc/1", root.GetProperty("schema").GetString());
            Assert.Equal("./testbed bench gc --rounds 3", root.GetProperty("command").GetString());
            Assert.Equal(2000.0, root.GetProperty("settings").GetProperty("tsc_mhz").GetDouble());
            Assert.Equal(2, root.GetProperty("settings").GetProperty("load_average").GetArrayLength());
            Assert.Equal("checksum=7", root.GetProperty("programs")[0].GetProperty("expected").GetString());
            var run = root.GetProperty("runs")[3];
            Assert.Equal(("kv", "generational", 1, 1000), (run.GetProperty("program").GetString(), run.GetProperty("config").GetString(),
                run.GetProperty("round").GetInt32(), run.GetProperty("counters").GetProperty("cycles").GetInt64()));
            Assert.Equal(JsonValueKind.Null, root.GetProperty("runs")[13].GetProperty("counters").ValueKind);   // binarytrees prints none
            foreach (var field in new[] { "median_s", "gc_share_percent", "p50_pause_ms", "p99_pause_ms", "max_pause_ms", "collections", "minor_collections", "mutator_cycles", "mutator_ms" })
                Assert.Equal(JsonValueKind.Number, root.GetProperty("summary")[0].GetProperty(field).ValueKind);
            var kv = root.GetProperty("comparisons")[0];
            Assert.Equal("mutator cycles (cycles - pause_cycles)", kv.GetProperty("barrier_cost_basis").GetString());
            Assert.Equal(10.0, kv.GetProperty("barrier_cost_percent").GetDouble(), 9);
        }
        var back = JsonSerializer.Deserialize<GcReport>(json, BenchReport.Json)!;
        Assert.Equal(report.Schema, back.Schema);
        Assert.Equal(report.Settings.TscMhz, back.Settings.TscMhz);
        Assert.Equal(report.Runs.Count, back.Runs.Count);
        Assert.Equal(report.Runs[3].Counters!["pause_cycles"], back.Runs[3].Counters!["pause_cycles"]);
        Assert.Equal(report.Summary, back.Summary);
        Assert.Equal(report.Comparisons, back.Comparisons);
    }

    [Fact]
    public void Markdown_HasATablePerProgramAndTheRatios()
    {
        string md = GcWriter.Markdown(Report(), "gc-generations");
        Assert.Contains("Reproduce: `./testbed bench gc --rounds 3`", md);
        Assert.Contains("## kv: `bench/gc/generations.cs 1000000 4000000`", md);
        Assert.Contains("| generational | 2.200 (2.000 – 2.400) | 1.98 | ", md);
        Assert.Contains("| 10.0 % | 2.0 ms | 6.0 ms | 8.0 ms | 10 | 0 |", md);
        Assert.Contains("| kv | 1.91× | 10.0 % / 47.6 % | 4.8× | +10.0 % | mutator cycles (cycles - pause_cycles) |", md);
        Assert.Contains("- kv on generational, round 4: exit 139: segfault", md);
        Assert.Contains("The machine was busy besides", md);   // 2.5 > 2 cores
    }

    [Fact]
    public void Write_JsonMarkdownAndTwoPngs()
    {
        var dir = Directory.CreateTempSubdirectory("bench-gc-test").FullName;
        try
        {
            GcWriter.Write(Report(), dir, "gc-generations");
            Assert.Equal(["gc-generations-pauses.png", "gc-generations.json", "gc-generations.md", "gc-generations.png"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            foreach (string png in new[] { "gc-generations.png", "gc-generations-pauses.png" })
            {
                byte[] bytes = File.ReadAllBytes(Path.Combine(dir, png));
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
                Assert.True(bytes.Length > 10_000, $"{png} is {bytes.Length} bytes: a blank chart");   // an empty legend once left it white
            }
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
