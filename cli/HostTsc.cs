using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Testbed.Cli;

/// <summary>
/// The host's TSC frequency, to turn the guest's TSC deltas into time: under KVM the guest's TSC
/// ticks at the host's rate. Taken from the kernel's own calibration (its log), falling back to
/// /proc/cpuinfo, whose "cpu MHz" is the TSC rate on a constant_tsc machine.
/// </summary>
public static partial class HostTsc
{
    private static readonly Lazy<long?> Cached = new(Measure);

    public static long? KiloHertz() => Cached.Value;

    private static long? Measure()
    {
        try
        {
            var psi = new ProcessStartInfo("dmesg") { RedirectStandardOutput = true, RedirectStandardError = true };
            using var p = Process.Start(psi);
            if (p is not null)
            {
                var log = p.StandardOutput.ReadToEnd();
                p.WaitForExit();
                var matches = KernelCalibration().Matches(log);
                if (matches.Count > 0)
                    return (long)(double.Parse(matches[^1].Groups[1].Value, CultureInfo.InvariantCulture) * 1000);
            }
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No dmesg: fall through to cpuinfo.
        }
        if (!File.Exists("/proc/cpuinfo")) return null;
        var cpuinfo = File.ReadAllText("/proc/cpuinfo");
        if (!cpuinfo.Contains("constant_tsc")) return null;
        var mhz = CpuInfoMegaHertz().Match(cpuinfo);
        return mhz.Success ? (long)(double.Parse(mhz.Groups[1].Value, CultureInfo.InvariantCulture) * 1000) : null;
    }

    [GeneratedRegex(@"tsc: (?:Refined TSC clocksource calibration|Detected): ([0-9.]+) MHz")]
    private static partial Regex KernelCalibration();

    [GeneratedRegex(@"cpu MHz\s*:\s*([0-9.]+)")]
    private static partial Regex CpuInfoMegaHertz();
}
