using Testbed.Backend.Targets;
using Testbed.Cli.Driver;

namespace Testbed.Tests.Programs;

/// <summary>Compiles a program with Testbed for one target and runs the image, capturing its output.</summary>
public static class TestbedRunner
{
    public static (ProgramOutcome Outcome, RunResult Run) CompileAndRun(string input, Target target, QemuAccelerator accelerator = QemuAccelerator.Auto,
        string llvmPipeline = "default<O2>")
    {
        var layout = RepositoryLayout.Locate();
        var name = Path.GetFileNameWithoutExtension(Path.TrimEndingDirectorySeparator(input));
        var dir = Path.Combine(layout.Cache, "tests", target.Name);
        Directory.CreateDirectory(dir);
        var image = Path.Combine(dir, $"{name}.{Guid.NewGuid():N}.img");
        try
        {
            new BuildDriver(layout).Build(new BuildRequest(input, target, image, EmitKind.Image, llvmPipeline));
            using var stdout = new MemoryStream();
            var run = target.Run(image, stdout, new RunOptions { Timeout = TimeSpan.FromSeconds(120), Accelerator = accelerator });
            if (run.Outcome != RunOutcome.Exited)
                throw new Xunit.Sdk.XunitException($"{name} on {target.Name}: {run.Describe()}\n{run.CommandLine}\n{run.Diagnostics}\nstdout so far:\n{System.Text.Encoding.UTF8.GetString(stdout.ToArray())}");
            return (new ProgramOutcome(stdout.ToArray(), run.ExitCode!.Value, run.ProgramStderr), run);
        }
        finally
        {
            File.Delete(image);
        }
    }
}
