using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

public class CloseTests
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
    public void ActiveCloseThroughTimeWait()
    {
        var (bench, socket) = Established(new TcpSettings { TimeWaitMicroseconds = 10_000_000 });
        socket.Close();
        Assert.Equal(TcpState.FinWait1, socket.State);
        SentSegment fin = bench.Single();
        Assert.True(fin.Fin && fin.HasAck);
        Assert.Equal(bench.OurIsn + 1, fin.Seq);
        bench.PeerAck = fin.Seq + 1;
        bench.Send(Tcp.Ack);
        Assert.Equal(TcpState.FinWait2, socket.State);
        bench.AssertNothingSent();
        bench.SendFin();
        Assert.Equal(TcpState.TimeWait, socket.State);
        SentSegment ack = bench.Single();
        Assert.True(ack.IsPureAck);
        Assert.Equal(bench.PeerSeq, ack.Ack);
        // A retransmitted FIN is ACKed again.
        bench.Send(Tcp.Fin | Tcp.Ack, seq: bench.PeerSeq - 1);
        Assert.True(bench.Single().IsPureAck);
        Assert.Equal(1, bench.Layer.ConnectionCount);
        bench.Advance(9_999_000);
        Assert.Equal(TcpState.TimeWait, socket.State);
        bench.Advance(1_000);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.Equal(0, bench.Layer.ConnectionCount);
    }

    [Fact]
    public void PassiveCloseThroughLastAck()
    {
        var (bench, socket) = Established();
        bench.SendData(Bench.Bytes(100));
        bench.SendFin();
        Assert.Equal(TcpState.CloseWait, socket.State);
        SentSegment ack = bench.Single(); // The FIN is ACKed at once.
        Assert.Equal(bench.PeerSeq, ack.Ack);
        Assert.True(socket.CanReceive);
        Assert.Equal(100, Bench.ReadAll(socket).Length);
        Assert.Equal(0, socket.Receive(new byte[10], out TcpError eof));
        Assert.Equal(TcpError.None, eof);
        // Still allowed to send in CLOSE-WAIT.
        Assert.Equal(5, socket.Send(Bench.Bytes(5), out _));
        SentSegment data = bench.Single();
        Assert.Equal(5, data.Length);
        bench.PeerAck += 5;
        bench.Send(Tcp.Ack);
        socket.Close();
        Assert.Equal(TcpState.LastAck, socket.State);
        SentSegment fin = bench.Single();
        Assert.True(fin.Fin);
        bench.PeerAck = fin.Seq + 1;
        bench.Send(Tcp.Ack);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.Equal(0, bench.Layer.ConnectionCount);
    }

    [Fact]
    public void SimultaneousCloseThroughClosing()
    {
        var (bench, socket) = Established(new TcpSettings { TimeWaitMicroseconds = 1_000_000 });
        socket.ShutdownSend();
        SentSegment fin = bench.Single();
        Assert.True(fin.Fin);
        // The peer's FIN crosses ours and does not acknowledge it.
        bench.SendFin();
        Assert.Equal(TcpState.Closing, socket.State);
        Assert.True(bench.Single().IsPureAck);
        bench.PeerAck = fin.Seq + 1;
        bench.Send(Tcp.Ack);
        Assert.Equal(TcpState.TimeWait, socket.State);
        bench.Advance(1_000_000);
        Assert.Equal(TcpState.Closed, socket.State);
    }

    [Fact]
    public void FinAndAckTogetherFromFinWait1GoToTimeWait()
    {
        var (bench, socket) = Established();
        socket.Close();
        SentSegment fin = bench.Single();
        bench.PeerAck = fin.Seq + 1;
        bench.SendFin();
        Assert.Equal(TcpState.TimeWait, socket.State);
    }

    [Fact]
    public void HalfCloseStillReceives()
    {
        var (bench, socket) = Established();
        socket.ShutdownSend();
        SentSegment fin = bench.Single();
        bench.PeerAck = fin.Seq + 1;
        bench.Send(Tcp.Ack);
        Assert.Equal(TcpState.FinWait2, socket.State);
        Assert.Equal(0, socket.Send(Bench.Bytes(3), out TcpError error));
        Assert.Equal(TcpError.Shutdown, error);
        bench.SendData(Bench.Bytes(300));
        Assert.Equal(300, Bench.ReadAll(socket).Length);
    }

    [Fact]
    public void OrphanedFinWait2TimesOut()
    {
        var (bench, socket) = Established(new TcpSettings { FinWait2TimeoutMicroseconds = 5_000_000 });
        socket.Close();
        SentSegment fin = bench.Single();
        bench.PeerAck = fin.Seq + 1;
        bench.Send(Tcp.Ack);
        Assert.Equal(TcpState.FinWait2, socket.State);
        bench.Advance(5_000_000);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.Equal(0, bench.Layer.ConnectionCount);
    }

    [Fact]
    public void CloseWithUnreadDataSendsReset()
    {
        var (bench, socket) = Established();
        bench.SendData(Bench.Bytes(10));
        bench.Take();
        socket.Close();
        SentSegment rst = bench.Single();
        Assert.True(rst.Rst);
        Assert.Equal(bench.PeerAck, rst.Seq);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.Equal(0, bench.Layer.ConnectionCount);
    }

    [Fact]
    public void DataAfterCloseIsAnsweredWithReset()
    {
        var (bench, socket) = Established();
        socket.Close();
        SentSegment fin = bench.Single();
        bench.PeerAck = fin.Seq + 1;
        bench.SendData(Bench.Bytes(10));
        Assert.True(bench.Single().Rst);
        Assert.Equal(0, bench.Layer.ConnectionCount);
    }

    [Fact]
    public void FinIsSentAfterQueuedData()
    {
        var (bench, socket) = Established();
        socket.NoDelay = true;
        bench.PeerWindow = 1000;
        bench.Send(Tcp.Ack);
        Assert.Equal(3000, socket.Send(Bench.Bytes(3000), out _));
        socket.Close();
        var sent = bench.Take();
        Assert.Single(sent);
        Assert.False(sent[0].Fin);
        Assert.Equal(1000, sent[0].Length);
        bench.PeerWindow = 65535;
        bench.PeerAck += 1000;
        bench.Send(Tcp.Ack);
        sent = bench.Take();
        Assert.Equal(2000, sent.Sum(s => s.Length));
        Assert.True(sent[^1].Fin);
        Assert.Equal(TcpState.FinWait1, socket.State);
    }

    [Fact]
    public void AbortSendsResetAndFreesAtOnce()
    {
        var (bench, socket) = Established();
        socket.Abort();
        SentSegment rst = bench.Single();
        Assert.True(rst.Rst);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.Equal(0, bench.Layer.ConnectionCount);
        // The peer's next segment meets a closed port.
        bench.SendData(Bench.Bytes(5));
        Assert.True(bench.Single().Rst);
    }

    [Fact]
    public void TimeWaitIsReusedByANewerSyn()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        TcpSocket socket = bench.AcceptHandshake(listener);
        uint oldIsn = bench.OurIsn;
        socket.Close();
        SentSegment fin = bench.Single();
        bench.PeerAck = fin.Seq + 1;
        bench.SendFin();
        bench.Take();
        Assert.Equal(TcpState.TimeWait, socket.State);
        // An old (lower) SYN is challenged, not accepted.
        bench.Send(Tcp.Syn, seq: Bench.PeerIsn - 10, ack: 0, options: Opt.Mss(1460));
        SentSegment challenge = bench.Single();
        Assert.False(challenge.Syn);
        // A higher SYN opens a new connection through the listener, with a higher ISN.
        bench.Send(Tcp.Syn, seq: bench.PeerSeq + 100_000, ack: 0, options: Opt.Mss(1460));
        SentSegment synAck = bench.Single();
        Assert.True(synAck.Syn && synAck.HasAck);
        Assert.True((int)(synAck.Seq - (oldIsn + 65536)) > 0);
        Assert.Equal(TcpState.Closed, socket.State);
    }
}
