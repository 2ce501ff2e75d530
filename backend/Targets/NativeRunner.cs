namespace Testbed.Backend.Targets;

/// <summary>Runs a linux-target executable as a child process, with the same result type as QEMU runs.</summary>
public static class NativeRunner
{
    public static async Task<RunResult> RunAsync(string executablePath, Stream stdout, RunOptions options,
        CancellationToken cancellation = default)
    {
        string program = Path.GetFullPath(executablePath);
        IReadOnlyList<string> arguments = options.ProgramArguments;
        Dictionary<string, string>? environment = null;
        TapNetwork? ownTap = null;
        try
        {
            switch (options.Network)
            {
                case QemuNetwork.User:
                    throw new TargetToolException("--net user is QEMU's user network, for the pvh target only; the linux target has --net tap");
                case QemuNetwork.Tap:
                {
                    // The executable runs inside the namespace and attaches to the tap there (TapDevice in the
                    // library OS), configured by environment variables (docs/net.md).
                    string space = options.TapNamespace
                        ?? (ownTap = TapNetwork.Create(options.TapDevice, GuestNetwork.TapHostAddress(options))).Namespace;
                    environment = GuestNetwork.Settings(options);
                    environment[GuestNetwork.KeyTap] = options.TapDevice;
                    if (options.PcapPath is { } pcap) environment[GuestNetwork.KeyPcap] = Path.GetFullPath(pcap);
                    arguments = ["netns", "exec", space, program, .. arguments];
                    program = TapNetwork.IpTool;
                    Announce(options, space);
                    break;
                }
                default:
                    if (options.PcapPath is not null || options.Faults is not null)
                        throw new TargetToolException("--pcap and --faults need a network card: --net tap");
                    // The in-image loopback still has counters worth reporting.
                    if (options.NetStatistics)
                        environment = new Dictionary<string, string> { [GuestNetwork.KeyStatistics] = "1" };
                    break;
            }
            if (options.Profile is { } profile)
                (environment ??= new Dictionary<string, string>())[ProfileRequest.Key] = $"{profile.Hz}:{Path.GetFullPath(profile.Path)}";
            ProcessRunner.Finished run = await ProcessRunner.RunStreamingAsync(program, arguments, stdout,
                options.Timeout, cancellation, environment: environment).ConfigureAwait(false);
            string commandLine = ProcessRunner.Quote(program, arguments);
            if (environment is not null)
                commandLine = string.Join(' ', environment.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => ProcessRunner.Quote(e.Key + "=" + e.Value, [])))
                    + " " + commandLine;
            var noControl = new Dictionary<string, string>();
            return run.TimedOut
                ? new RunResult(RunOutcome.TimedOut, null, noControl, run.StandardError, null, run.WallTime, commandLine) { ProgramStderr = run.StandardError }
                // A process killed by a signal reports 128 + the signal number, as a shell would.
                : new RunResult(RunOutcome.Exited, run.Status, noControl, run.StandardError, run.Status, run.WallTime, commandLine) { ProgramStderr = run.StandardError };
        }
        finally
        {
            ownTap?.Dispose();
        }
    }

    public static RunResult Run(string executablePath, Stream stdout, RunOptions options) =>
        RunAsync(executablePath, stdout, options).GetAwaiter().GetResult();

    /// <summary>The notes `testbed run` prints for a tap network: where the guest is and how to reach it.</summary>
    internal static void Announce(RunOptions options, string space)
    {
        if (options.Notice is not { } notice) return;
        string host = GuestNetwork.Host(options);
        notice($"network namespace {space}: tap {options.TapDevice}, host side {GuestNetwork.TapHostAddress(options)}, guest {GuestNetwork.Address(options)} gateway {GuestNetwork.Gateway(options)}");
        notice($"reach the guest from the host with: ip netns exec {space} ping {host}   (or: ip netns exec {space} curl http://{host}:8080/)");
    }
}
