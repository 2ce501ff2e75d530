namespace Testbed.Backend.Targets;

/// <summary>QEMU machine types that can boot a PVH image with -kernel.</summary>
public enum QemuMachine
{
    /// <summary>Minimal machine, no firmware to run, virtio-mmio devices: boots in about 0.1 s.</summary>
    Microvm,
    /// <summary>PCIe machine (virtio-pci devices); boots through SeaBIOS, so slower.</summary>
    Q35,
    /// <summary>i440FX PC; boots through SeaBIOS.</summary>
    Pc,
}

/// <summary>How QEMU executes guest code.</summary>
public enum QemuAccelerator
{
    /// <summary>KVM when <see cref="Testbed.Backend.Targets.Kvm.IsUsable"/>, else TCG.</summary>
    Auto,
    Kvm,
    /// <summary>QEMU's emulator: slower, but runs anywhere and catches code that only works on the host CPU.</summary>
    Tcg,
}

/// <summary>How to run a built image. The QEMU settings apply to the pvh target only, the program
/// arguments to the linux target only.</summary>
public sealed record RunOptions
{
    /// <summary>Wall-clock limit; the guest is killed and the result says TimedOut. Null: no limit.</summary>
    public TimeSpan? Timeout { get; init; }

    public QemuMachine Machine { get; init; } = QemuMachine.Microvm;
    public QemuAccelerator Accelerator { get; init; } = QemuAccelerator.Auto;

    /// <summary>Guest RAM in QEMU's -m syntax.</summary>
    public string Memory { get; init; } = "128M";

    /// <summary>Appended to QEMU's command line as is (e.g. "-s", "-S" for gdb).</summary>
    public IReadOnlyList<string> ExtraQemuArguments { get; init; } = [];

    /// <summary>argv[1..] of a linux executable.</summary>
    public IReadOnlyList<string> ProgramArguments { get; init; } = [];
}
