using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Passes;

namespace Testbed.Tests.Programs;

/// <summary>Compiles a program with Testbed for one target and runs the image, capturing its output.</summary>
public static class TestbedRunner
{
    /// <param name="pipeline">The pass pipeline; null is what `testbed build` uses without options (-O2).</param>
    /// <param name="profileHz">Run under the sampling profiler at this rate (the pipeline must start it: start-profiler); null: not profiled.</param>
    public static (ProgramOutcome Outcome, RunResult Run) CompileAndRun(string input, Target target, QemuAccelerator accelerator = QemuAccelerator.Auto,
        PipelineOptions? pipeline = null, int? profileHz = null)
    {
        var layout = RepositoryLayout.Locate();
        var name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(input));
        var dir = Path.Combine(layout.Cache, "tests", target.Name);
        Directory.CreateDirectory(dir);
        var image = Path.Combine(dir, $"{name}.{Guid.NewGuid():N}.img");
        try
        {
            var session = PassSession.Create(pipeline ?? new PipelineOptions());
            new BuildDriver(layout).Build(new BuildRequest(input, target, image) { Passes = session });
            using var stdout = new MemoryStream();
            var run = target.Run(image, stdout, new RunOptions
            {
                Timeout = TimeSpan.FromSeconds(120), Accelerator = accelerator,
                Profile = profileHz is { } hz ? new ProfileRequest(hz, image + ".prof") : null,
            });
            if (run.Outcome != RunOutcome.Exited)
                throw new Xunit.Sdk.XunitException($"{name} on {target.Name}: {run.Describe()}\n{run.CommandLine}\n{run.Diagnostics}\nstdout so far:\n{System.Text.Encoding.UTF8.GetString(stdout.ToArray())}");
            return (new ProgramOutcome(stdout.ToArray(), run.ExitCode!.Value, run.ProgramStderr), run);
        }
        finally
        {
            File.Delete(image);
            File.Delete(image + ".prof");
        }
    }
}
