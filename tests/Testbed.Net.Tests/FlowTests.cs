using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

/// <summary>Delayed ACKs, Nagle, windows: zero window, persist probes, reopening, silly window avoidance.</summary>
public class FlowTests
{
    private static (Bench, TcpSocket) Established(TcpSettings settings = null)
    {
        var bench = new Bench(settings);
        TcpSocket socket = bench.ConnectHandshake();
        return (bench, socket);
    }

    [Fact]
    public void SingleSegmentIsAckedByTheDelayedAckTimer()
    {
        var (bench, socket) = Established();
        long before = TcpCounters.DelayedAcks;
        bench.SendData(Bench.Bytes(100));
        bench.AssertNothingSent();
        bench.Advance(39_999);
        bench.AssertNothingSent();
        bench.Advance(1);
        SentSegment ack = bench.Single();
        Assert.Equal(bench.PeerSeq, ack.Ack);
        Assert.Equal(before + 1, TcpCounters.DelayedAcks);
    }

    [Fact]
    public void TheFirstSegmentsOfAConnectionAreAckedAtOnceThenAckingIsDelayed()
    {
        var (bench, socket) = Established(new TcpSettings { QuickAcksAtStart = 2 });
        bench.SendData(Bench.Bytes(100));
        Assert.Equal(bench.PeerSeq, bench.Single().Ack);
        bench.SendData(Bench.Bytes(100));
        Assert.Equal(bench.PeerSeq, bench.Single().Ack);
        bench.SendData(Bench.Bytes(100));
        bench.AssertNothingSent();
        GC.KeepAlive(socket);
    }

    [Fact]
    public void EverySecondFullSegmentIsAckedAtOnce()
    {
        var (bench, socket) = Established();
        bench.SendData(Bench.Bytes(1460));
        bench.AssertNothingSent();
        bench.SendData(Bench.Bytes(1460));
        Assert.Equal(bench.PeerSeq, bench.Single().Ack);
        bench.SendData(Bench.Bytes(1460));
        bench.AssertNothingSent();
        bench.SendData(Bench.Bytes(1460));
        Assert.Single(bench.Take());
    }

    [Fact]
    public void OutOfOrderSegmentsAndFinAreAckedAtOnce()
    {
        var (bench, socket) = Established();
        bench.Send(Tcp.Ack, seq: bench.PeerSeq + 100, payload: Bench.Bytes(100));
        Assert.Equal(bench.PeerSeq, bench.Single().Ack);
        // Filling the hole is ACKed at once too.
        bench.Send(Tcp.Ack, payload: Bench.Bytes(100));
        Assert.Equal(bench.PeerSeq + 200, bench.Single().Ack);
        bench.PeerSeq += 200;
        bench.SendFin();
        Assert.Equal(bench.PeerSeq, bench.Single().Ack);
        Assert.Equal(200, Bench.ReadAll(socket).Length);
    }

    [Fact]
    public void ResponseCarriesTheAck()
    {
        var (bench, socket) = Established();
        bench.SendData(Bench.Bytes(100));
        bench.AssertNothingSent();
        Bench.ReadAll(socket);
        socket.Send(Bench.Bytes(50), out _);
        SentSegment response = bench.Single();
        Assert.Equal(50, response.Length);
        Assert.Equal(bench.PeerSeq, response.Ack);
        bench.Advance(100_000);
        bench.AssertNothingSent(); // No separate delayed ACK afterwards.
    }

    [Fact]
    public void NagleHoldsSmallSegmentsWhileOneIsUnacknowledged()
    {
        var (bench, socket) = Established();
        socket.Send(Bench.Bytes(10), out _);
        Assert.Equal(10, bench.Single().Length);
        socket.Send(Bench.Bytes(10), out _);
        socket.Send(Bench.Bytes(10), out _);
        bench.AssertNothingSent();
        bench.PeerAck += 10;
        bench.Send(Tcp.Ack);
        Assert.Equal(20, bench.Single().Length);
    }

    [Fact]
    public void NagleDoesNotHoldTheTailAfterFullSegments()
    {
        var (bench, socket) = Established();
        socket.Send(Bench.Bytes(1460 * 2 + 100), out _);
        var sent = bench.Take();
        Assert.Equal(new[] { 1460, 1460, 100 }, sent.Select(s => s.Length).ToArray());
    }

    [Fact]
    public void NoDelaySendsEverySmallWrite()
    {
        var (bench, socket) = Established();
        socket.NoDelay = true;
        for (int i = 0; i < 3; i++)
            socket.Send(Bench.Bytes(10), out _);
        Assert.Equal(3, bench.Take().Count);
    }

