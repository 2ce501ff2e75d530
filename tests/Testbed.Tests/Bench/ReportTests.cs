using Xunit;
using System.Text.Json;
using Testbed.Bench;
using Testbed.Bench.Clients;
using Testbed.Bench.Results;

namespace Testbed.Tests.Bench;

/// <summary>The results a run writes: medians and ratios, the JSON schema, the Markdown table and the charts.</summary>
public class ReportTests
{
    private static ConfigRecord Config(string name, string kind = "testbed") =>
        new(name, name + " label", kind, kind == "testbed" ? "linux" : null, null, null, "v1", 1000, "cmd " + name, kind == "native" ? ["save \"\""] : []);

    private static RoundRecord Round(string config, int round, double rps, string? error = null) =>
        new(round, round <= 0, config, 0, 12.5, 1 << 20, 2 << 20,
            config == "native" ? null : 4000 * round, config == "native" ? null : 1000,
            [new ClientResult("GET P=16", rps, rps / 1e5, rps / 1e4, null, null, 1000, 0), new ClientResult("SET P=16", rps / 2, 1, 2, 1, 3, 1000, 0)],
            ["ip netns exec NS redis-benchmark ..."], error);

    private static BenchReport Sample()
    {
        var configs = new[] { Config("native", "native"), Config(Configurations.SeparateName), Config("testbed-linux-whole") };
        var rounds = new List<RoundRecord>
        {
            Round("native", 0, 1e9),                     // warm-up: left out
            Round("native", 1, 100), Round("native", 2, 300), Round("native", 3, 200),
            Round(Configurations.SeparateName, 1, 150), Round(Configurations.SeparateName, 2, 50),
            Round("testbed-linux-whole", 1, 400), Round("testbed-linux-whole", 2, 600),
            Round("testbed-linux-whole", 3, 1, error: "the client counted 3 errors"),  // failed: left out
        };
        var machine = new Machine("AMD EPYC", 2, "6.1", "unusable: test", "abc", 0, 1);
        var settings = new BenchSettings(3, 1, 1000, 0, 30, [16], [], false);
        return new BenchReport(BenchReport.CurrentSchema, "kv", "./testbed bench kv", new DateTime(2026, 12, 6, 0, 0, 0, DateTimeKind.Utc),
            machine, settings, configs, rounds, Summaries.Compute(configs, rounds));
    }

    [Fact]
    public void Summary_MediansOverMeasuredRounds_WithRatiosToNativeAndSeparate()
    {
        var report = Sample();
        var native = report.Summary.Single(r => r.Config == "native" && r.Test == "GET P=16");
        Assert.Equal((3, 200.0, 100.0, 300.0), (native.Rounds, native.RpsMedian, native.RpsMin, native.RpsMax));
        Assert.Null(native.VersusNative);
        var separate = report.Summary.Single(r => r.Config == Configurations.SeparateName && r.Test == "GET P=16");
        Assert.Equal(100.0, separate.RpsMedian);   // the median of an even count is the mean of the middle two
        Assert.Equal(0.5, separate.VersusNative);
        Assert.Null(separate.VersusSeparate);
        var whole = report.Summary.Single(r => r.Config == "testbed-linux-whole" && r.Test == "SET P=16");
        Assert.Equal((2, 250.0), (whole.Rounds, whole.RpsMedian));
        Assert.Equal(2.5, whole.VersusNative);
        Assert.Equal(5.0, whole.VersusSeparate);
        Assert.Equal(0.005, report.Summary.Single(r => r.Config == "testbed-linux-whole" && r.Test == "GET P=16").P50Median, 9);
    }

    [Fact]
    public void Json_HasTheDocumentedSchema()
    {
        using var doc = JsonDocument.Parse(JsonSerializer.Serialize(Sample(), BenchReport.Json));
        var root = doc.RootElement;
        Assert.Equal("testbed-bench/1", root.GetProperty("schema").GetString());
        foreach (var field in new[] { "bench", "command", "started_utc" })
            Assert.Equal(JsonValueKind.String, root.GetProperty(field).ValueKind);
        foreach (var field in new[] { "cpu", "kernel", "kvm", "commit" })
            Assert.Equal(JsonValueKind.String, root.GetProperty("machine").GetProperty(field).ValueKind);
        Assert.Equal(2, root.GetProperty("machine").GetProperty("cores").GetInt32());
        var config = root.GetProperty("configurations")[0];
        foreach (var field in new[] { "name", "label", "kind", "version", "server_command" })
            Assert.Equal(JsonValueKind.String, config.GetProperty(field).ValueKind);
        Assert.Equal(JsonValueKind.Array, config.GetProperty("differs_from_defaults").ValueKind);
        var round = root.GetProperty("rounds")[1];
        Assert.Equal(1, round.GetProperty("round").GetInt32());
        Assert.False(round.GetProperty("warmup").GetBoolean());
        Assert.Equal(12.5, round.GetProperty("startup_ms").GetDouble());
        Assert.Equal(2 << 20, round.GetProperty("peak_rss_bytes").GetInt64());
        Assert.Equal(JsonValueKind.Null, round.GetProperty("bytes_copied_per_request").ValueKind);   // native: not reported
        var testbedRound = root.GetProperty("rounds")[5];
        Assert.Equal((8000, 1000, 8.0), (testbedRound.GetProperty("bytes_copied").GetInt64(), testbedRound.GetProperty("requests_served").GetInt64(),
            testbedRound.GetProperty("bytes_copied_per_request").GetDouble()));
        var test = round.GetProperty("tests")[0];
        foreach (var field in new[] { "rps", "p50_ms", "p99_ms" })
            Assert.Equal(JsonValueKind.Number, test.GetProperty(field).ValueKind);
        Assert.Equal(JsonValueKind.Null, test.GetProperty("avg_ms").ValueKind);
        var summary = root.GetProperty("summary");
        Assert.Equal(6, summary.GetArrayLength());
        foreach (var field in new[] { "rps_median", "rps_min", "rps_max", "p50_ms_median", "p99_ms_median" })
            Assert.Equal(JsonValueKind.Number, summary[0].GetProperty(field).ValueKind);
        Assert.Equal(JsonValueKind.Null, summary[0].GetProperty("vs_native").ValueKind);
    }

