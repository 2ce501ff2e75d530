using System.ComponentModel;
using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Testbed.Bench;

/// <summary>The host programs the harness runs for an answer (versions, git, taskset) and the signal it stops servers with.</summary>
internal static class HostCommand
{
    /// <summary>Runs <paramref name="program"/> to its end; exit -1 when it cannot be started.</summary>
    public static (int Exit, string Stdout, string Stderr) Run(string program, IEnumerable<string> arguments)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        try
        {
            using var process = Process.Start(psi)!;
            var stderr = process.StandardError.ReadToEndAsync();
            string stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stdout, stderr.Result);
        }
        catch (Win32Exception e)
        {
            return (-1, "", e.Message);
        }
    }

    /// <summary>Standard output of a run that succeeded, else "".</summary>
    public static string Output(string program, params string[] arguments) =>
        Run(program, arguments) is (0, var stdout, _) ? stdout : "";

    [DllImport("libc", SetLastError = true)]
    private static extern int kill(int pid, int signal);

    /// <summary>SIGTERM, as a service manager stops a server.</summary>
    public static void Terminate(int pid) => kill(pid, 15);
}
