namespace Testbed.Backend.Targets;

public enum RunOutcome
{
    /// <summary>The program exited; <see cref="RunResult.ExitCode"/> is its code.</summary>
    Exited,
    /// <summary>Killed after <see cref="RunOptions.Timeout"/>.</summary>
    TimedOut,
    /// <summary>PVH only: the guest reset without reporting an exit, which with -no-reboot is almost
    /// always a triple fault (an exception with no handler installed, e.g. a bad memory access).</summary>
    GuestReset,
    /// <summary>The emulator or the program could not run; see <see cref="RunResult.Diagnostics"/>.</summary>
    Failed,
}

/// <summary>The outcome of running an image on either target. Standard output was streamed to the
/// caller during the run; it is not repeated here.</summary>
/// <param name="ExitCode">The program's exit code when <see cref="Outcome"/> is Exited, else null.</param>
/// <param name="Control">PVH control channel lines (key=value), e.g. exit, boot_tsc_to_main, tsc_khz.</param>
/// <param name="Diagnostics">Standard error of QEMU or of the program, plus notes from the runner.</param>
/// <param name="ProcessStatus">Raw exit status of QEMU or of the program, when it exited by itself.</param>
/// <param name="CommandLine">What was run, quoted for a shell, for reproducing by hand.</param>
public sealed record RunResult(
    RunOutcome Outcome,
    int? ExitCode,
    IReadOnlyDictionary<string, string> Control,
    string Diagnostics,
    int? ProcessStatus,
    TimeSpan WallTime,
    string CommandLine)
{
    /// <summary>The conventional status for a timeout (that of coreutils' timeout).</summary>
    public const int TimeoutExitCode = 124;

    public bool TimedOut => Outcome == RunOutcome.TimedOut;

    /// <summary>What the program wrote to its standard error: the process's stderr on linux, the
    /// second serial port (COM2) on pvh. Kept apart from stdout so outputs compare with CoreCLR's.</summary>
    public string ProgramStderr { get; init; } = "";

    /// <summary>One line for the user explaining anything but a normal exit.</summary>
    public string Describe() => Outcome switch
    {
        RunOutcome.Exited => $"exited with code {ExitCode}",
        RunOutcome.TimedOut => $"timed out after {WallTime.TotalSeconds:0.#} s and was killed",
        RunOutcome.GuestReset => "the guest reset without reporting an exit code (a triple fault: an unhandled CPU exception)",
        _ => "could not run: " + Diagnostics.Trim(),
    };
}
