using Testbed.Bench.Servers;
using Xunit;

namespace Testbed.Tests.Bench;

/// <summary>What the harness reads from a Testbed linux server's last words: copies by site and layer calls.</summary>
public sealed class ExitCountersTests
{
    // As libos/net/sockets/NetworkLoop.cs and libos/platform/common/LayerCallCounters.cs print them.
    private const string Stderr = """
        testbed net: bytes copied 21000 (into send buffers 5000, into segments 5000, into receive buffers 3000, to the application 3000, datagrams 0, by the device 5000)
        testbed layer calls: app -> corlib 1200
        testbed layer calls: corlib -> libos.net.sockets 400
        testbed: exited with code 143
        """;

    [Fact]
    public void CopiesBySiteAndLayerCallsAreRead()
    {
        var counters = ExitCounters.Parse(Stderr)!;
        Assert.Equal(21000, counters.BytesCopied);
        Assert.Equal(6, counters.CopiedBySite!.Count);
        Assert.Equal(5000, counters.CopiedBySite["into send buffers"]);
        Assert.Equal(3000, counters.CopiedBySite["to the application"]);
        Assert.Equal(0, counters.CopiedBySite["datagrams"]);
        Assert.Equal(counters.BytesCopied, counters.CopiedBySite.Values.Sum());
        Assert.Equal(new Dictionary<string, long> { ["app -> corlib"] = 1200, ["corlib -> libos.net.sockets"] = 400 }, counters.LayerCalls);
    }

    [Fact]
    public void AReportSeenTwiceCountsOnce()
    {
        var counters = ExitCounters.Parse(Stderr + Stderr)!;
        Assert.Equal(1200, counters.LayerCalls!["app -> corlib"]);
        Assert.Equal(2, counters.LayerCalls.Count);
    }

    [Fact]
    public void AnUninstrumentedServerHasNoLayerCallsAndSilenceIsNothing()
    {
        Assert.Null(ExitCounters.Parse("testbed net: bytes copied 10 (into send buffers 10)")!.LayerCalls);
        Assert.Null(ExitCounters.Parse("testbed: exited with code 0\n"));
    }
}
