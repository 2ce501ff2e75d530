using System.Text.Json;
using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Cli.Metrics;

/// <summary>What one compilation measured, in the shape of the --metrics JSON (docs/passes.md has the schema).</summary>
public sealed record MetricsReport
{
    public const string Schema = "testbed-metrics/1";

    public required string Input { get; init; }
    /// <summary>pvh or linux; null for `testbed opt`.</summary>
    public string? Target { get; init; }
    public required PassSession Session { get; init; }
    public PassRun? Passes { get; init; }
    public IrMeasurement? IrBeforePasses { get; init; }
    public required IrMeasurement Ir { get; init; }
    public long? ObjectTextBytes { get; init; }
    public long? ImageTextBytes { get; init; }
    public TextByLayer? ImageTextByLayer { get; init; }
    public IReadOnlyList<(string Stage, TimeSpan Time)> Stages { get; init; } = Array.Empty<(string, TimeSpan)>();

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase, WriteIndented = true };

    public string ToJson() => JsonSerializer.Serialize(new
    {
        schema = Schema,
        input = Input,
        target = Target,
        pipeline = Session.Pipeline.ToString(),
        llvmPipeline = Session.Pipeline.Llvm,
        ir = Ir,
        irBeforePasses = IrBeforePasses,
        text = new
        {
            objectBytes = ObjectTextBytes, imageBytes = ImageTextBytes,
            imageByLayer = ImageTextByLayer?.ByLayer.ToDictionary(l => l.Key, l => new { functions = l.Value.Functions, bytes = l.Value.Bytes }),
            imageUnattributedBytes = ImageTextByLayer?.UnattributedBytes,
        },
        stages = Stages.Select(s => new { stage = s.Stage, milliseconds = Math.Round(s.Time.TotalMilliseconds, 3) }),
        passes = (Passes?.Timings ?? Array.Empty<PassTiming>())
            .Select(t => new { pass = t.Pass, runs = t.Runs, milliseconds = Math.Round(t.Time.TotalMilliseconds, 3) }),
        statistics = (Passes?.Context.Statistics ?? new Dictionary<(string, string), long>())
            .OrderBy(s => s.Key.Pass, StringComparer.Ordinal).ThenBy(s => s.Key.Counter, StringComparer.Ordinal)
            .Select(s => new { pass = s.Key.Pass, counter = s.Key.Counter, value = s.Value }),
    }, Json);

    /// <exception cref="DiagnosticException">TB0004 when the file cannot be written.</exception>
    public void WriteTo(string path)
    {
        try
        {
            File.WriteAllText(path, ToJson() + "\n");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DiagnosticException(new Diagnostic("TB0004", path, $"--metrics: cannot write: {e.Message}"));
        }
    }
}
