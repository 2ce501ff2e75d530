using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

/// <summary>RFC 6298 timers, Karn's rule, and RFC 5681/6582 loss recovery.</summary>
public class RetransmissionTests
{
    private static (Bench, TcpSocket) Established(TcpSettings settings = null)
    {
        var bench = new Bench(settings);
        TcpSocket socket = bench.ConnectHandshake();
        socket.NoDelay = true;
        return (bench, socket);
    }

    [Fact]
    public void RetransmitsWithExponentialBackoffThenGivesUp()
    {
        var (bench, socket) = Established(new TcpSettings { DataRetries = 4 });
        socket.Send(Bench.Bytes(100), out _);
        SentSegment original = bench.Single();
        long sentAt = bench.Host.Now;
        var times = new List<long>();
        while (bench.RunNextTimer())
        {
            foreach (var s in bench.Take())
            {
                if (s.Rst)
                    continue;
                Assert.Equal(original.Seq, s.Seq);
                Assert.Equal(100, s.Length);
                times.Add(bench.Host.Now - sentAt);
            }
        }
        // The handshake's RTT sample (0) gives RTO = 200 ms (the minimum), then doubling.
        Assert.Equal(new long[] { 200_000, 600_000, 1_400_000, 3_000_000 }, times);
        Assert.Equal(TcpState.Closed, socket.State);
        Assert.Equal(TcpError.TimedOut, socket.TakeError());
    }

    [Fact]
    public void GivingUpSendsReset()
    {
        var (bench, socket) = Established(new TcpSettings { DataRetries = 1 });
        socket.Send(Bench.Bytes(100), out _);
        bench.Take();
        bench.RunNextTimer();
        bench.Take();
        bench.RunNextTimer();
        Assert.True(bench.Take()[^1].Rst);
    }

    [Fact]
    public void RttSamplesSetTheRtoAndKarnSkipsRetransmissions()
    {
        var (bench, socket) = Established(new TcpSettings { MinimumRtoMicroseconds = 100_000 });
        // A measured 90 ms round trip.
        socket.Send(Bench.Bytes(100), out _);
        bench.Take();
        bench.Advance(90_000);
        bench.PeerAck += 100;
        bench.Send(Tcp.Ack);
        long rtoAfterSample = socket.RetransmissionTimeoutMicroseconds;
        // RFC 6298 2.3 after the handshake's sample of 0: RTTVAR = 90/4, SRTT = 90/8, RTO = SRTT + 4 RTTVAR.
        Assert.Equal(11_250, socket.SmoothedRttMicroseconds);
        Assert.Equal(101_250, rtoAfterSample);
        // A retransmitted segment's ACK gives no sample (Karn), and the backed-off RTO stays until new data is timed.
        socket.Send(Bench.Bytes(100), out _);
        bench.Take();
        bench.RunNextTimer();
        Assert.Single(bench.Take());
        long backedOff = socket.RetransmissionTimeoutMicroseconds;
        Assert.Equal(2 * rtoAfterSample, backedOff);
        long srtt = socket.SmoothedRttMicroseconds;
        bench.Advance(1_000);
        bench.PeerAck += 100;
        bench.Send(Tcp.Ack);
        Assert.Equal(srtt, socket.SmoothedRttMicroseconds);
    }

    private static void SendSegments(Bench bench, TcpSocket socket, int count)
    {
        socket.Send(Bench.Bytes(1460 * count), out _);
    }

    [Fact]
    public void ThreeDuplicateAcksTriggerFastRetransmit()
    {
        var (bench, socket) = Established();
        long before = TcpCounters.FastRetransmits;
        SendSegments(bench, socket, 8);
        var sent = bench.Take();
        Assert.Equal(8, sent.Count); // Initial window of 10 segments (RFC 6928).
        uint first = sent[0].Seq;
        // Segment 0 is lost; segments 1..3 produce duplicate ACKs.
        bench.Send(Tcp.Ack);
        bench.Send(Tcp.Ack);
        Assert.Empty(bench.Take());
        bench.Send(Tcp.Ack);
        var retransmitted = bench.Take();
        Assert.Single(retransmitted);
        Assert.Equal(first, retransmitted[0].Seq);
        Assert.Equal(before + 1, TcpCounters.FastRetransmits);
        // The full ACK ends recovery.
        bench.PeerAck = first + 8 * 1460;
        bench.Send(Tcp.Ack);
        int cwnd = socket.CongestionWindow;
        Assert.InRange(cwnd, 2 * 1460, 8 * 1460);
    }

    [Fact]
    public void NewRenoPartialAckRetransmitsTheNextHole()
    {
        var (bench, socket) = Established();
        long rtos = TcpCounters.RetransmissionTimeouts;
        SendSegments(bench, socket, 8);
        var sent = bench.Take();
        uint first = sent[0].Seq;
        // Segments 0 and 4 are lost.
        for (int i = 0; i < 3; i++)
            bench.Send(Tcp.Ack);
        Assert.Equal(first, bench.Take()[0].Seq);
        // The retransmission of 0 arrives: the ACK covers 0..3 only (partial).
        bench.PeerAck = first + 4 * 1460;
        bench.Send(Tcp.Ack);
        var afterPartial = bench.Take();
        Assert.Contains(afterPartial, s => s.Seq == first + 4 * 1460 && s.Length == 1460);
        bench.PeerAck = first + 8 * 1460;
        bench.Send(Tcp.Ack);
        Assert.Equal(rtos, TcpCounters.RetransmissionTimeouts);
    }

    [Fact]
    public void DuplicateAcksWithDataOrWindowChangeDoNotCount()
    {
        var (bench, socket) = Established();
        long before = TcpCounters.FastRetransmits;
        SendSegments(bench, socket, 6);
        bench.Take();
        bench.Send(Tcp.Ack, window: 60000);
        bench.Send(Tcp.Ack, window: 50000);
        bench.Send(Tcp.Ack | Tcp.Psh, payload: Bench.Bytes(1));
        bench.PeerSeq++;
        bench.Take();
        Assert.Equal(before, TcpCounters.FastRetransmits);
    }

    [Fact]
    public void TimeoutCollapsesTheWindowToOneSegment()
    {
        var (bench, socket) = Established();
        SendSegments(bench, socket, 8);
        var sent = bench.Take();
        bench.RunNextTimer();
        var retransmitted = bench.Take();
        Assert.Single(retransmitted);
        Assert.Equal(sent[0].Seq, retransmitted[0].Seq);
        Assert.Equal(1460, socket.CongestionWindow);
        // Go-back-N: each ACK lets the next segments out again.
        bench.PeerAck = sent[0].Seq + 1460;
        bench.Send(Tcp.Ack);
        var next = bench.Take();
        Assert.Equal(2, next.Count);
        Assert.Equal(sent[1].Seq, next[0].Seq);
    }
}

