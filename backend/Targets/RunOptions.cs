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

/// <summary>The guest's network card (virtio-net), if any.</summary>
public enum QemuNetwork
{
    None,
    /// <summary>QEMU's user-mode network stack (slirp): no host set-up; ports forwarded from 127.0.0.1 only.</summary>
    User,
    /// <summary>A tap device inside a network namespace, so no traffic reaches the host's own interfaces.</summary>
    Tap,
}

/// <summary>A TCP port of 127.0.0.1 on the host forwarded to a port of the guest (user networking).</summary>
public readonly record struct PortForward(int HostPort, int GuestPort)
{
    /// <summary>"HOST:GUEST" or "PORT" (the same on both sides); null when malformed.</summary>
    public static PortForward? Parse(string text)
    {
        var parts = text.Split(':');
        static bool Port(string s, out int port) => int.TryParse(s, out port) && port is > 0 and < 65536;
        if (parts.Length == 1 && Port(parts[0], out var both)) return new PortForward(both, both);
        if (parts.Length == 2 && Port(parts[0], out var host) && Port(parts[1], out var guest)) return new PortForward(host, guest);
        return null;
    }
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

    /// <summary>Raw disk images, each a virtio-blk device (virtio-mmio on microvm, virtio-pci otherwise), in order.</summary>
    public IReadOnlyList<string> Disks { get; init; } = [];

    public QemuNetwork Network { get; init; } = QemuNetwork.None;

    /// <summary>With <see cref="QemuNetwork.User"/>: host ports (bound to 127.0.0.1 only) forwarded to the guest.</summary>
    public IReadOnlyList<PortForward> PortForwards { get; init; } = [];

    /// <summary>With <see cref="QemuNetwork.Tap"/>: an existing namespace holding <see cref="TapDevice"/>, which the
    /// caller owns (a test that watches the tap). Null: the runner creates a namespace and a tap, and removes both.</summary>
    public string? TapNamespace { get; init; }

    public string TapDevice { get; init; } = "tbtap0";

    /// <summary>Appended to QEMU's command line as is (e.g. "-s", "-S" for gdb).</summary>
    public IReadOnlyList<string> ExtraQemuArguments { get; init; } = [];

    /// <summary>argv[1..] of a linux executable.</summary>
    public IReadOnlyList<string> ProgramArguments { get; init; } = [];
}
