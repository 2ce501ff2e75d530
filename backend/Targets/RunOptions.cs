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

/// <summary>The guest's network card (pvh: virtio-net; linux: the tap device itself), if any.</summary>
public enum QemuNetwork
{
    None,
    /// <summary>QEMU's user-mode network stack (slirp): no host set-up; ports forwarded from 127.0.0.1 only. pvh only.</summary>
    User,
    /// <summary>A tap device inside a network namespace, so no traffic reaches the host's own interfaces (both targets).</summary>
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

    /// <summary>The arguments of the program's Main(string[] args): argv[1..] of a linux executable, <c>TESTBED_ARG=</c> words of the pvh guest's kernel command line (<see cref="QemuRunner.EncodeProgramArgument"/>).</summary>
    public IReadOnlyList<string> ProgramArguments { get; init; } = [];

    /// <summary>The guest's address and prefix length, A.B.C.D/N (null: <see cref="GuestNetwork.DefaultAddress"/>).</summary>
    public string? GuestAddress { get; init; }

    /// <summary>The guest's default gateway, and with <see cref="QemuNetwork.Tap"/> the tap's host-side address (null: <see cref="GuestNetwork.DefaultGateway"/>).</summary>
    public string? Gateway { get; init; }

    /// <summary>Every frame the guest sends and receives, written to this file in pcap format (pvh: QEMU's filter-dump; linux: the library OS).</summary>
    public string? PcapPath { get; init; }

    /// <summary>The library OS's fault injector: drop=P,duplicate=P,reorder=P,corrupt=P,seed=N,dir=both|rx|tx (null: none).</summary>
    public string? Faults { get; init; }

    /// <summary>The network stack prints its counters (bytes copied, frames, drops, TCP) on standard error at exit (run --verbose).</summary>
    public bool NetStatistics { get; init; }

    /// <summary>With the linux target's tap: checksum and TCP segmentation offload (false: TESTBED_NET_OFFLOAD=0).</summary>
    public bool NetOffloads { get; init; } = true;

    /// <summary>Told what the runner set up for the user (the namespace, the guest's address, how to reach it), before the program starts.</summary>
    public Action<string>? Notice { get; init; }

    /// <summary>`run --profile`: sample the program and leave the raw samples in a file (docs/profiling.md). Null: no profiling.</summary>
    public ProfileRequest? Profile { get; init; }
}

/// <summary>Sample the program <paramref name="Hz"/> times a second of CPU time; write the raw samples to <paramref name="Path"/>
/// (linux: the library OS writes it; pvh: the runner, from what the guest sends on the profile console).</summary>
public sealed record ProfileRequest(int Hz, string Path)
{
    public const int DefaultHz = 1000;
    public const int MaximumHz = 10000;
    /// <summary>The library OS's setting, HZ:PATH on linux (environment), HZ on pvh (kernel command line).</summary>
    public const string Key = "TESTBED_PROFILE";
    /// <summary>The pvh guest's isa-debugcon for the samples (libos/platform/pvh/PvhProfiler.cs).</summary>
    public const int PvhPort = 0x4E9;

    /// <summary>Null when <paramref name="hz"/> is a usable rate, else what is wrong.</summary>
    public static string? CheckHz(int hz) => hz is >= 1 and <= MaximumHz ? null : $"expected a rate in Hz from 1 to {MaximumHz}";
}

/// <summary>
/// The one network configuration scheme of both targets (docs/net.md, "Devices, configuration, pcap,
/// faults"): the runner passes <c>TESTBED_NET_*=VALUE</c> settings, which the linux executable reads from
/// its environment and the pvh guest from its kernel command line (-append).
/// </summary>
public static class GuestNetwork
{
    public const string DefaultAddress = "10.0.2.15/24";
    public const string DefaultGateway = "10.0.2.2";
    public const string KeyTap = "TESTBED_NET_TAP";
    public const string KeyAddress = "TESTBED_NET_IP";
    public const string KeyGateway = "TESTBED_NET_GATEWAY";
    public const string KeyMac = "TESTBED_NET_MAC";
    public const string KeyPcap = "TESTBED_NET_PCAP";
    public const string KeyFaults = "TESTBED_NET_FAULTS";
    public const string KeyStatistics = "TESTBED_NET_STATS";
    public const string KeyOffload = "TESTBED_NET_OFFLOAD";

