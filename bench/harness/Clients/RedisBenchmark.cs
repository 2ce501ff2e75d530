using System.Globalization;

namespace Testbed.Bench.Clients;

/// <summary>
/// redis-benchmark (redis-tools 7.0) with <c>--csv</c>: one header line, then one quoted row per test with
/// rps, avg, min, p50, p95, p99 and max latency in milliseconds.
/// </summary>
public static class RedisBenchmark
{
    public const string Program = "redis-benchmark";

    /// <summary>The arguments for <paramref name="requests"/> GETs and SETs with <paramref name="pipeline"/> requests in flight per connection.</summary>
    public static IReadOnlyList<string> Arguments(string host, int port, int clients, long requests, int pipeline) =>
        ["-h", host, "-p", port.ToString(CultureInfo.InvariantCulture), "-c", clients.ToString(CultureInfo.InvariantCulture),
         "-n", requests.ToString(CultureInfo.InvariantCulture), "-P", pipeline.ToString(CultureInfo.InvariantCulture), "-t", "get,set", "--csv"];

    /// <summary>The rows of <c>--csv</c> output, named "GET P=16" etc; every test of the output, in its order.</summary>
    public static IReadOnlyList<ClientResult> Parse(string output, int pipeline, long requests)
    {
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int header = Array.FindIndex(lines, l => l.StartsWith("\"test\",", StringComparison.Ordinal));
        if (header < 0)
            throw new ClientOutputException($"redis-benchmark printed no CSV header (\"test\",\"rps\",...):\n{Tail(output)}");
        var columns = Fields(lines[header]);
        int Column(string name) => Array.IndexOf(columns, name) is var i and >= 0 ? i
            : throw new ClientOutputException($"redis-benchmark's CSV has no column {name}: {lines[header]}");
        int test = Column("test"), rps = Column("rps"), avg = Column("avg_latency_ms"), p50 = Column("p50_latency_ms"),
            p99 = Column("p99_latency_ms"), max = Column("max_latency_ms");
        var results = new List<ClientResult>();
        foreach (var line in lines.Skip(header + 1))
        {
            var f = Fields(line);
            if (f.Length != columns.Length)
                throw new ClientOutputException($"redis-benchmark's CSV row has {f.Length} fields, the header {columns.Length}: {line}");
            double Number(int i) => double.TryParse(f[i], NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v
                : throw new ClientOutputException($"redis-benchmark's {columns[i]} is not a number: {line}");
            results.Add(new ClientResult($"{f[test]} P={pipeline}", Number(rps), Number(p50), Number(p99), Number(avg), Number(max), requests, 0));
        }
        if (results.Count == 0)
            throw new ClientOutputException($"redis-benchmark printed a header but no test:\n{Tail(output)}");
        return results;
    }

    private static string[] Fields(string line) => line.Split(',').Select(f => f.Trim().Trim('"')).ToArray();

    internal static string Tail(string text) => text.Length <= 2000 ? text : "..." + text[^2000..];
}
