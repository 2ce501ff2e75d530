namespace Testbed.Backend.Targets;

/// <summary>Runs a linux-target executable as a child process, with the same result type as QEMU runs.</summary>
public static class NativeRunner
{
    public static async Task<RunResult> RunAsync(string executablePath, Stream stdout, RunOptions options,
        CancellationToken cancellation = default)
    {
        string program = Path.GetFullPath(executablePath);
        ProcessRunner.Finished run = await ProcessRunner.RunStreamingAsync(program, options.ProgramArguments, stdout,
            options.Timeout, cancellation).ConfigureAwait(false);
        string commandLine = ProcessRunner.Quote(program, options.ProgramArguments);
        var noControl = new Dictionary<string, string>();
        return run.TimedOut
            ? new RunResult(RunOutcome.TimedOut, null, noControl, run.StandardError, null, run.WallTime, commandLine) { ProgramStderr = run.StandardError }
            // A process killed by a signal reports 128 + the signal number, as a shell would.
            : new RunResult(RunOutcome.Exited, run.Status, noControl, run.StandardError, run.Status, run.WallTime, commandLine) { ProgramStderr = run.StandardError };
    }

    public static RunResult Run(string executablePath, Stream stdout, RunOptions options) =>
        RunAsync(executablePath, stdout, options).GetAwaiter().GetResult();
}
