using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace Testbed.Backend.Targets;

/// <summary>
/// A network namespace of its own holding one tap device, for <c>--net tap</c>: QEMU (pvh) or the
/// executable (linux) runs inside it, so the guest's frames reach nothing but that namespace. The host
/// side of the tap gets an address (the guest's gateway, 10.0.2.2/24 by default), so that a client run
/// in the namespace (<c>ip netns exec NS curl http://10.0.2.15:8080/</c>) reaches the guest. Disposing
/// deletes the namespace, and with it the tap; so do SIGINT, SIGTERM and SIGHUP while one exists (after
/// stopping the programs the runner started), and a namespace left behind by a testbed process that
/// was killed outright (SIGKILL) is removed by the next <see cref="Create"/>. Needs root (or
/// CAP_NET_ADMIN) and iproute2.
/// </summary>
public sealed partial class TapNetwork : IDisposable
{
    public const string IpTool = "ip";
    public const string NamePrefix = "testbed-";

    private static readonly object Gate = new();
    private static readonly HashSet<string> Live = [];
    private static List<PosixSignalRegistration>? signalHandlers;

    private int disposed;

    private TapNetwork(string space, string device, string? hostAddress)
    {
        Namespace = space;
        Device = device;
        HostAddress = hostAddress;
    }

    /// <summary>testbed-&lt;pid&gt;-&lt;8 hex digits&gt;: the pid of the testbed process that owns it.</summary>
    public string Namespace { get; }

    public string Device { get; }

    /// <summary>The tap's host-side address with its prefix (e.g. 10.0.2.2/24), or null when it has none.</summary>
    public string? HostAddress { get; }

    /// <summary>A namespace with the tap <paramref name="device"/>, up, with <paramref name="hostAddress"/>
    /// (ADDR/PREFIX; null: none) on its host side, and the namespace's loopback up.</summary>
    public static TapNetwork Create(string device, string? hostAddress = null)
    {
        RemoveStale();
        var tap = new TapNetwork(NewNamespaceName(), device, hostAddress);
        Register(tap.Namespace);
        try
        {
            Ip("netns", "add", tap.Namespace);
            Ip("-n", tap.Namespace, "link", "set", "lo", "up");
            Ip("-n", tap.Namespace, "tuntap", "add", "dev", device, "mode", "tap");
            if (hostAddress is not null)
                Ip("-n", tap.Namespace, "addr", "add", hostAddress, "dev", device);
            Ip("-n", tap.Namespace, "link", "set", device, "up");
        }
        catch
        {
            tap.Dispose();
            throw;
        }
        return tap;
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0) return;
        Unregister(Namespace);
    }

    /// <summary>A name of the form <see cref="FindStale"/> recognises, owned by this process.</summary>
    internal static string NewNamespaceName() => $"{NamePrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>From now on SIGINT, SIGTERM and SIGHUP delete <paramref name="space"/> (which the caller is about to create).</summary>
    internal static void Register(string space)
    {
        lock (Gate)
        {
            InstallSignalHandlers();
            Live.Add(space);
        }
    }

    /// <summary>Deletes <paramref name="space"/> and forgets it.</summary>
    internal static void Unregister(string space)
    {
        Delete(space);
        lock (Gate) Live.Remove(space);
    }

    /// <summary>The namespaces testbed processes created (testbed-&lt;pid&gt;-&lt;id&gt;) whose process no longer exists: what a SIGKILL leaves.</summary>
    public static IReadOnlyList<string> FindStale()
    {
        var (status, output) = ProcessRunner.RunCaptured(IpTool, ["netns", "list"]);
        if (status != 0) return [];
        var stale = new List<string>();
        foreach (var line in output.Split('\n'))
        {
            var match = OwnedName().Match(line.Trim());
            if (match.Success && int.TryParse(match.Groups[1].Value, out var pid) && !Directory.Exists($"/proc/{pid}"))
                stale.Add(match.Groups[0].Value);
        }
        return stale;
    }

    /// <summary>Deletes the namespaces of <see cref="FindStale"/>, after killing the programs still running in them
    /// (the orphans of the killed testbed process).</summary>
    public static void RemoveStale()
    {
        foreach (var space in FindStale())
        {
            NetworkNamespace.KillProcesses(space);
            Delete(space);
        }
    }

    [GeneratedRegex(@"^testbed-(\d+)-[0-9a-f]{8}\b")]
    private static partial Regex OwnedName();

    private static void Delete(string space) => ProcessRunner.RunCaptured(IpTool, ["netns", "delete", space]);

    // A signal would end the process without running the finally blocks that delete the namespace:
    // stop the programs started inside it, delete it, then let the signal take its default course.
    private static void InstallSignalHandlers()
    {
        if (signalHandlers is not null) return;
        signalHandlers = [];
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
            signalHandlers.Add(PosixSignalRegistration.Create(signal, context =>
            {
                string[] spaces;
                lock (Gate) spaces = [.. Live];
                if (spaces.Length == 0) return;
                ProcessRunner.StopAll();
                // Deleting a namespace does not end what runs in it (the harness's native servers and clients).
                foreach (var space in spaces)
                {
                    NetworkNamespace.KillProcesses(space);
                    Delete(space);
                }
                lock (Gate) Live.Clear();
            }));
    }

    internal static void Ip(params string[] arguments)
    {
        var (status, output) = ProcessRunner.RunCaptured(IpTool, arguments);
        if (status != 0)
            throw new TargetToolException($"'ip {string.Join(' ', arguments)}' failed ({output}); --net tap needs root and iproute2");
    }
}