    public static string Address(RunOptions options) => options.GuestAddress ?? DefaultAddress;

    public static string Gateway(RunOptions options) => options.Gateway ?? DefaultGateway;

    /// <summary>The guest's address without its prefix length.</summary>
    public static string Host(RunOptions options) => Address(options).Split('/')[0];

    /// <summary>The tap's host side: the gateway, with the guest's prefix length.</summary>
    public static string TapHostAddress(RunOptions options) => $"{Gateway(options)}/{PrefixLength(Address(options))}";

    /// <summary>The settings for the guest (without TESTBED_NET_TAP and TESTBED_NET_PCAP, which are the linux target's).</summary>
    public static Dictionary<string, string> Settings(RunOptions options)
    {
        var settings = new Dictionary<string, string>
        {
            [KeyAddress] = Address(options),
            [KeyGateway] = Gateway(options),
        };
        if (options.Faults is { } faults) settings[KeyFaults] = faults;
        if (options.NetStatistics) settings[KeyStatistics] = "1";
        if (!options.NetOffloads) settings[KeyOffload] = "0";
        return settings;
    }

    /// <summary>Null when <paramref name="text"/> is A.B.C.D/N (N 1..32, or no /N: 24), else what is wrong.</summary>
    public static string? CheckAddress(string text)
    {
        var parts = text.Split('/');
        if (parts.Length > 2 || !IsAddress(parts[0]))
            return "expected A.B.C.D/PREFIX, e.g. 10.0.2.15/24";
        if (parts.Length == 2 && !(int.TryParse(parts[1], out var prefix) && prefix is >= 1 and <= 32))
            return "the prefix length is 1 to 32";
        return null;
    }

    /// <summary>Null when <paramref name="text"/> is A.B.C.D, else what is wrong.</summary>
    public static string? CheckGateway(string text) => IsAddress(text) ? null : "expected A.B.C.D";

    /// <summary>Null when <paramref name="text"/> is what the guest's fault injector reads, else what is wrong (the guest checks again).</summary>
    public static string? CheckFaults(string text)
    {
        foreach (var item in text.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = item.Split('=', 2);
            if (pair.Length != 2) return $"'{item}': expected name=value";
            string name = pair[0], value = pair[1];
            switch (name)
            {
                case "seed":
                    if (!ulong.TryParse(value, System.Globalization.NumberStyles.None, null, out _)) return "seed: expected a decimal integer";
                    break;
                case "dir":
                    if (value is not ("both" or "rx" or "tx")) return "dir: expected both, rx or tx";
                    break;
                case "drop" or "duplicate" or "reorder" or "corrupt":
                    var number = value.EndsWith('%') ? value[..^1] : value;
                    if (number.Length == 0 || number.Any(c => c != '.' && !char.IsAsciiDigit(c)) || number.Count(c => c == '.') > 1
                        || !double.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var rate)
                        || (value.EndsWith('%') ? rate / 100 : rate) > 1)
                        return $"{name}: expected a probability from 0 to 1 (0.05 or 5%)";
                    break;
                default:
                    return $"unknown fault '{name}' (drop, duplicate, reorder, corrupt, seed, dir)";
            }
        }
        return null;
    }

    private static int PrefixLength(string address) => address.Split('/') is [_, var p] ? int.Parse(p) : 24;

    private static bool IsAddress(string text)
    {
        var octets = text.Split('.');
        return octets.Length == 4 && octets.All(o => o.Length is > 0 and <= 3 && o.All(char.IsAsciiDigit) && int.Parse(o) <= 255);
    }
}
