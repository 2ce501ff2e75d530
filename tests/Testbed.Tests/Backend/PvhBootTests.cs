using Testbed.Backend.Targets;
using Xunit;
using Xunit.Abstractions;

namespace Testbed.Tests.Backend;

[Collection(BackendImagesCollection.Name)]
public sealed class PvhBootTests(BuiltImages images, ITestOutputHelper log)
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    [Fact]
    public void BootsWithKvmWhenUsableElseTcg()
    {
        // Never skipped: without a usable /dev/kvm this runs under TCG and still has to pass.
        QemuAccelerator used = QemuRunner.Resolve(QemuAccelerator.Auto);
        log.WriteLine($"/dev/kvm usable: {Kvm.IsUsable}; accelerator: {used}");
        AssertHello(new RunOptions { Accelerator = QemuAccelerator.Auto, Timeout = Limit });
    }

    [Fact]
    public void BootsUnderTcg() =>
        AssertHello(new RunOptions { Accelerator = QemuAccelerator.Tcg, Timeout = Limit });

    [Theory]
    [InlineData(QemuMachine.Q35)]
    [InlineData(QemuMachine.Pc)]
    public void BootsOnFirmwareMachinesUnderTcg(QemuMachine machine) =>
        AssertHello(new RunOptions { Machine = machine, Accelerator = QemuAccelerator.Tcg, Timeout = Limit });

    [Fact]
    public void ReportsTripleFaultAsGuestReset()
    {
        RunResult result = Run(images.PvhTripleFault, new RunOptions { Timeout = Limit }, out string stdout);
        Assert.Equal(RunOutcome.GuestReset, result.Outcome);
        Assert.Null(result.ExitCode);
        Assert.Equal("", stdout);
    }

    [Fact]
    public void KillsAHungGuestAtTheTimeout()
    {
        RunResult result = Run(images.PvhHang, new RunOptions { Timeout = TimeSpan.FromSeconds(1.5) }, out _);
        Assert.Equal(RunOutcome.TimedOut, result.Outcome);
        Assert.True(result.TimedOut);
        Assert.Null(result.ExitCode);
        Assert.InRange(result.WallTime.TotalSeconds, 1.4, 30);
    }

    private void AssertHello(RunOptions options)
    {
        RunResult result = Run(images.PvhHello, options, out string stdout);
        Assert.Equal(BuiltImages.PvhMessage, stdout);
        Assert.Equal(RunOutcome.Exited, result.Outcome);
        Assert.Equal(BuiltImages.ExitCode, result.ExitCode);
        Assert.Equal("42", result.Control["exit"]);
    }

    private RunResult Run(string image, RunOptions options, out string stdout)
    {
        using var output = new MemoryStream();
        RunResult result = Target.Pvh.Run(image, output, options);
        stdout = System.Text.Encoding.UTF8.GetString(output.ToArray());
        log.WriteLine($"{result.CommandLine}\n→ {result.Describe()} in {result.WallTime.TotalMilliseconds:0} ms");
        if (result.Diagnostics.Length > 0) log.WriteLine("diagnostics: " + result.Diagnostics);
        return result;
    }
}
