using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

/// <summary>MSS, window scale, timestamps and SACK-permitted negotiation (RFC 9293 3.7.1, RFC 7323, RFC 2018).</summary>
public class OptionsTests
{
    [Fact]
    public void SynAckAnswersOnlyTheOptionsOffered()
    {
        var bench = new Bench();
        bench.Listen();
        bench.Send(Tcp.Syn, seq: Bench.PeerIsn, ack: 0, options: Opt.Concat(Opt.Mss(1400), Opt.WindowScale(7), Opt.SackPermitted(), Opt.Timestamp(777, 0)));
        SentSegment synAck = bench.Single();
        Assert.Equal(1460, synAck.Mss);
        Assert.Equal(1, synAck.WindowScale);
        Assert.True(synAck.SackPermitted);
        Assert.True(synAck.HasTimestamp);
        Assert.Equal(777u, synAck.TsEcr);
        Assert.Equal(65535, synAck.Window); // SYN windows are never scaled.

        var plain = new Bench();
        plain.Listen();
        plain.Send(Tcp.Syn, seq: Bench.PeerIsn, ack: 0);
        synAck = plain.Single();
        Assert.Equal(1460, synAck.Mss);
        Assert.Equal(-1, synAck.WindowScale);
        Assert.False(synAck.SackPermitted);
        Assert.False(synAck.HasTimestamp);
    }

