using System.ComponentModel;
using System.Diagnostics;

namespace Testbed.Backend.Targets;

/// <summary>Starts external programs (linker, QEMU, built executables) without a shell.</summary>
internal static class ProcessRunner
{
    /// <param name="StoppedBy">The stderr line that made the runner stop the program early, if one did.</param>
    internal sealed record Finished(int? Status, bool TimedOut, string StandardError, TimeSpan WallTime, string? StoppedBy = null);

    /// <summary>Runs <paramref name="program"/> with stdin closed, copying its stdout byte for byte to
    /// <paramref name="stdout"/> as it arrives and collecting its stderr. Kills it after <paramref name="timeout"/>,
    /// or as soon as it writes a stderr line for which <paramref name="isFatal"/> holds (a program that
    /// says it cannot go on but does not exit, as QEMU after a KVM internal error).</summary>
    /// <param name="environment">Variables added to (or replacing those of) the inherited environment.</param>
    public static async Task<Finished> RunStreamingAsync(string program, IEnumerable<string> arguments, Stream stdout,
        TimeSpan? timeout, CancellationToken cancellation, Func<string, bool>? isFatal = null,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var stopwatch = Stopwatch.StartNew();
        using Process process = Start(program, arguments, environment);
        lock (Running) Running.Add(process);
        try
        {
            return await WaitAsync(process, stdout, timeout, cancellation, isFatal, stopwatch).ConfigureAwait(false);
        }
        finally
        {
            lock (Running) Running.Remove(process);
        }
    }

    private static readonly HashSet<Process> Running = [];

    /// <summary>Kills every program <see cref="RunStreamingAsync"/> is running (and their children), and waits
    /// for them briefly: what a signal handler does before the process ends.</summary>
    public static void StopAll()
    {
        Process[] running;
        lock (Running) running = [.. Running];
        foreach (var process in running)
        {
            try
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(2000);
            }
            catch (InvalidOperationException) { /* already gone */ }
            catch (System.ComponentModel.Win32Exception) { }
        }
    }

    private const int SetPipeSize = 1031; // F_SETPIPE_SZ
    private const int WidePipeBytes = 1 << 20;

    [System.Runtime.InteropServices.DllImport("libc", SetLastError = true)]
    private static extern int fcntl(int fd, int command, int argument);

    /// <summary>
    /// A 1 MiB pipe instead of 64 KiB, so that a guest's output does not stall it while a loaded host
    /// delays the reader. It was a mitigation for QEMU's 16550 dropping bytes a full pipe refused; PVH's
    /// standard output is now an isa-debugcon, which QEMU writes out completely (docs/targets.md).
    /// </summary>
    private static void WidenPipe(Stream stream)
    {
        if (OperatingSystem.IsLinux() && stream is System.IO.Pipes.PipeStream pipe)
            fcntl((int)pipe.SafePipeHandle.DangerousGetHandle(), SetPipeSize, WidePipeBytes);
    }

    private static async Task<Finished> WaitAsync(Process process, Stream stdout, TimeSpan? timeout, CancellationToken cancellation,
        Func<string, bool>? isFatal, Stopwatch stopwatch)
    {
        // Closed stdin: the guest gets EOF rather than the user's terminal (which QEMU's stdio chardev
        // would otherwise switch to raw mode).
        process.StandardInput.Close();
        WidenPipe(process.StandardOutput.BaseStream);
        Task copy = PumpAsync(process.StandardOutput.BaseStream, stdout);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        string? stoppedBy = null;
        Task<string> errors = CollectLinesAsync(process.StandardError, line =>
        {
            if (stoppedBy is null && isFatal?.Invoke(line) == true)
            {
                stoppedBy = line;
                limit.Cancel();
            }
        });
        if (timeout is { } t) limit.CancelAfter(t);
        bool timedOut = false;
        try
        {
            await process.WaitForExitAsync(limit.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            timedOut = !cancellation.IsCancellationRequested && stoppedBy is null;
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
        }
        await copy.ConfigureAwait(false);
        string stderr = await errors.ConfigureAwait(false);
        stopwatch.Stop();
        cancellation.ThrowIfCancellationRequested();
        return new Finished(timedOut || stoppedBy is not null ? null : process.ExitCode, timedOut, stderr, stopwatch.Elapsed, stoppedBy);
    }

    private static async Task<string> CollectLinesAsync(StreamReader reader, Action<string> onLine)
    {
        var all = new System.Text.StringBuilder();
        while (await reader.ReadLineAsync().ConfigureAwait(false) is { } line)
        {
            all.Append(line).Append('\n');
            onLine(line);
        }
        return all.ToString();
    }

    /// <summary>Runs a tool to completion and returns its status and combined output.</summary>
    public static (int Status, string Output) RunCaptured(string program, IEnumerable<string> arguments)
    {
        using Process process = Start(program, arguments);
        process.StandardInput.Close();
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> errors = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, (output.Result + errors.Result).Trim());
    }

    /// <summary>The command line as a shell would take it, for messages and reproduction.</summary>
    public static string Quote(string program, IEnumerable<string> arguments) =>
        string.Join(' ', arguments.Prepend(program).Select(QuoteOne));

    private static string QuoteOne(string word) =>
        word.Length > 0 && word.All(c => char.IsAsciiLetterOrDigit(c) || "-_=.,/:+@%".Contains(c))
            ? word
            : "'" + word.Replace("'", "'\\''") + "'";

    private static Process Start(string program, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(program)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (string argument in arguments) info.ArgumentList.Add(argument);
        if (environment is not null)
            foreach (var (name, value) in environment) info.Environment[name] = value;
        try
        {
            return Process.Start(info) ?? throw new TargetToolException($"could not start {program}");
        }
        catch (Win32Exception e)
        {
            throw new TargetToolException($"could not start {program}: {e.Message}");
        }
    }

    // Flushes after every read so that output reaches a terminal or pipe while the guest still runs.
    private static async Task PumpAsync(Stream from, Stream to)
    {
        byte[] buffer = new byte[16 * 1024];
        int read;
        while ((read = await from.ReadAsync(buffer).ConfigureAwait(false)) > 0)
        {
            await to.WriteAsync(buffer.AsMemory(0, read)).ConfigureAwait(false);
            await to.FlushAsync().ConfigureAwait(false);
        }
    }
}
