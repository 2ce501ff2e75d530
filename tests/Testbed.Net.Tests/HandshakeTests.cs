using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

public class HandshakeTests
{
    [Fact]
    public void PassiveOpenCompletesAndAccepts()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        Assert.False(listener.CanReceive);
        bench.PeerSeq = Bench.PeerIsn;
        bench.Send(Tcp.Syn, seq: Bench.PeerIsn, ack: 0, options: Opt.Mss(1460));
        SentSegment synAck = bench.Single();
        Assert.True(synAck.Syn && synAck.HasAck);
        Assert.Equal(Bench.PeerIsn + 1, synAck.Ack);
        Assert.Equal(1460, synAck.Mss);
        Assert.Equal(Bench.ServerPort, synAck.SourcePort);
        Assert.Null(listener.Accept(out TcpError wouldBlock));
        Assert.Equal(TcpError.WouldBlock, wouldBlock);

        bench.PeerSeq = Bench.PeerIsn + 1;
        bench.PeerAck = synAck.Seq + 1;
        bench.Send(Tcp.Ack);
        bench.AssertNothingSent();
        Assert.True(listener.CanReceive);
        Assert.Contains(listener, bench.Host.Changed);
        TcpSocket accepted = listener.Accept(out TcpError error);
        Assert.Equal(TcpError.None, error);
        Assert.Equal(TcpState.Established, accepted.State);
        Assert.Equal(Bench.Peer, accepted.RemoteAddress);
        Assert.Equal(Bench.PeerPort, accepted.RemotePort);
        Assert.Equal(Bench.Us, accepted.LocalAddress);
        Assert.Equal(Bench.ServerPort, accepted.LocalPort);
        Assert.True(accepted.CanSend);
        Assert.False(accepted.CanReceive);
    }

    [Fact]
    public void ActiveOpenCompletesAndSignals()
    {
        var bench = new Bench();
        TcpSocket socket = bench.Layer.CreateSocket();
        Assert.Equal(TcpError.None, socket.Connect(Bench.Peer, Bench.ServerPort));
        Assert.False(socket.CanSend);
        SentSegment syn = bench.Single();
        Assert.True(syn.Syn && !syn.HasAck);
        Assert.InRange(syn.SourcePort, TcpLayer.FirstEphemeralPort, 65535);
        Assert.Equal(1460, syn.Mss);
        Assert.True(syn.SackPermitted);
        Assert.True(syn.HasTimestamp);
        Assert.Equal(1, syn.WindowScale); // 64 KiB needs one shift.
        Assert.Equal(TcpError.AlreadyInProgress, socket.Connect(Bench.Peer, Bench.ServerPort));

        bench.LocalPort = syn.SourcePort;
        bench.RemotePort = Bench.ServerPort;
        bench.Send(Tcp.Syn | Tcp.Ack, seq: Bench.PeerIsn, ack: syn.Seq + 1, options: Opt.Mss(1000));
        SentSegment ack = bench.Single();
        Assert.True(ack.IsPureAck);
        Assert.Equal(Bench.PeerIsn + 1, ack.Ack);
        Assert.Equal(syn.Seq + 1, ack.Seq);
        Assert.Equal(TcpState.Established, socket.State);
        Assert.Contains(socket, bench.Host.Changed);
        Assert.Equal(TcpError.IsConnected, socket.Connect(Bench.Peer, Bench.ServerPort));
    }

    [Fact]
    public void SimultaneousOpen()
    {
        var bench = new Bench();
        TcpSocket socket = bench.Layer.CreateSocket();
        Assert.Equal(TcpError.None, bench.Layer.Bind(socket, 0, 5000));
        Assert.Equal(TcpError.None, socket.Connect(Bench.Peer, 6000));
        SentSegment syn = bench.Single();
        bench.LocalPort = 5000;
        bench.RemotePort = 6000;
        // The peer's SYN crosses ours.
        bench.Send(Tcp.Syn, seq: Bench.PeerIsn, ack: 0, options: Opt.Mss(1460));
        Assert.Equal(TcpState.SynReceived, socket.State);
        SentSegment synAck = bench.Single();
        Assert.True(synAck.Syn && synAck.HasAck);
        Assert.Equal(syn.Seq, synAck.Seq);
        Assert.Equal(Bench.PeerIsn + 1, synAck.Ack);
        // The peer's SYN-ACK (same ISN): not acceptable any more, so we just ACK (RFC 9293 figure 8).
        bench.Send(Tcp.Syn | Tcp.Ack, seq: Bench.PeerIsn, ack: syn.Seq + 1, options: Opt.Mss(1460));
        SentSegment ack = bench.Single();
        Assert.True(ack.IsPureAck);
        // The peer's ACK of our SYN-ACK completes it.
        bench.PeerSeq = Bench.PeerIsn + 1;
        bench.PeerAck = syn.Seq + 1;
        bench.Send(Tcp.Ack);
        Assert.Equal(TcpState.Established, socket.State);
        Assert.Contains(socket, bench.Host.Changed);
    }

    [Fact]
    public void RetransmittedSynGetsSynAckAgain()
    {
        var bench = new Bench();
        bench.Listen();
        bench.Send(Tcp.Syn, seq: Bench.PeerIsn, ack: 0, options: Opt.Mss(1460));
        SentSegment first = bench.Single();
        bench.Send(Tcp.Syn, seq: Bench.PeerIsn, ack: 0, options: Opt.Mss(1460));
        SentSegment second = bench.Single();
        Assert.True(second.Syn && second.HasAck);
        Assert.Equal(first.Seq, second.Seq);
    }

    [Fact]
    public void SynAckIsRetransmittedThenHalfOpenConnectionDropped()
    {
        var settings = new TcpSettings { SynAckRetries = 2 };
        var bench = new Bench(settings);
        TcpSocket listener = bench.Listen();
        bench.Send(Tcp.Syn, seq: Bench.PeerIsn, ack: 0, options: Opt.Mss(1460));
        bench.Single();
        Assert.Equal(1, bench.Layer.ConnectionCount);
        long t0 = bench.Host.Now;
        Assert.True(bench.RunNextTimer());
        Assert.Equal(t0 + 1_000_000, bench.Host.Now); // Initial RTO 1 s (RFC 6298 2.1).
        Assert.True(bench.Single().Syn);
        Assert.True(bench.RunNextTimer());
        Assert.Equal(t0 + 3_000_000, bench.Host.Now); // Backed off to 2 s.
        Assert.True(bench.Single().Syn);
        Assert.True(bench.RunNextTimer());
        bench.AssertNothingSent();
        Assert.Equal(0, bench.Layer.ConnectionCount);
        Assert.Null(listener.Accept(out _));
    }

    [Fact]
    public void ConnectTimesOutAfterSynRetries()
    {
        var settings = new TcpSettings { SynRetries = 3 };
        var bench = new Bench(settings);
        TcpSocket socket = bench.Layer.CreateSocket();
        Assert.Equal(TcpError.None, socket.Connect(Bench.Peer, 80));
        long start = bench.Host.Now;
        int syns = bench.Take().Count;
        while (bench.RunNextTimer())
            syns += bench.Take().Count;
        Assert.Equal(4, syns);
        Assert.Equal(start + (1 + 2 + 4 + 8) * 1_000_000L, bench.Host.Now);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.True(socket.CanReceive);
        Assert.Equal(TcpError.TimedOut, socket.PendingError);
        Assert.Equal(0, socket.Receive(new byte[10], out TcpError error));
        Assert.Equal(TcpError.TimedOut, error);
        Assert.Equal(TcpError.None, socket.PendingError);
        Assert.Equal(0, bench.Layer.ConnectionCount);
    }

    [Fact]
    public void ConnectionRefusedByReset()
    {
        var bench = new Bench();
        TcpSocket socket = bench.Layer.CreateSocket();
        socket.Connect(Bench.Peer, 80);
        SentSegment syn = bench.Single();
        bench.LocalPort = syn.SourcePort;
        bench.RemotePort = 80;
        // A RST whose ACK does not acknowledge our SYN is ignored.
        bench.Send(Tcp.Rst | Tcp.Ack, seq: 0, ack: syn.Seq + 5);
        Assert.Equal(TcpState.SynSent, socket.State);
        bench.Take();
        bench.Send(Tcp.Rst | Tcp.Ack, seq: 0, ack: syn.Seq + 1);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.Equal(TcpError.ConnectionRefused, socket.TakeError());
        Assert.Contains(socket, bench.Host.Changed);
    }

    [Fact]
    public void SynAckWithBadAckIsAnsweredWithReset()
    {
        var bench = new Bench();
        TcpSocket socket = bench.Layer.CreateSocket();
        socket.Connect(Bench.Peer, 80);
        SentSegment syn = bench.Single();
        bench.LocalPort = syn.SourcePort;
        bench.RemotePort = 80;
        bench.Send(Tcp.Syn | Tcp.Ack, seq: Bench.PeerIsn, ack: syn.Seq + 100, options: Opt.Mss(1460));
        SentSegment rst = bench.Single();
        Assert.True(rst.Rst);
        Assert.Equal(syn.Seq + 100, rst.Seq);
        Assert.Equal(TcpState.SynSent, socket.State);
    }

    [Fact]
    public void ClosedPortAnswersSynWithResetAck()
    {
        var bench = new Bench();
        long before = NetCounters.DroppedTcpNoSocket;
        bench.Send(Tcp.Syn, seq: 500, ack: 0);
        SentSegment rst = bench.Single();
        Assert.True(rst.Rst && rst.HasAck);
        Assert.Equal(0u, rst.Seq);
        Assert.Equal(501u, rst.Ack);
        Assert.Equal(before + 1, NetCounters.DroppedTcpNoSocket);

        bench.Send(Tcp.Ack, seq: 500, ack: 777);
        rst = bench.Single();
        Assert.True(rst.Rst && !rst.HasAck);
        Assert.Equal(777u, rst.Seq);

        // Never a RST for a RST.
        bench.Send(Tcp.Rst, seq: 500, ack: 0);
        bench.AssertNothingSent();
    }

    [Fact]
    public void AckToListenerGetsReset()
    {
        var bench = new Bench();
        bench.Listen();
        bench.Send(Tcp.Ack, seq: 42, ack: 4242);
        SentSegment rst = bench.Single();
        Assert.True(rst.Rst);
        Assert.Equal(4242u, rst.Seq);
    }

    [Fact]
    public void UnreachableDestinationFailsConnect()
    {
        var bench = new Bench();
        TcpSocket socket = bench.Layer.CreateSocket();
        Assert.Equal(TcpError.HostUnreachable, socket.Connect(0x0B000001, 80));
        Assert.Equal(TcpError.AddressNotAvailable, socket.Connect(0, 80));
    }

    [Fact]
    public void IsnsDifferPerConnectionAndAdvanceWithTime()
    {
        var bench = new Bench();
        var a = bench.Layer.CreateSocket();
        a.Connect(Bench.Peer, 80);
        uint isnA = bench.Single().Seq;
        var b = bench.Layer.CreateSocket();
        b.Connect(Bench.Peer, 81);
        uint isnB = bench.Single().Seq;
        Assert.NotEqual(isnA, isnB);
    }
}
