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
}
