using Testbed.Backend.Llvm;
using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Backend;

/// <summary>How runs are set up and interpreted, without booting anything.</summary>
public sealed class RunnerTests
{
    [Fact]
    public void ParsesControlChannelLines()
    {
        var control = ControlChannel.Parse("boot_tsc_to_main=123456\r\nnoise\nexit=3\ntsc_khz=2000000\n");
        Assert.Equal("123456", control["boot_tsc_to_main"]);
        Assert.Equal("2000000", control["tsc_khz"]);
        Assert.Equal(3, ControlChannel.ExitCode(control));
        Assert.Equal(3, control.Count);
    }

    [Theory]
    [InlineData(85, "", RunOutcome.Exited, 42)]          // (42 << 1) | 1 without exit= line
    [InlineData(0, "", RunOutcome.GuestReset, null)]
    [InlineData(1, "qemu-system-x86_64: -kernel x: could not load kernel\n", RunOutcome.Failed, null)]
    [InlineData(1, "qemu-system-x86_64: warning: host doesn't support requested feature\n", RunOutcome.Exited, 0)]
    public void DecodesQemuStatusWithoutAnExitLine(int status, string stderr, RunOutcome outcome, int? code)
    {
        RunResult result = QemuRunner.Interpret(new ProcessRunner.Finished(status, false, stderr, TimeSpan.Zero),
            new Dictionary<string, string>(), "qemu");
        Assert.Equal(outcome, result.Outcome);
        Assert.Equal(code, result.ExitCode);
    }

    [Theory]
    [InlineData(true, true)]
    [InlineData(false, false)]
    public void AFailedStartUnderKvmAdvisesTcg(bool usedKvm, bool advised)
    {
        RunResult result = QemuRunner.Interpret(new ProcessRunner.Finished(1, false, "qemu-system-x86_64: -accel kvm: failed to initialize kvm: No such file or directory\n", TimeSpan.Zero),
            new Dictionary<string, string>(), "qemu", usedKvm);
        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Equal(advised, result.Diagnostics.Contains("use --accel tcg"));
    }

    [Fact]
    public void TheControlChannelExitCodeWinsOverQemusStatus()
    {
        // Exit code 300 does not survive isa-debug-exit's 8-bit status; the control line carries it exactly.
        RunResult result = QemuRunner.Interpret(new ProcessRunner.Finished(89, false, "", TimeSpan.Zero),
            ControlChannel.Parse("exit=300\n"), "qemu");
        Assert.Equal(RunOutcome.Exited, result.Outcome);
        Assert.Equal(300, result.ExitCode);
    }

    [Fact]
    public void QemuCommandLineHasTheDocumentedDevices()
    {
        IReadOnlyList<string> arguments = QemuRunner.Arguments("k.elf",
            new RunOptions { Accelerator = QemuAccelerator.Tcg, Memory = "256M" }, "/tmp/control,1.txt");
        string line = string.Join(' ', arguments);
        Assert.Contains("-M microvm", line);
        Assert.Contains("-accel tcg", line);
        Assert.Contains("-m 256M", line);
        Assert.Contains("-no-reboot", line);
        Assert.Contains("isa-debugcon,iobase=0xe9,chardev=tb_control", line);
        Assert.Contains("isa-debug-exit,iobase=0xf4,iosize=0x04", line);
        Assert.Contains("path=/tmp/control,,1.txt", line);
        Assert.DoesNotContain("host", line);
        Assert.Equal("k.elf", arguments[arguments.ToList().IndexOf("-kernel") + 1]);
    }

    [Fact]
    public void FindsTheTargetsByName()
    {
        Assert.Same(Target.Pvh, Target.FromName("pvh"));
        Assert.Same(Target.Linux, Target.FromName("LINUX"));
        Assert.Null(Target.FromName("windows"));
        Assert.Contains("noredzone", Target.Pvh.RequiredFunctionAttributes);
    }

    [Fact]
    public void ALinkErrorCarriesTheLinkersMessage()
    {
        // The target's _start calls tb_linux_start, which this module lacks.
        using var context = new LlvmContext();
        using LlvmTargetMachine machine = Target.Linux.CreateTargetMachine();
        using LlvmModule module = context.CreateModule("no-entry");
        Target.Linux.PrepareModule(module, machine);
        string directory = Directory.CreateTempSubdirectory("testbed-link-").FullName;
        try
        {
            var error = Assert.Throws<LinkException>(() => Target.Linux.EmitAndLink(module, machine, Path.Combine(directory, "out")));
            Assert.Contains("undefined symbol: tb_linux_start", error.Message);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
