using System.Text.Json.Serialization;

namespace Testbed.Bench.Clients;

/// <summary>
/// One client measurement as the client reported it: requests per second and latency in milliseconds.
/// <see cref="Test"/> names the workload the way tables show it ("GET P=16", "612 B page").
/// </summary>
public sealed record ClientResult(
    [property: JsonPropertyName("test")] string Test,
    [property: JsonPropertyName("rps")] double RequestsPerSecond,
    [property: JsonPropertyName("p50_ms")] double P50Milliseconds,
    [property: JsonPropertyName("p99_ms")] double P99Milliseconds,
    [property: JsonPropertyName("avg_ms")] double? AverageMilliseconds,
    [property: JsonPropertyName("max_ms")] double? MaxMilliseconds,
    [property: JsonPropertyName("requests")] long? Requests,
    [property: JsonPropertyName("errors")] long Errors);

/// <summary>A client's output that does not have what the harness reads; the message quotes it.</summary>
public sealed class ClientOutputException(string message) : Exception(message);
