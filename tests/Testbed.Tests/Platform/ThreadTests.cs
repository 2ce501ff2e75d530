using System.Text.RegularExpressions;
using Xunit;

namespace Testbed.Tests.Platform;

/// <summary>Cooperative green threads on both targets: blocking primitives, the scheduler's hand-overs at scale, stacks as GC roots.</summary>
public sealed class ThreadTests
{
    [Theory]
    [InlineData("pvh")]
    [InlineData("linux")]
    public void AThousandGreenThreadsPassATokenRoundARingOfSemaphores(string target)
    {
        var outcome = GuestProgram.Run("threads", target: target);
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        // Every thread ran, each hand-over came from its predecessor, and all stacks were given back.
        Assert.Equal("live 1000\npasses 10000\nin order True\nlive 0\n", outcome.Stdout);
    }

    /// <summary>The pvh run is in Gc/GcGuestTests.cs.</summary>
    [Fact]
    public void SuspendedGreenThreadsKeepWhatTheirStacksReferenceOnLinux()
    {
        var outcome = GuestProgram.Run("gcthreads", target: "linux");
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        Assert.Equal("correct 50 of 50\ncollected True\n", outcome.Stdout);
    }

    [Fact]
    public void ARecursingGreenThreadHitsItsOwnGuardPageAndIsReportedAsAStackOverflow()
    {
        var outcome = GuestProgram.Run("threadoverflow");
        Assert.True(outcome.ExitCode == 240, outcome.Describe());
        Assert.Equal("spawned\n", outcome.Stdout);
        var lines = outcome.Stderr.Split('\n');
        Assert.Equal("PANIC: stack overflow (guard page hit)", lines[0]);
        Assert.StartsWith("PANIC: page fault (#PF, vector 14) error code 0x2 at address 0x", lines[1]);
        Assert.EndsWith(" in Program::Recurse(System.Int32)", lines[2]);
    }

    /// <summary>On Linux the guard page below a thread's stack raises SIGSEGV, which is reported as PVH reports the overflow (libos/platform/linux/FaultSignals.cs).</summary>
    [Fact]
    public void OnLinuxAGreenThreadsStackOverflowIsReportedAsAStackOverflow()
    {
        var outcome = GuestProgram.Run("threadoverflow", target: "linux");
        Assert.Equal("spawned\n", outcome.Stdout);
        Assert.True(outcome.ExitCode == 240, outcome.Describe());
        var lines = outcome.Stderr.Split('\n');
        Assert.Equal("PANIC: stack overflow (guard page hit)", lines[0]);
        Assert.StartsWith("PANIC: segmentation fault (SIGSEGV) at address 0x", lines[1]);
    }

    /// <summary>
    /// ppoll as the idle loop: a thread blocked on a pipe wakes when another writes to it, a wait on
    /// a silent descriptor ends at its deadline, and busy threads do not starve a ready descriptor.
    /// </summary>
    [Fact]
    public void OnLinuxThreadsWaitForFileDescriptorsInTheEventLoop()
    {
        var outcome = GuestProgram.Run("waitfile", target: "linux");
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        Assert.Matches(new Regex("^live 0\nread ready True\ntimed out True after \\d+ ms\nready while busy True\n$"), outcome.Stdout);
    }
}
