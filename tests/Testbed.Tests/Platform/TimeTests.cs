using Testbed.Backend.Targets;
using Testbed.Cli;
using Xunit;

namespace Testbed.Tests.Platform;

/// <summary>
/// The guest's clock: the TSC rate it measured at boot (kvmclock or the PIT), sleeping by halting the
/// CPU with the APIC timer armed, and what an idle guest costs the host; on Linux, CLOCK_MONOTONIC.
/// </summary>
public sealed class TimeTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Theory]
    [InlineData(QemuMachine.Microvm)]
    [InlineData(QemuMachine.Q35)]
    public void TheGuestMeasuresTheTscRateAndSleepsForAsLongAsTheHostSees(QemuMachine machine)
    {
        var outcome = GuestProgram.Run("sleep", GuestProgram.Defaults with { Machine = machine });
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        long guestKhz = long.Parse(outcome.Run.Control["tsc_khz"]);
        Assert.Contains($"tsc_khz {guestKhz}\n", outcome.Stdout);
        // On PVH the coarse clock is the TSC itself.
        Assert.Contains("coarse_resolution_ns 0\n", outcome.Stdout);
        Assert.Contains("coarse_ahead 0\n", outcome.Stdout);
        // Under TCG and KVM alike the guest's TSC ticks at the host's rate.
        if (HostTsc.KiloHertz() is { } hostKhz)
            Assert.InRange(guestKhz, hostKhz * 97 / 100, hostKhz * 103 / 100);
        // Never early; late by at most the wake-up latency of a halted, emulated CPU.
        var slept = System.Text.RegularExpressions.Regex.Match(outcome.Stdout, @"slept_ms (\d+)\n");
        Assert.True(slept.Success, outcome.Describe());
        Assert.InRange(long.Parse(slept.Groups[1].Value), 3000, 3100);
        // The guest slept 3 s by its clock; the host's clock must agree within the calibration's error
        // (the run also includes QEMU's start and the boot).
        Assert.InRange(outcome.Run.WallTime.TotalMilliseconds, 2900, 3000 + 5000);
    }

    /// <summary>Linux: ticks are CLOCK_MONOTONIC nanoseconds (read through the vDSO), sleeping blocks in ppoll.</summary>
    [Fact]
    public void OnLinuxTheClockCountsNanosecondsAndSleepsForAsLongAsTheHostSees()
    {
        var outcome = GuestProgram.Run("sleep", target: "linux");
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        Assert.StartsWith("tsc_khz 1000000\n", outcome.Stdout);
        var read = System.Text.RegularExpressions.Regex.Match(outcome.Stdout, @"ticks_read_ns (\d+)\.\d\n");
        Assert.True(read.Success, outcome.Describe());
        output.WriteLine($"Clock.Ticks on linux: {read.Groups[1].Value} ns a read");
        // The coarse clock is the kernel's tick-granular CLOCK_MONOTONIC_COARSE: never ahead of the precise one.
        var resolution = System.Text.RegularExpressions.Regex.Match(outcome.Stdout, @"coarse_resolution_ns (\d+)\n");
        Assert.True(resolution.Success, outcome.Describe());
        Assert.InRange(long.Parse(resolution.Groups[1].Value), 1, 100_000_000);
        Assert.Contains("coarse_ahead 0\n", outcome.Stdout);
        output.WriteLine(System.Text.RegularExpressions.Regex.Match(outcome.Stdout, @"coarse_read_ns [^\n]*").Value);
        output.WriteLine(System.Text.RegularExpressions.Regex.Match(outcome.Stdout, @"coarse_max_lag_ns [^\n]*").Value);
        var slept = System.Text.RegularExpressions.Regex.Match(outcome.Stdout, @"slept_ms (\d+)\n");
        Assert.True(slept.Success, outcome.Describe());
        Assert.InRange(long.Parse(slept.Groups[1].Value), 3000, 3100);
        Assert.InRange(outcome.Run.WallTime.TotalMilliseconds, 2900, 3000 + 5000);
    }

    [Fact]
    public async Task AnIdleGuestUsesUnderFivePercentOfAHostCore()
    {
        var image = GuestProgram.Image("sleep");
        var run = GuestProgram.RunAsync("sleep");
        var pid = GuestProgram.FindQemu(image, TimeSpan.FromSeconds(30));
        Assert.True(pid is not null, "QEMU did not start");
        // Past QEMU's start and the boot, well inside the guest's 3 s sleep.
        Thread.Sleep(700);
        long before = GuestProgram.CpuTicks(pid!.Value);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Thread.Sleep(2000);
        long after = GuestProgram.CpuTicks(pid.Value);
        double seconds = clock.Elapsed.TotalSeconds;
        var outcome = await run;
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        double percent = (after - before) / 100.0 / seconds * 100;
        output.WriteLine($"QEMU used {percent:0.0} % of a host core over {seconds:0.0} s of guest sleep");
        Assert.True(percent < 5, $"QEMU used {percent:0.0} % of a core while the guest slept");
    }
}
