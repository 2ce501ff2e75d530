using Xunit;
using Testbed.Bench.Clients;

namespace Testbed.Tests.Bench;

/// <summary>The harness reads redis-benchmark's and wrk's real outputs (Fixtures/, captured on this machine) and refuses what it cannot read, naming it.</summary>
public class ClientOutputTests
{
    private static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Bench", "Fixtures", name));

    [Fact]
    public void RedisBenchmarkCsv_EveryTestWithItsPipelineDepth()
    {
        var rows = RedisBenchmark.Parse(Fixture("redis-benchmark-p16.csv.txt"), 16, 20000);
        Assert.Equal(["SET P=16", "GET P=16"], rows.Select(r => r.Test));
        var get = rows[1];
        Assert.Equal(625000.00, get.RequestsPerSecond);
        Assert.Equal(0.647, get.P50Milliseconds);
        Assert.Equal(1.135, get.P99Milliseconds);
        Assert.Equal(0.669, get.AverageMilliseconds);
        Assert.Equal(1.367, get.MaxMilliseconds);
        Assert.Equal(20000, get.Requests);
        Assert.Equal(0, get.Errors);

        var p1 = RedisBenchmark.Parse(Fixture("redis-benchmark-p1.csv.txt"), 1, 5000);
        Assert.Equal(["SET P=1", "GET P=1"], p1.Select(r => r.Test));
        Assert.Equal(56179.77, p1[0].RequestsPerSecond);
        Assert.Equal(0.839, p1[0].P99Milliseconds);
    }

    [Fact]
    public void RedisBenchmark_WarningsBeforeTheCsvAreSkipped()
    {
        // Against kv, redis-benchmark warns on stderr that CONFIG GET failed; the harness reads stdout and stderr together.
        var rows = RedisBenchmark.Parse("WARNING: Could not fetch server CONFIG\n" + Fixture("redis-benchmark-p1.csv.txt"), 1, 5000);
        Assert.Equal(2, rows.Count);
    }

    [Theory]
    [InlineData("redis-benchmark-refused.txt", "no CSV header")]
    [InlineData("", "no CSV header")]
    public void RedisBenchmark_OutputWithoutResults_IsNamed(string fixture, string expected)
    {
        string text = fixture.Length > 0 ? Fixture(fixture) : "";
        var e = Assert.Throws<ClientOutputException>(() => RedisBenchmark.Parse(text, 1, 10));
        Assert.Contains(expected, e.Message);
        if (text.Length > 0) Assert.Contains("Connection refused", e.Message);
    }

    [Fact]
    public void RedisBenchmark_MalformedRows_AreRefused()
    {
        const string header = "\"test\",\"rps\",\"avg_latency_ms\",\"min_latency_ms\",\"p50_latency_ms\",\"p95_latency_ms\",\"p99_latency_ms\",\"max_latency_ms\"\n";
        Assert.Contains("no test", Assert.Throws<ClientOutputException>(() => RedisBenchmark.Parse(header, 1, 10)).Message);
        Assert.Contains("3 fields", Assert.Throws<ClientOutputException>(() => RedisBenchmark.Parse(header + "\"GET\",\"1\",\"2\"\n", 1, 10)).Message);
        Assert.Contains("rps is not a number", Assert.Throws<ClientOutputException>(() =>
            RedisBenchmark.Parse(header + "\"GET\",\"fast\",\"1\",\"1\",\"1\",\"1\",\"1\",\"1\"\n", 1, 10)).Message);
        Assert.Contains("no column p99_latency_ms", Assert.Throws<ClientOutputException>(() =>
            RedisBenchmark.Parse("\"test\",\"rps\",\"avg_latency_ms\",\"p50_latency_ms\",\"max_latency_ms\"\n\"GET\",\"1\",\"1\",\"1\",\"1\"\n", 1, 10)).Message);
    }

    [Fact]
    public void RedisBenchmark_Arguments_AreTheIssuesClientFlags()
    {
        Assert.Equal(["-h", "10.0.2.15", "-p", "6379", "-c", "30", "-n", "100000", "-P", "16", "-t", "get,set", "--csv"],
            RedisBenchmark.Arguments("10.0.2.15", 6379, 30, 100_000, 16));
    }

    [Fact]
    public void Wrk_RateLatencyPercentilesAndCount_InMilliseconds()
    {
        var r = Wrk.Parse(Fixture("wrk-612.txt"), "612 B page");
        Assert.Equal("612 B page", r.Test);
        Assert.Equal(34086.76, r.RequestsPerSecond);
        Assert.Equal(0.836, r.P50Milliseconds, 9);      // "836.00us"
        Assert.Equal(2.37, r.P99Milliseconds, 9);       // "2.37ms"
        Assert.Equal(0.87, r.AverageMilliseconds!.Value, 9);
        Assert.Equal(4.25, r.MaxMilliseconds!.Value, 9);
        Assert.Equal(37503, r.Requests);
        Assert.Equal(0, r.Errors);
        Assert.True(Wrk.Parse(Fixture("wrk-64k.txt"), "64 KiB file").RequestsPerSecond > 0);
    }

    [Fact]
    public void Wrk_Non2xxResponses_AreErrors()
    {
        var r = Wrk.Parse(Fixture("wrk-404.txt"), "missing");
        Assert.Equal(45023, r.Errors);
    }

    [Fact]
    public void Wrk_SocketErrorsAndSecondUnits_AreRead()
    {
        string text = Fixture("wrk-612.txt")
            .Replace("     99%    2.37ms", "     99%    1.50s")
            .Replace("Requests/sec:", "  Socket errors: connect 1, read 2, write 3, timeout 4\nRequests/sec:");
        var r = Wrk.Parse(text, "t");
        Assert.Equal(1500, r.P99Milliseconds, 9);
        Assert.Equal(10, r.Errors);
    }

    [Fact]
    public void Wrk_OutputWithoutResults_IsNamed()
    {
        var e = Assert.Throws<ClientOutputException>(() => Wrk.Parse(Fixture("wrk-refused.txt"), "t"));
        Assert.Contains("Requests/sec", e.Message);
        Assert.Contains("Connection refused", e.Message);
        var noLatency = Fixture("wrk-612.txt").Replace("     50%  836.00us\n", "");
        Assert.Contains("50% latency", Assert.Throws<ClientOutputException>(() => Wrk.Parse(noLatency, "t")).Message);
    }

    [Fact]
    public void Wrk_Arguments_OneThreadThirtyConnectionsTenSecondTimeout()
    {
        Assert.Equal(["-t", "1", "-c", "30", "-d", "2.5s", "--timeout", "10s", "--latency", "http://10.0.2.15:8080/index.html"],
            Wrk.Arguments("http://10.0.2.15:8080/index.html", 30, 2.5));
    }
}