    [Fact]
    public void Write_JsonMarkdownAndPngCharts()
    {
        var dir = Directory.CreateTempSubdirectory("bench-report-test").FullName;
        try
        {
            ReportWriter.Write(Sample(), dir);
            Assert.Equal(["kv-latency.png", "kv-throughput.png", "kv.json", "kv.md"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            foreach (var png in new[] { "kv-latency.png", "kv-throughput.png" })
                Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(dir, png))[..4]);
            string md = File.ReadAllText(Path.Combine(dir, "kv.md"));
            Assert.Contains("| native label | 200 (100 – 300) |", md);
            Assert.Contains("## Ratio to `separate`", md);
            Assert.Contains("| testbed-linux-whole label | 5.00× | 5.00× |", md);
            // Bytes copied per request: the median over the measured rounds (4,000 and 8,000 bytes over 1,000 requests).
            Assert.Contains("| 6.0 | `cmd testbed-linux-whole` |", md);
            Assert.Contains("testbed-linux-whole, round 3: the client counted 3 errors", md);
            Assert.Contains("`save \"\"`", md);
            Assert.Contains("Reproduce: `./testbed bench kv`", md);
            Assert.Equal(BenchReport.CurrentSchema, JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "kv.json"))).RootElement.GetProperty("schema").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void PaperComparison_SetsOurRatiosToNativeBesideThePublishedOnes()
    {
        var dir = Directory.CreateTempSubdirectory("bench-paper-test").FullName;
        try
        {
            // Our kv run: native 200 GET/s at P=16, Testbed 500 (2.5×), from the sample's shape.
            var configs = new[] { Config("native", "native"), Config("testbed-linux") };
            var rounds = new List<RoundRecord> { Round("native", 1, 200), Round("testbed-linux", 1, 500) };
            var sample = Sample() with { Configurations = configs, Rounds = rounds, Summary = Summaries.Compute(configs, rounds) };
            File.WriteAllText(Path.Combine(dir, "kv.json"), JsonSerializer.Serialize(sample, BenchReport.Json));
            string root = Testbed.Cli.Driver.RepositoryLayout.Locate().Root;
            Assert.Equal(0, Testbed.Bench.Papers.PaperComparison.Write(root, "unikraft-eurosys21", dir, TextWriter.Null, outputDirectory: dir));
            string md = File.ReadAllText(Path.Combine(dir, "comparison.md"));
            // Unikraft's 1.10× and Linux KVM's 0.63× (published.json), ours 2.50×, for GET at P=16.
            Assert.Contains("| Redis GET, P=16, 30 clients | 1.10× | 0.63× | 2.50× |", md);
            Assert.Contains("| Redis GET, P=16, 30 clients | 2,439,024 | 200 |", md);
            Assert.Equal([0x89, (byte)'P'], File.ReadAllBytes(Path.Combine(dir, "comparison.png"))[..2]);
            Assert.Equal(2, Testbed.Bench.Papers.PaperComparison.Write(root, "no-such-paper", dir, TextWriter.Null, outputDirectory: dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void CheckedInServerConfigurations_NameWhatDiffersFromTheDefaults()
    {
        string configs = Path.Combine(Testbed.Cli.Driver.RepositoryLayout.Locate().Root, "bench", "harness", "configs");
        Assert.Equal(["daemon off;", "worker_processes 1;", "access_log off;"], BenchRun.DiffersFromDefaults(Path.Combine(configs, "nginx.conf")));
        var redis = BenchRun.DiffersFromDefaults(Path.Combine(configs, "redis.conf"));
        Assert.Contains("save \"\"", redis);
        Assert.Contains("appendonly no", redis);
    }

    [Fact]
    public void AddedConfiguration_IsTheLinuxTargetWithAPipeline()
    {
        var c = Configurations.Added("kv", "o3=function(mem2reg),llvm(default<O3>)");
        Assert.Equal(("testbed-linux-o3", ServerKind.Testbed, "linux", "function(mem2reg),llvm(default<O3>)"), (c.Name, c.Kind, c.Target, c.Passes));
        Assert.Contains("NAME=PIPELINE", Assert.Throws<ArgumentException>(() => Configurations.Added("kv", "o3")).Message);
        Assert.Throws<ArgumentException>(() => Configurations.Added("kv", "=x"));
    }

    [Fact]
    public void AddedPipeline_IsOptsGrammarOrADefaultLevel()
    {
        Assert.Equal(3, Testbed.Bench.Servers.AppBuilds.Pipeline("-O3").OptLevel);
        Assert.Null(Testbed.Bench.Servers.AppBuilds.Pipeline("-O3").Passes);
        Assert.Equal("function(dce)", Testbed.Bench.Servers.AppBuilds.Pipeline("function(dce)").Passes);
        // A pipeline that does not parse is the compiler's diagnostic, which the harness prints (exit 2).
        Assert.Throws<Testbed.IR.DiagnosticException>(() => Testbed.Passes.PassSession.Create(Testbed.Bench.Servers.AppBuilds.Pipeline("function(nosuchpass)")));
    }
}
