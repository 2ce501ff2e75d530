using Testbed.Backend.Targets;

namespace Testbed.Cli.Commands;

/// <summary>`testbed run --verbose`: how the program was run and what the guest reported.</summary>
internal static class RunReport
{
    public static void Write(RunResult result, TextWriter error)
    {
        error.WriteLine($"testbed: {result.CommandLine}");
        if (result.CommandLine.Contains("qemu", StringComparison.Ordinal)) error.WriteLine($"testbed: KVM {Kvm.Reason}");
        error.WriteLine($"testbed: {result.Describe()} after {result.WallTime.TotalMilliseconds:0} ms wall");
        foreach (var (key, value) in result.Control)
            error.WriteLine($"testbed: guest reports {key}={value}");
        if (result.Control.TryGetValue("boot_tsc_to_main", out var cycles) && long.TryParse(cycles, out var c) && HostTsc.KiloHertz() is { } khz)
            error.WriteLine($"testbed: boot to Main took {c / (double)khz:0.###} ms ({c} TSC cycles at {khz / 1000.0:0} MHz)");
    }
}