    [Fact]
    public void ZeroWindowIsProbedAndReopens()
    {
        var (bench, socket) = Established();
        socket.NoDelay = true;
        bench.PeerWindow = 0;
        bench.Send(Tcp.Ack);
        long probesBefore = TcpCounters.ZeroWindowProbes;
        Assert.Equal(1000, socket.Send(Bench.Bytes(1000), out _));
        bench.AssertNothingSent();
        long start = bench.Host.Now;
        Assert.True(bench.RunNextTimer());
        SentSegment probe = bench.Single();
        Assert.Equal(bench.PeerAck - 1, probe.Seq);
        Assert.Equal(0, probe.Length);
        Assert.Equal(200_000, bench.Host.Now - start);
        // The peer answers with a still-zero window; the next probe backs off.
        bench.Send(Tcp.Ack);
        Assert.True(bench.RunNextTimer());
        bench.Single();
        Assert.Equal(600_000, bench.Host.Now - start);
        Assert.Equal(probesBefore + 2, TcpCounters.ZeroWindowProbes);
        Assert.Equal(TcpState.Established, socket.State);
        // The window opens: the data goes.
        bench.PeerWindow = 65535;
        bench.Send(Tcp.Ack);
        Assert.Equal(1000, bench.Single().Length);
    }

    [Fact]
    public void ReceiveWindowClosesAndReopensWithAnUpdate()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        listener.ReceiveBufferSize = 8192;
        TcpSocket socket = bench.AcceptHandshake(listener);
        for (int i = 0; i < 8; i++)
            bench.SendData(Bench.Bytes(1024));
        SentSegment last = bench.Take()[^1];
        Assert.Equal(0, last.Window);
        Assert.Equal(bench.PeerSeq, last.Ack);
        // More data is out of window: dropped, counted, answered with an ACK.
        long before = NetCounters.DroppedTcpOutOfWindow;
        bench.Send(Tcp.Ack, payload: Bench.Bytes(100));
        Assert.Equal(0, bench.Single().Window);
        Assert.Equal(before, NetCounters.DroppedTcpOutOfWindow); // At RCV.NXT with a zero window: the ACK part is taken.
        // A probe (SEQ = RCV.NXT - 1) is answered.
        bench.Send(Tcp.Ack, seq: bench.PeerSeq - 1);
        Assert.Equal(0, bench.Single().Window);
        // The application reads a little: too little to announce (silly window avoidance).
        var small = new byte[100];
        socket.Receive(small, out _);
        bench.AssertNothingSent();
        // It reads the rest: a window update goes out at once.
        Assert.Equal(8092, socket.Receive(new byte[10000], out _));
        SentSegment update = bench.Single();
        Assert.Equal(8192, update.Window);
    }

    [Fact]
    public void SenderAvoidsSillyWindow()
    {
        var (bench, socket) = Established();
        socket.NoDelay = true;
        socket.Send(Bench.Bytes(2000), out _);
        Assert.Equal(2000, bench.Take().Sum(s => s.Length));
        // The peer acknowledges half and offers a tiny window while data is in flight.
        bench.PeerAck += 1000;
        bench.Send(Tcp.Ack, window: 1010);
        socket.Send(Bench.Bytes(5000), out _);
        bench.AssertNothingSent(); // 10 bytes of room: not worth a segment.
        bench.PeerAck += 1000;
        bench.Send(Tcp.Ack, window: 65535);
        Assert.Equal(5000, bench.Take().Sum(s => s.Length));
    }

    [Fact]
    public void SendBufferFillsAndDrains()
    {
        var (bench, socket) = Established();
        socket.SendBufferSize = 4096; // Too late: buffers exist once established.
        Assert.Equal(TcpSocket.DefaultBufferSize, socket.SendBufferSize);
        bench.PeerWindow = 0;
        bench.Send(Tcp.Ack);
        Assert.Equal(65536, socket.Send(new byte[100_000], out _));
        Assert.False(socket.CanSend);
        Assert.Equal(0, socket.Send(new byte[10], out TcpError error));
        Assert.Equal(TcpError.WouldBlock, error);
        bench.PeerWindow = 65535;
        bench.Send(Tcp.Ack);
        var sent = bench.Take();
        uint sentBytes = (uint)sent.Sum(s => s.Length);
        bench.PeerAck += sentBytes;
        bench.Host.Changed.Clear();
        bench.Send(Tcp.Ack);
        Assert.True(socket.CanSend);
        Assert.Contains(socket, bench.Host.Changed);
    }

    [Fact]
    public void CopiesAreCountedAtEachSite()
    {
        var (bench, socket) = Established();
        socket.NoDelay = true;
        long intoSend = NetCounters.CopiedIntoSendBuffer, intoSegment = NetCounters.CopiedIntoSegment;
        long intoReceive = NetCounters.CopiedIntoReceiveBuffer, toApp = NetCounters.CopiedToApplication;
        socket.Send(Bench.Bytes(3000), out _);
        bench.SendData(Bench.Bytes(700));
        Bench.ReadAll(socket);
        Assert.Equal(3000, NetCounters.CopiedIntoSendBuffer - intoSend);
        Assert.Equal(3000, NetCounters.CopiedIntoSegment - intoSegment);
        Assert.Equal(700, NetCounters.CopiedIntoReceiveBuffer - intoReceive);
        Assert.Equal(700, NetCounters.CopiedToApplication - toApp);
    }
}
