using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Xunit;

namespace Testbed.Tests.Programs;

/// <summary>
/// The same images under each QEMU accelerator. The corpus runs with `auto`; these force each one.
/// TCG always exists. KVM is forced only where the host's KVM passes the SSE probe (docs/targets.md);
/// elsewhere the test checks that the probe said why, so `auto` falling back is never silent.
/// </summary>
public sealed class AcceleratorTests
{
    public static TheoryData<string> Programs() => new() { "float_format_double.cs", "methods_recursion.cs", "unsafe_pointer_arith.cs", "static_ctor_order.cs" };

    private static void AssertSameAsCoreClr(string program, QemuAccelerator accelerator)
    {
        var source = Path.Combine(RepositoryLayout.Locate().Root, "tests", "programs", program);
        var expected = CoreClrOracle.Run(source);
        var (actual, run) = TestbedRunner.CompileAndRun(source, Target.Pvh, accelerator);
        Assert.Contains(accelerator == QemuAccelerator.Kvm ? "-accel kvm" : "-accel tcg", run.CommandLine);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
    }

    [Theory]
    [MemberData(nameof(Programs))]
    public void UnderTcg(string program) => AssertSameAsCoreClr(program, QemuAccelerator.Tcg);

    [Theory]
    [MemberData(nameof(Programs))]
    public void UnderKvmWhereTheHostsKvmCanRunIt(string program)
    {
        if (Kvm.IsUsable)
        {
            AssertSameAsCoreClr(program, QemuAccelerator.Kvm);
            return;
        }
        Assert.StartsWith("unusable", Kvm.Reason);
        Assert.Equal(QemuAccelerator.Tcg, QemuRunner.Resolve(QemuAccelerator.Auto));
    }

    /// <summary>
    /// Forcing KVM gives a run where KVM works, and where it cannot run the guest a fast failure that
    /// says why rather than a run that sits until the timeout. Which branch is taken is the probe's
    /// verdict, asserted in both cases.
    /// </summary>
    [Fact]
    public void ForcedKvmRunsOrFailsFastWithAdvice()
    {
        var layout = RepositoryLayout.Locate();
        var source = Path.Combine(layout.Root, "tests", "programs", "float_format_double.cs");
        var image = Path.Combine(layout.Cache, "tests", $"kvm-{Guid.NewGuid():N}.elf");
        new BuildDriver(layout).Build(new BuildRequest(source, Target.Pvh, image));
        try
        {
            var run = Target.Pvh.Run(image, Stream.Null, new RunOptions { Accelerator = QemuAccelerator.Kvm, Timeout = TimeSpan.FromSeconds(60) });
            if (Kvm.IsUsable)
            {
                Assert.Equal(RunOutcome.Exited, run.Outcome);
                Assert.Equal(CoreClrOracle.Run(source).ExitCode, run.ExitCode);
            }
            else
            {
                Assert.Equal(RunOutcome.Failed, run.Outcome);
                Assert.Contains("use --accel tcg", run.Diagnostics);
                Assert.True(run.WallTime < TimeSpan.FromSeconds(30), $"took {run.WallTime}");
            }
        }
        finally
        {
            File.Delete(image);
        }
    }
}
