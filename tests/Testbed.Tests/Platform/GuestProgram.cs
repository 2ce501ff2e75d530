using System.Text;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;

namespace Testbed.Tests.Platform;

/// <summary>
/// Builds a guest program of tests/guest/ (apps that use the library OS's own API, so they have no
/// CoreCLR counterpart) once per test run and target, and boots it under QEMU (pvh) or starts it
/// (linux). Guests compile against the PVH platform project; both platform assemblies are named
/// Testbed.LibOS, so a guest that uses only the API both provide (threads, clock) builds for linux too.
/// </summary>
public static class GuestProgram
{
    private static readonly Dictionary<string, string> Images = new();
    private static readonly object Gate = new();

    public sealed record Outcome(RunResult Run, string Stdout)
    {
        public int? ExitCode => Run.ExitCode;
        public string Stderr => Run.ProgramStderr;
        public string Describe() => $"{Run.Describe()}\n{Run.CommandLine}\n{Run.Diagnostics}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
    }

    /// <summary>The image of tests/guest/<paramref name="name"/> for <paramref name="target"/> ("pvh" or "linux"), built on first use.</summary>
    public static string Image(string name, string target = "pvh")
    {
        lock (Gate)
        {
            var key = $"{name}.{target}";
            if (Images.TryGetValue(key, out var known)) return known;
            var layout = RepositoryLayout.Locate();
            var dir = Path.Combine(layout.Cache, "tests", "guest");
            Directory.CreateDirectory(dir);
            var image = Path.Combine(dir, $"{key}.{Guid.NewGuid():N}.elf");
            new BuildDriver(layout).Build(new BuildRequest(Path.Combine(layout.Root, "tests", "guest", name), Target.FromName(target)!, image));
            Images[key] = image;
            return image;
        }
    }

    public static Outcome Run(string name, RunOptions? options = null, string target = "pvh") =>
        RunAsync(name, options, target).GetAwaiter().GetResult();

    public static async Task<Outcome> RunAsync(string name, RunOptions? options = null, string target = "pvh")
    {
        var image = Image(name, target);
        using var stdout = new MemoryStream();
        var run = await Target.FromName(target)!.RunAsync(image, stdout, options ?? Defaults).ConfigureAwait(false);
        return new Outcome(run, Encoding.UTF8.GetString(stdout.ToArray()));
    }

    public static RunOptions Defaults => new() { Timeout = TimeSpan.FromSeconds(120) };

    /// <summary>The pid of the QEMU process booting <paramref name="image"/>, once it exists (null after <paramref name="wait"/>).</summary>
    public static int? FindQemu(string image, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        do
        {
            foreach (var dir in Directory.EnumerateDirectories("/proc"))
            {
                if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                try
                {
                    var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline"));
                    if (cmdline.StartsWith(Tools.Qemu, StringComparison.Ordinal) && cmdline.Contains(image, StringComparison.Ordinal))
                        return pid;
                }
                catch (IOException) { /* the process ended while we looked */ }
                catch (UnauthorizedAccessException) { }
            }
            Thread.Sleep(20);
        }
        while (DateTime.UtcNow < deadline);
        return null;
    }

    /// <summary>utime + stime of a process (all its threads), in clock ticks (1/100 s).</summary>
    public static long CpuTicks(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return long.Parse(fields[11]) + long.Parse(fields[12]);
    }
}
