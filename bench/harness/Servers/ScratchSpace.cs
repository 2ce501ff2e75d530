using System.Runtime.InteropServices;

namespace Testbed.Bench.Servers;

/// <summary>
/// The native servers' scratch directories (pid file, logs, Redis's dir), all under /tmp/tbbench-&lt;pid&gt;:
/// removed when the run ends, on SIGINT, SIGTERM and SIGHUP, and, after a SIGKILL, by the next run
/// (a directory whose process no longer exists).
/// </summary>
public static class ScratchSpace
{
    private const string Prefix = "tbbench-";
    private static readonly object Gate = new();
    private static List<PosixSignalRegistration>? handlers;

    public static string Root => Path.Combine(Path.GetTempPath(), Prefix + Environment.ProcessId);

    /// <summary>A new directory under <see cref="Root"/>, readable by nginx's unprivileged worker.</summary>
    public static string Create()
    {
        lock (Gate)
        {
            if (handlers == null)
            {
                RemoveStale();
                handlers = [];
                foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
                    handlers.Add(PosixSignalRegistration.Create(signal, _ => RemoveAll()));
            }
        }
        string dir = Path.Combine(Root, "server-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        AppBuilds.MakeWorldReadable(dir);
        return dir;
    }

    public static void RemoveAll()
    {
        try { if (Directory.Exists(Root)) Directory.Delete(Root, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static void RemoveStale()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), Prefix + "*"))
        {
            var name = Path.GetFileName(dir);
            if (int.TryParse(name[Prefix.Length..], out int pid) && pid != Environment.ProcessId && !Directory.Exists($"/proc/{pid}"))
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { }
        }
    }
}
