namespace Testbed.Backend.Targets;

/// <summary>
/// A network namespace of its own holding one tap device, for <c>--net tap</c>: QEMU runs inside it,
/// so the guest's frames reach nothing but that namespace. Disposing deletes the namespace, and with it
/// the tap. Needs root (or CAP_NET_ADMIN) and iproute2.
/// </summary>
public sealed class TapNetwork : IDisposable
{
    public const string IpTool = "ip";

    private TapNetwork(string space) { Namespace = space; }

    public string Namespace { get; }

    public static TapNetwork Create(string device)
    {
        var tap = new TapNetwork($"testbed-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        Ip("netns", "add", tap.Namespace);
        try
        {
            Ip("-n", tap.Namespace, "tuntap", "add", "dev", device, "mode", "tap");
            Ip("-n", tap.Namespace, "link", "set", device, "up");
        }
        catch
        {
            tap.Dispose();
            throw;
        }
        return tap;
    }

    public void Dispose() => ProcessRunner.RunCaptured(IpTool, ["netns", "delete", Namespace]);

    private static void Ip(params string[] arguments)
    {
        var (status, output) = ProcessRunner.RunCaptured(IpTool, arguments);
        if (status != 0)
            throw new TargetToolException($"'ip {string.Join(' ', arguments)}' failed ({output}); --net tap needs root and iproute2");
    }
}
