using Testbed.Backend.Targets;
using Testbed.Bench.Runtime;
using Testbed.Bench.Servers;
using Testbed.Cli.Driver;

namespace Testbed.Bench.Gc;

/// <summary>
/// Builds a program of `bench gc` twice for the linux target at -O2: normally and with
/// --ablate-write-barriers, under .testbed/bench/gc/NAME/{barriers,no-barriers}. A build is reused while it
/// is newer than the program and every source of the compiler and the library OS (as RuntimeBuilds does).
/// </summary>
public sealed class GcBuilds(RepositoryLayout layout, GcProgram program, Action<string> progress)
{
    private string Source => Path.Combine(layout.Root, program.Source);

    /// <summary>The image and the command that builds it: the ablated one when <paramref name="ablated"/>.</summary>
    public (string Image, string Command) Build(bool ablated)
    {
        string image = Path.Combine(layout.Cache, "bench", "gc", program.Name, ablated ? "no-barriers" : "barriers", program.Name);
        string command = $"./testbed build {program.Source} --target linux -O2{(ablated ? " --ablate-write-barriers" : "")} -o {RuntimeBuilds.Relative(layout.Root, image)}";
        if (File.Exists(image) && File.GetLastWriteTimeUtc(image) is var built
            && built > File.GetLastWriteTimeUtc(Source) && built > AppBuilds.NewestSource(layout.Root))
            return (image, command);
        progress(command);
        Directory.CreateDirectory(Path.GetDirectoryName(image)!);
        new BuildDriver(layout).Build(new BuildRequest(Source, Target.FromName("linux")!, image) { WriteBarriers = !ablated });
        return (image, command);
    }
}
