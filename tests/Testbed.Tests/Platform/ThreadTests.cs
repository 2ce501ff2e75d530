using Xunit;

namespace Testbed.Tests.Platform;

/// <summary>Cooperative green threads: blocking primitives, and the scheduler's hand-overs at scale.</summary>
public sealed class ThreadTests
{
    [Fact]
    public void AThousandGreenThreadsPassATokenRoundARingOfSemaphores()
    {
        var outcome = GuestProgram.Run("threads");
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        // Every thread ran, each hand-over came from its predecessor, and all stacks were given back.
        Assert.Equal("live 1000\npasses 10000\nin order True\nlive 0\n", outcome.Stdout);
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
}
