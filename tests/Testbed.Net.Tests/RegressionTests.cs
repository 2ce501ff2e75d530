using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

public class RegressionTests
{
    /// <summary>
    /// A passive connection whose peer's ISN lies 2^31 or more from 0 announced no real window edge
    /// (it started at 0, and Seq.Max(0, edge) kept 0), so it took data far beyond its window and
    /// never sent window updates after reads.
    /// </summary>
    [Theory]
    [InlineData(1_000_000u)]
    [InlineData(3_000_000_000u)]
    public void PassiveOpenKeepsItsWindowWhateverThePeersIsn(uint peerIsn)
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        bench.RemotePort = Bench.PeerPort;
        bench.Send(Tcp.Syn, seq: peerIsn, ack: 0, options: Bench.DefaultSynOptions);
        SentSegment synAck = bench.Single();
        bench.PeerSeq = peerIsn + 1;
        bench.PeerAck = synAck.Seq + 1;
        bench.Send(Tcp.Ack);
        TcpSocket socket = listener.Accept(out _);
        Assert.NotNull(socket);
        // Beyond the 64 KiB window: dropped and answered with an ACK, not stored out of order.
        long outOfWindow = NetCounters.DroppedTcpOutOfWindow;
        bench.Send(Tcp.Ack | Tcp.Psh, seq: bench.PeerSeq + 70_000, payload: Bench.Bytes(100));
        Assert.Equal(outOfWindow + 1, NetCounters.DroppedTcpOutOfWindow);
        Assert.Equal(bench.PeerSeq, bench.Single().Ack);
    }
}
