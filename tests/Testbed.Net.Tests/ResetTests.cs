using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

/// <summary>RST handling in every state, and RFC 5961's blind-attack defences.</summary>
public class ResetTests
{
    private static (Bench, TcpSocket) Established(TcpSettings settings = null)
    {
        var bench = new Bench(settings);
        TcpSocket listener = bench.Listen();
        TcpSocket socket = bench.AcceptHandshake(listener);
        listener.Close();
        return (bench, socket);
    }

    [Fact]
    public void ExactResetInEstablishedResetsTheConnection()
    {
        var (bench, socket) = Established();
        long before = TcpCounters.ResetsReceived;
        bench.Send(Tcp.Rst);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.True(socket.CanReceive && socket.CanSend);
        Assert.Equal(0, socket.Receive(new byte[4], out TcpError error));
        Assert.Equal(TcpError.ConnectionReset, error);
        Assert.Equal(before + 1, TcpCounters.ResetsReceived);
        Assert.Contains(socket, bench.Host.Changed);
        bench.AssertNothingSent();
    }

    [Fact]
    public void InWindowResetIsChallenged()
    {
        var (bench, socket) = Established();
        long before = TcpCounters.ChallengeAcks;
        bench.Send(Tcp.Rst, seq: bench.PeerSeq + 1000);
        Assert.Equal(TcpState.Established, socket.State);
        SentSegment challenge = bench.Single();
        Assert.True(challenge.IsPureAck);
        Assert.Equal(bench.PeerSeq, challenge.Ack);
        Assert.Equal(before + 1, TcpCounters.ChallengeAcks);
    }

    [Fact]
    public void OutOfWindowResetIsDroppedAndCounted()
    {
        var (bench, socket) = Established();
        long before = NetCounters.DroppedTcpOutOfWindow;
        bench.Send(Tcp.Rst, seq: bench.PeerSeq + 200_000);
        bench.Send(Tcp.Rst, seq: bench.PeerSeq - 1);
        Assert.Equal(TcpState.Established, socket.State);
        bench.AssertNothingSent();
        Assert.Equal(before + 2, NetCounters.DroppedTcpOutOfWindow);
    }

    [Fact]
    public void SynInEstablishedIsChallenged()
    {
        var (bench, socket) = Established();
        bench.Send(Tcp.Syn, seq: bench.PeerSeq + 5, ack: 0, options: Opt.Mss(1460));
        Assert.Equal(TcpState.Established, socket.State);
        SentSegment challenge = bench.Single();
        Assert.True(challenge.IsPureAck);
        Assert.Equal(bench.PeerSeq, challenge.Ack);
    }

    [Fact]
    public void ChallengeAcksAreRateLimited()
    {
        var (bench, socket) = Established(new TcpSettings { ChallengeAcksPerSecond = 3 });
        long suppressed = TcpCounters.ChallengeAcksSuppressed;
        for (int i = 0; i < 5; i++)
            bench.Send(Tcp.Rst, seq: bench.PeerSeq + 10 + (uint)i);
        Assert.Equal(3, bench.Take().Count);
        Assert.Equal(suppressed + 2, TcpCounters.ChallengeAcksSuppressed);
        bench.Advance(1_000_000);
        bench.Send(Tcp.Rst, seq: bench.PeerSeq + 10);
        Assert.Single(bench.Take());
    }

    [Fact]
    public void AckForUnsentDataIsAnsweredAndDropped()
    {
        var (bench, socket) = Established();
        bench.Send(Tcp.Ack | Tcp.Psh, ack: bench.PeerAck + 5000, payload: Bench.Bytes(10));
        SentSegment ack = bench.Single();
        Assert.Equal(bench.PeerSeq, ack.Ack); // The payload was not taken.
        Assert.Equal(0, socket.Available);
    }

    [Fact]
    public void ImplausiblyOldAckIsChallenged()
    {
        var (bench, socket) = Established();
        long before = TcpCounters.ChallengeAcks;
        bench.Send(Tcp.Ack | Tcp.Psh, ack: bench.PeerAck - 1_000_000, payload: Bench.Bytes(10));
        Assert.Single(bench.Take());
        Assert.Equal(0, socket.Available);
        Assert.Equal(before + 1, TcpCounters.ChallengeAcks);
    }

    [Fact]
    public void ResetInSynReceivedDropsTheHalfOpenConnection()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        bench.Send(Tcp.Syn, seq: Bench.PeerIsn, ack: 0, options: Opt.Mss(1460));
        bench.Single();
        Assert.Equal(1, bench.Layer.ConnectionCount);
        bench.Send(Tcp.Rst, seq: Bench.PeerIsn + 1, ack: 0);
        Assert.Equal(0, bench.Layer.ConnectionCount);
        Assert.Equal(TcpState.Listen, listener.State);
        // The listener still takes a new connection.
        bench.AcceptHandshake(listener);
    }

    [Theory]
    [InlineData(TcpState.FinWait1)]
    [InlineData(TcpState.FinWait2)]
    [InlineData(TcpState.CloseWait)]
    [InlineData(TcpState.Closing)]
    [InlineData(TcpState.LastAck)]
    [InlineData(TcpState.TimeWait)]
    public void ResetInClosingStatesEndsTheConnection(TcpState target)
    {
        var (bench, socket) = Established();
        switch (target)
        {
            case TcpState.FinWait1:
                socket.ShutdownSend();
                break;
            case TcpState.FinWait2:
                socket.ShutdownSend();
                bench.PeerAck++;
                bench.Send(Tcp.Ack);
                break;
            case TcpState.CloseWait:
                bench.SendFin();
                break;
            case TcpState.Closing:
                socket.ShutdownSend();
                bench.SendFin();
                break;
            case TcpState.LastAck:
                bench.SendFin();
                socket.ShutdownSend();
                break;
            case TcpState.TimeWait:
                socket.ShutdownSend();
                bench.PeerAck++;
                bench.SendFin();
                break;
        }
        Assert.Equal(target, socket.State);
        bench.Take();
        bench.Send(Tcp.Rst);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.Equal(0, bench.Layer.ConnectionCount);
        bench.AssertNothingSent();
    }

    [Fact]
    public void ResetInSynSentWithoutAckIsIgnored()
    {
        var bench = new Bench();
        TcpSocket socket = bench.Layer.CreateSocket();
        socket.Connect(Bench.Peer, 80);
        SentSegment syn = bench.Single();
        bench.LocalPort = syn.SourcePort;
        bench.RemotePort = 80;
        bench.Send(Tcp.Rst, seq: 1234, ack: 0);
        Assert.Equal(TcpState.SynSent, socket.State);
    }
}
