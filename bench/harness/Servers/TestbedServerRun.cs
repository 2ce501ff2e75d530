using System.Diagnostics;
using System.Text.RegularExpressions;
using Testbed.Backend.Targets;

namespace Testbed.Bench.Servers;

/// <summary>
/// A server compiled by Testbed, run as `testbed run --net tap` runs it: the linux target's executable
/// driving a tap, or the pvh image in QEMU on one, each in a namespace the runner creates (and removes when
/// the run is cancelled). The client runs in that namespace; the guest is 10.0.2.15. The server's processes
/// are pinned to the server core once it answers.
/// </summary>
public sealed partial class TestbedServerRun : ServerRun
{
    private readonly CancellationTokenSource stop = new();
    private Task<RunResult>? running;
    private volatile string? space;

    private readonly bool reportsCopies;

    private TestbedServerRun(int port, bool reportsCopies)
    {
        Port = port;
        this.reportsCopies = reportsCopies;
    }

    public override string ClientNamespace => space ?? throw new InvalidOperationException("the runner has not made its namespace yet");
    public override string Host => "10.0.2.15";
    protected override string? Namespace() => space;

    public override IReadOnlyList<int> Processes() => space is { } s ? NetworkNamespace.Processes(s) : [];

    /// <summary>The accelerator QEMU will use for a pvh image here: KVM only when it can run our guests.</summary>
    public static QemuAccelerator PvhAccelerator => Kvm.IsUsable ? QemuAccelerator.Kvm : QemuAccelerator.Tcg;

    /// <summary>The testbed command that runs the same image the same way (for the results).</summary>
    public static string StartCommand(BenchConfig config, string app, IReadOnlyList<string> arguments) =>
        $"testbed run bench/apps/{app} --target {config.Target} --net tap"
        + (config.Passes is { } passes ? (Testbed.Passes.DefaultPipelines.Find(passes) is not null ? $" --pipeline {passes}" : $" --passes '{passes}'") : "")
        + (config.CountLayerCalls ? " --count-layer-calls" : "")
        + (config.IsPvh ? $" --accel {PvhAccelerator.ToString().ToLowerInvariant()} --mem 256M" : "")
        + $" -- {string.Join(' ', arguments)}";

    public static TestbedServerRun Start(BenchConfig config, string image, int cpu, int port, Probe probe, IReadOnlyList<string> arguments, TimeSpan limit)
    {
        var run = new TestbedServerRun(port, reportsCopies: !config.IsPvh);
        var options = new RunOptions
        {
            Network = QemuNetwork.Tap,
            Accelerator = PvhAccelerator,
            Memory = "256M",
            ProgramArguments = arguments,
            // The linux executable then reports its stack's copies when SIGTERM stops it (libos StopSignals).
            NetStatistics = !config.IsPvh,
            Notice = line =>
            {
                if (NamespaceNotice().Match(line) is { Success: true } m) run.space = m.Groups[1].Value;
            },
        };
        var output = new Testbed.Bench.Servers.LogStream(run.Append);
        long started = Stopwatch.GetTimestamp();
        run.running = config.IsPvh
            ? QemuRunner.RunAsync(image, output, options, run.stop.Token)
            : NativeRunner.RunAsync(image, output, options, run.stop.Token);
        try
        {
            run.WaitUntilAnswering(probe, started, limit, () => run.running.IsCompleted ? Ended(run.running) : null);
            foreach (var pid in run.Processes())
                HostCommand.Run("taskset", ["-a", "-p", "-c", cpu.ToString(), pid.ToString()]);
        }
        catch
        {
            run.DisposeAsync().AsTask().Wait();
            throw;
        }
        return run;
    }

    private static string Ended(Task<RunResult> task) =>
        task.IsCompletedSuccessfully ? $"{task.Result.Describe()}\n{task.Result.ProgramStderr}{task.Result.Diagnostics}" : task.Exception?.GetBaseException().Message ?? "cancelled";

    [GeneratedRegex(@"^network namespace (\S+):")]
    private static partial Regex NamespaceNotice();

    /// <summary>SIGTERM to the executable, which prints its copies ("testbed net: bytes copied N (...)") and, if instrumented, its layer calls on its way out.</summary>
    public override ExitCounters? StopAndReadCounters()
    {
        if (!reportsCopies || running == null || running.IsCompleted)
            return null;
        foreach (var pid in Processes())
            HostCommand.Terminate(pid);
        if (!running.Wait(TimeSpan.FromSeconds(20)) || !running.IsCompletedSuccessfully)
            return null;
        return ExitCounters.Parse(running.Result.ProgramStderr + running.Result.Diagnostics);
    }

    public override async ValueTask DisposeAsync()
    {
        stop.Cancel();
        if (running != null)
        {
            try { await running.ConfigureAwait(false); }
            catch (OperationCanceledException) { }
        }
        stop.Dispose();
    }
}

/// <summary>The guest's standard output, appended to the run's log as it arrives.</summary>
internal sealed class LogStream(Action<string> append) : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => append(System.Text.Encoding.UTF8.GetString(buffer, offset, count));
}
