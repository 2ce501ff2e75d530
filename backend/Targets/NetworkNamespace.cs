using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Testbed.Backend.Targets;

/// <summary>What a host program does inside a network namespace made by <c>ip netns add</c> (named under /var/run/netns).</summary>
public static class NetworkNamespace
{
    private const int CloneNewNet = 0x40000000;

    [DllImport("libc", SetLastError = true)]
    private static extern int setns(int fd, int nstype);

    /// <summary>
    /// A TCP connection from this process into <paramref name="space"/>: a socket belongs to the namespace of
    /// the thread that creates it, so a short-lived thread enters the namespace (setns changes only the calling
    /// thread's) and creates it; the connection is then used from any thread.
    /// </summary>
    /// <param name="timeout">How long to wait for the connection (null: the kernel's own limit, minutes of SYN retries).</param>
    public static Socket Connect(string space, string host, int port, TimeSpan? timeout = null)
    {
        Socket? socket = null;
        Exception? error = null;
        var thread = new Thread(() =>
        {
            try
            {
                using var handle = File.OpenHandle(Path.Combine("/var/run/netns", space));
                if (setns((int)handle.DangerousGetHandle(), CloneNewNet) != 0)
                    throw new IOException($"setns into {space} failed: errno {Marshal.GetLastPInvokeError()}");
                socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            }
            catch (Exception e)
            {
                error = e;
            }
        });
        thread.Start();
        thread.Join();
        if (error != null) throw new IOException($"cannot make a socket in namespace {space}", error);
        try
        {
            if (timeout is { } limit)
            {
                // A SYN sent before the server's NIC existed is lost, and the kernel would resend it only after a
                // second: a caller that polls for a starting server gives up early and tries a fresh one.
                if (!socket!.ConnectAsync(IPAddress.Parse(host), port).Wait(limit))
                    throw new TimeoutException($"no connection to {host}:{port} within {limit.TotalMilliseconds:0} ms");
            }
            else
                socket!.Connect(IPAddress.Parse(host), port);
            return socket;
        }
        catch
        {
            socket!.Dispose();
            throw;
        }
    }

    /// <summary>The processes running in <paramref name="space"/> (`ip netns pids`); empty when it does not exist.</summary>
    public static IReadOnlyList<int> Processes(string space)
    {
        var (status, output) = ProcessRunner.RunCaptured(TapNetwork.IpTool, ["netns", "pids", space]);
        if (status != 0) return [];
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => int.TryParse(line, out var pid) ? pid : 0).Where(pid => pid > 0).ToList();
    }

    /// <summary>SIGKILL to every process in <paramref name="space"/>, waiting up to two seconds for each.</summary>
    public static void KillProcesses(string space)
    {
        foreach (var pid in Processes(space))
            try
            {
                using var process = System.Diagnostics.Process.GetProcessById(pid);
                process.Kill();
                process.WaitForExit(2000);
            }
            catch (ArgumentException) { /* already gone */ }
            catch (InvalidOperationException) { }
    }
}
