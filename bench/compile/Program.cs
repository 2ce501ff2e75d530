using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Exporters.Json;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
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
        // In process (no generated project per benchmark), one invocation per iteration: each stage takes
        // milliseconds to seconds, and the pass benchmarks need a fresh module for every invocation.
        var job = Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithStrategy(RunStrategy.Monitoring)
            .WithWarmupCount(2)
            .WithIterationCount(10)
            .WithInvocationCount(1)
            .WithUnrollFactor(1);
        var config = DefaultConfig.Instance
            .AddJob(job)
            .AddExporter(JsonExporter.Full)
            .WithArtifactsPath(results)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args.Length == 0 ? new[] { "--filter", "*" } : args, config);
        return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
    }
}
