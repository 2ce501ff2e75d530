using System.Diagnostics;
using Testbed.Backend.Targets;

namespace Testbed.Bench.Servers;

/// <summary>
/// A server on Linux's own stack (native redis-server or nginx, or the app on CoreCLR): started in the
/// veth pair's server namespace pinned to the server core (`ip netns exec NS taskset -c CPU PROGRAM`, each
/// of which execs the next, so the process is the server), reached from the client namespace.
/// </summary>
public sealed class ProcessServerRun : ServerRun
{
    private readonly VethPair network;
    private readonly Process process;
    private readonly Action? cleanup;

    private ProcessServerRun(VethPair network, Process process, int port, Action? cleanup)
    {
        this.network = network;
        this.process = process;
        this.cleanup = cleanup;
        Port = port;
    }

    public override string ClientNamespace => network.ClientNamespace;
    public override string Host => network.ServerAddress;

    public override IReadOnlyList<int> Processes() => NetworkNamespace.Processes(network.ServerNamespace);

    public static ProcessServerRun Start(VethPair network, int cpu, int port, Probe probe, string program, IEnumerable<string> arguments, TimeSpan limit,
        Action? cleanup = null)
    {
        var psi = new ProcessStartInfo(TapNetwork.IpTool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        string[] all = ["netns", "exec", network.ServerNamespace, "taskset", "-c", cpu.ToString(), program, .. arguments];
        foreach (var a in all) psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        long started = Stopwatch.GetTimestamp();
        var process = Process.Start(psi)!;
        var run = new ProcessServerRun(network, process, port, cleanup);
        process.OutputDataReceived += (_, e) => { if (e.Data != null) run.Append(e.Data + "\n"); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) run.Append(e.Data + "\n"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            run.WaitUntilAnswering(probe, started, limit, () => process.HasExited ? $"exit {process.ExitCode}" : null);
        }
        catch
        {
            run.DisposeAsync().AsTask().Wait();
            throw;
        }
        return run;
    }

    /// <summary>SIGTERM, as a service manager stops it (nginx's master then stops its worker); what is left after five seconds is killed.</summary>
    private void Stop()
    {
        if (!process.HasExited)
        {
            HostCommand.Terminate(process.Id);
            process.WaitForExit(5000);
        }
        NetworkNamespace.KillProcesses(network.ServerNamespace);
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5000);
        }
    }

    public override ValueTask DisposeAsync()
    {
        Stop();
        process.Dispose();
        try { cleanup?.Invoke(); }
        catch (IOException) { /* a file the server still wrote as it ended: the temporary directory's cleaner takes it */ }
        return ValueTask.CompletedTask;
    }
}
