using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Testbed.Cli.Driver;

namespace Testbed.Bench.Compile;

/// <summary>
/// Runs the compile-speed benchmarks and leaves JSON and a Markdown table in bench/results/compile/.
/// Usage: dotnet run -c Release --project bench/compile [-- --filter *Stage*]
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var results = Path.Combine(RepositoryLayout.Locate().Root, "bench", "results", "compile");
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun)
            .AddExporter(JsonExporter.Full, MarkdownExporter.GitHub)
            .WithArtifactsPath(results)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