    [Fact]
    public void WithoutMssOptionTheDefault536IsUsed()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        TcpSocket socket = bench.AcceptHandshake(listener, synOptions: Array.Empty<byte>());
        socket.NoDelay = true;
        socket.Send(Bench.Bytes(2000), out _);
        var sent = bench.Take();
        Assert.All(sent, s => Assert.True(s.Length <= 536));
        Assert.Equal(536, sent[0].Length);
    }

    [Fact]
    public void PeerMssAndRouteMssBothCap()
    {
        var bench = new Bench(mss: 1000);
        TcpSocket listener = bench.Listen();
        TcpSocket socket = bench.AcceptHandshake(listener, synOptions: Opt.Mss(1460));
        socket.Send(Bench.Bytes(5000), out _);
        Assert.Equal(1000, bench.Take()[0].Length);
    }

    [Fact]
    public void WithSegmentationOffloadOnePacketCarriesTheWriteAndTheDeviceCutsItAtThePeersMssLessTimestamps()
    {
        var bench = new Bench();
        bench.Host.Offloads = NetOffloads.TcpChecksum | NetOffloads.TcpSegmentation;
        TcpSocket listener = bench.Listen();
        TcpSocket socket = bench.AcceptHandshake(listener, synOptions: Opt.Concat(Opt.Mss(536), Opt.Timestamp(100, 0)));
        bench.PeerTimestamps = true;
        socket.Send(Bench.Bytes(5000), out _);
        var sent = bench.Take();
        // The initial window of 10 segments of 524 bytes (536 less the 12-byte timestamp option) in one packet.
        Assert.Single(sent);
        Assert.Equal(5000, sent[0].Length);
        Assert.Equal(524, sent[0].SegmentPayloadBytes);
        Assert.True(sent[0].PartialChecksum);
        // A retransmission is one segment, which the device need not cut.
        bench.Advance(3_000_000);
        bench.RunNextTimer();
        var again = bench.Take();
        Assert.Equal(524, again[0].Length);
        Assert.Equal(0, again[0].SegmentPayloadBytes);
    }

    [Fact]
    public void WithChecksumOffloadOnlySegmentsStayWithinTheMssAndCarryThePseudoHeaderSum()
    {
        var bench = new Bench();
        bench.Host.Offloads = NetOffloads.TcpChecksum;
        TcpSocket listener = bench.Listen();
        TcpSocket socket = bench.AcceptHandshake(listener, synOptions: Opt.Mss(536));
        socket.Send(Bench.Bytes(5000), out _);
        var sent = bench.Take();
        Assert.All(sent, s => Assert.True(s.Length <= 536 && s.PartialChecksum && s.SegmentPayloadBytes == 0));
        Assert.Equal(5000, sent.Sum(s => s.Length));
    }

    [Fact]
    public void WindowScalingAppliesInBothDirections()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        listener.ReceiveBufferSize = 1 << 20;
        TcpSocket socket = bench.AcceptHandshake(listener, synOptions: Opt.Concat(Opt.Mss(1460), Opt.WindowScale(4)));
        // Our scale for 1 MiB is 5: the advertised field is the window >> 5.
        bench.SendData(Bench.Bytes(10));
        bench.SendData(Bench.Bytes(10));
        bench.Advance(50_000);
        SentSegment ack = bench.Take()[^1];
        Assert.InRange(ack.Window << 5, (1 << 20) - 4096, 1 << 20);
        // The peer's field of 50 means 800 bytes with its shift of 4.
        socket.NoDelay = true;
        bench.Send(Tcp.Ack, window: 50);
        socket.Send(Bench.Bytes(5000), out _);
        Assert.Equal(800, bench.Take().Sum(s => s.Length));
    }

    [Fact]
    public void WindowScaleIsNotUsedUnlessBothSidesOfferIt()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        listener.ReceiveBufferSize = 1 << 20;
        TcpSocket socket = bench.AcceptHandshake(listener, synOptions: Opt.Mss(1460));
        bench.SendData(Bench.Bytes(10));
        bench.Advance(50_000);
        Assert.Equal(65535, bench.Take()[^1].Window);
    }

    [Fact]
    public void TimestampsAreEchoedAndMonotonic()
    {
        var bench = new Bench();
        TcpSocket socket = bench.ConnectHandshake(Opt.Concat(Opt.Mss(1460), Opt.Timestamp(100, 0)));
        bench.PeerTimestamps = true;
        bench.PeerTsVal = 200;
        bench.SendData(Bench.Bytes(10));
        bench.Advance(100_000);
        SentSegment ack = bench.Single();
        Assert.True(ack.HasTimestamp);
        Assert.Equal(200u, ack.TsEcr);
        uint first = ack.TsVal;
        bench.Advance(1_000_000);
        socket.Send(Bench.Bytes(10), out _);
        SentSegment data = bench.Single();
        Assert.True(data.TsVal - first >= 1000); // Millisecond clock.
    }

    [Fact]
    public void PawsDropsSegmentsWithOldTimestamps()
    {
        var bench = new Bench();
        TcpSocket socket = bench.ConnectHandshake(Opt.Concat(Opt.Mss(1460), Opt.Timestamp(1000, 0)));
        long before = TcpCounters.PawsRejected;
        bench.Send(Tcp.Ack | Tcp.Psh, options: Opt.Timestamp(999, 0), payload: Bench.Bytes(10));
        Assert.Equal(0, socket.Available);
        Assert.True(bench.Single().IsPureAck);
        Assert.Equal(before + 1, TcpCounters.PawsRejected);
        bench.Send(Tcp.Ack | Tcp.Psh, options: Opt.Timestamp(1001, 0), payload: Bench.Bytes(10));
        Assert.Equal(10, socket.Available);
    }

    [Fact]
    public void OutOfOrderDataIsSacked()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        TcpSocket socket = bench.AcceptHandshake(listener, synOptions: Opt.Concat(Opt.Mss(1460), Opt.SackPermitted()));
        uint start = bench.PeerSeq;
        bench.Send(Tcp.Ack, seq: start + 1000, payload: Bench.Bytes(500));
        SentSegment dup = bench.Single();
        Assert.Equal(start, dup.Ack);
        Assert.Equal(new[] { (start + 1000, start + 1500) }, dup.SackBlocks);
        bench.Send(Tcp.Ack, seq: start + 3000, payload: Bench.Bytes(500));
        dup = bench.Single();
        // The most recent block first (RFC 2018 section 4).
        Assert.Equal(new[] { (start + 3000, start + 3500), (start + 1000, start + 1500) }, dup.SackBlocks);
        bench.Send(Tcp.Ack, seq: start, payload: Bench.Bytes(1000));
        SentSegment ack = bench.Single();
        Assert.Equal(start + 1500, ack.Ack);
        Assert.Equal(new[] { (start + 3000, start + 3500) }, ack.SackBlocks);
        Assert.Equal(1500, socket.Available);
    }

    [Fact]
    public void GarbageOptionsOnDataSegmentsAreIgnoredWhenWellFormed()
    {
        var bench = new Bench();
        TcpSocket socket = bench.ConnectHandshake();
        // Unknown kind 99 with a valid length, and a MSS option outside a SYN: skipped.
        bench.Send(Tcp.Ack | Tcp.Psh, options: Opt.Concat(new byte[] { 99, 4, 1, 2 }, Opt.Mss(10)), payload: Bench.Bytes(7));
        Assert.Equal(7, socket.Available);
    }
}
