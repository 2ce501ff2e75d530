using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Testbed.Bench.Runtime;
using Testbed.Cli.Driver;

namespace Testbed.Bench.Compile;

/// <summary>One app `testbed bench compile` builds: a folder under bench/apps.</summary>
public sealed record CompileApp(string Name, string Folder);

public sealed record CompileOptions
{
    public static readonly IReadOnlyList<CompileApp> Apps =
        [new("hello", "bench/apps/hello"), new("kv", "bench/apps/kv"), new("http", "bench/apps/http")];

    public int Rounds { get; init; } = 5;
    public bool Quick { get; init; }
    public required string OutputDirectory { get; init; }
    public string Command { get; init; } = "./testbed bench compile";
    public string ResultName => Quick ? "compile-time-quick" : "compile-time";

    public static (CompileOptions? Options, string? Error) Parse(IReadOnlyList<string> args, string defaultOutput)
    {
        var (common, error) = RoundArguments.Parse(args, defaultOutput, "compile takes --rounds R, --quick, --out DIR");
        if (common == null) return (null, error);
        return (new CompileOptions { Rounds = common.Rounds, Quick = common.Quick, OutputDirectory = common.OutputDirectory }, null);
    }
}

/// <summary>One build: the wall time of the whole `testbed build` process and the stages it reported (--metrics).</summary>
public sealed record CompileBuild(
    [property: JsonPropertyName("app")] string App,
    [property: JsonPropertyName("round")] int Round,
    [property: JsonPropertyName("wall_seconds")] double WallSeconds,
    [property: JsonPropertyName("stages_ms")] Dictionary<string, double> StagesMilliseconds,
    [property: JsonPropertyName("image_bytes")] long ImageBytes,
    [property: JsonPropertyName("ir_functions")] int IrFunctions,
    [property: JsonPropertyName("ir_instructions")] int IrInstructions,
    [property: JsonPropertyName("error")] string? Error);

public sealed record CompileReport(
    [property: JsonPropertyName("command")] string Command,
    [property: JsonPropertyName("started_utc")] DateTime StartedUtc,
    [property: JsonPropertyName("machine")] Machine Machine,
    [property: JsonPropertyName("rounds")] int Rounds,
    [property: JsonPropertyName("load_average")] IReadOnlyList<double> LoadAverage,
    [property: JsonPropertyName("builds")] IReadOnlyList<CompileBuild> Builds);

/// <summary>
/// `testbed bench compile`: how long `testbed build --target linux` takes for each app, as a user runs
/// it (a new process each time: start-up and JIT of the compiler included), with the time of each stage.
/// Every app is built once first, unrecorded, so that its `dotnet build` and the library OS's are up to
/// date and what is measured is the compiler; the apps' order rotates each round.
/// </summary>
public sealed class CompileRun(CompileOptions options, IBenchProgress progress)
{
    private readonly RepositoryLayout layout = RepositoryLayout.Locate();

    public CompileReport Run()
    {
        var started = DateTime.UtcNow;
        var machine = Machine.Describe(layout.Root);
        double? loadAtStart = RuntimeRun.LoadAverage();
        var apps = CompileOptions.Apps;
        var builds = new List<CompileBuild>();
        int total = apps.Count * (1 + options.Rounds), done = 0;
        var scratch = Directory.CreateTempSubdirectory("testbed-bench-compile-");
        try
        {
            foreach (var app in apps)
            {
                progress.Status(done++, total, $"warming up {app.Name}");
                Build(app, -1, scratch.FullName);
            }
            for (int round = 0; round < options.Rounds; round++)
                for (int k = 0; k < apps.Count; k++)
                {
                    var app = apps[(k + round) % apps.Count];
                    progress.Status(done++, total, $"round {round + 1}: {app.Name}");
                    builds.Add(Build(app, round, scratch.FullName));
                }
        }
        finally
        {
            scratch.Delete(recursive: true);
        }
        progress.Status(total, total, "done");
        var report = new CompileReport(options.Command, started, machine, options.Rounds,
            new[] { loadAtStart, RuntimeRun.LoadAverage() }.OfType<double>().ToList(), builds);
        CompileWriter.Write(report, options.OutputDirectory, options.ResultName);
        return report;
    }

    private CompileBuild Build(CompileApp app, int round, string scratch)
    {
        string image = Path.Combine(scratch, $"{app.Name}.linux.exe");
        string metrics = Path.Combine(scratch, $"{app.Name}.metrics.json");
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = layout.Root };
        foreach (var a in new[] { Path.Combine(layout.Root, ".testbed", "compiler", "testbed.dll"), "build", app.Folder, "--target", "linux", "-o", image, "--metrics", metrics })
            psi.ArgumentList.Add(a);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double wall = clock.Elapsed.TotalSeconds;
        if (process.ExitCode != 0)
            return new CompileBuild(app.Name, round, wall, new(), 0, 0, 0, $"exit {process.ExitCode}: {stderr.Result.Split('\n').FirstOrDefault()}");
        using var json = JsonDocument.Parse(File.ReadAllText(metrics));
        var root = json.RootElement;
        var stages = new Dictionary<string, double>();
        foreach (var stage in root.GetProperty("stages").EnumerateArray())
            stages[stage.GetProperty("stage").GetString()!] = stage.GetProperty("milliseconds").GetDouble();
        var ir = root.GetProperty("ir");
        return new CompileBuild(app.Name, round, wall, stages, new FileInfo(image).Length,
            ir.GetProperty("functions").GetInt32(), ir.GetProperty("instructions").GetInt32(), null);
    }
}
