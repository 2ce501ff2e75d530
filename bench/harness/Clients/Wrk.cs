using System.Globalization;
using System.Text.RegularExpressions;

namespace Testbed.Bench.Clients;

/// <summary>
/// wrk 4.1 with <c>--latency</c>: "Requests/sec:", the latency distribution (50% … 99%, with units us, ms
/// or s), the request count, and the error lines ("Socket errors: …", "Non-2xx or 3xx responses: N").
/// </summary>
public static partial class Wrk
{
    public const string Program = "wrk";

    /// <summary>
    /// One thread (the client has one core), and a 10 s timeout instead of wrk's 2 s: wrk leaves a timed-out
    /// request out of its latency distribution, so under TCG the PVH rows' slowest answers would vanish from
    /// p99 and show up only as "errors"; 10 s keeps them measured, and a request slower than that is a failure.
    /// </summary>
    public static IReadOnlyList<string> Arguments(string url, int connections, double seconds) =>
        ["-t", "1", "-c", connections.ToString(CultureInfo.InvariantCulture),
         "-d", seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s", "--timeout", "10s", "--latency", url];

    public static ClientResult Parse(string output, string test)
    {
        var rps = RequestsPerSecond().Match(output);
        if (!rps.Success)
            throw new ClientOutputException($"wrk printed no 'Requests/sec:' line:\n{RedisBenchmark.Tail(output)}");
        double Percentile(string p)
        {
            var m = Regex.Match(output, @"^\s*" + p + @"%\s+([0-9.]+)(us|ms|s)\s*$", RegexOptions.Multiline);
            if (!m.Success)
                throw new ClientOutputException($"wrk printed no {p}% latency (run it with --latency):\n{RedisBenchmark.Tail(output)}");
            return Milliseconds(m.Groups[1].Value, m.Groups[2].Value);
        }
        var latency = LatencyLine().Match(output);
        var count = RequestCount().Match(output);
        long errors = 0;
        var socket = SocketErrors().Match(output);
        if (socket.Success)
            for (int g = 1; g <= 4; g++) errors += long.Parse(socket.Groups[g].Value, CultureInfo.InvariantCulture);
        var non2xx = Non2xx().Match(output);
        if (non2xx.Success) errors += long.Parse(non2xx.Groups[1].Value, CultureInfo.InvariantCulture);
        return new ClientResult(
            test,
            double.Parse(rps.Groups[1].Value, CultureInfo.InvariantCulture),
            Percentile("50"),
            Percentile("99"),
            latency.Success ? Milliseconds(latency.Groups[1].Value, latency.Groups[2].Value) : null,
            latency.Success ? Milliseconds(latency.Groups[5].Value, latency.Groups[6].Value) : null,
            count.Success ? long.Parse(count.Groups[1].Value, CultureInfo.InvariantCulture) : null,
            errors);
    }

    private static double Milliseconds(string number, string unit)
    {
        double value = double.Parse(number, CultureInfo.InvariantCulture);
        return unit switch { "us" => value / 1000, "ms" => value, "s" => value * 1000, _ => throw new ClientOutputException("wrk: unknown unit " + unit) };
    }

    [GeneratedRegex(@"^Requests/sec:\s+([0-9.]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RequestsPerSecond();

    // "    Latency   201.53us  101.09us   3.28ms   91.84%": average, stdev, max, +/- stdev.
    [GeneratedRegex(@"^\s*Latency\s+([0-9.]+)(us|ms|s)\s+([0-9.]+)(us|ms|s)\s+([0-9.]+)(us|ms|s)", RegexOptions.Multiline)]
    private static partial Regex LatencyLine();

    [GeneratedRegex(@"^\s*(\d+) requests in ", RegexOptions.Multiline)]
    private static partial Regex RequestCount();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrors();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex Non2xx();
}
