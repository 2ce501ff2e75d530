using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

/// <summary>
/// SACK-based loss recovery (RFC 2018, RFC 6675) against a scripted peer: which segments are resent
/// for one hole, several holes, a lost retransmission, the tail (rescue), after a timeout, early
/// retransmit (RFC 5827), and a peer that reneges on SACKed data.
/// </summary>
public class SackTests
{
    private const int Mss = 1460;

    /// <summary>A connection whose peer negotiated SACK (no timestamps: 1460-byte segments, 4 SACK blocks).</summary>
    private static (Bench, TcpSocket) Established(TcpSettings settings = null)
    {
        var bench = new Bench(settings);
        TcpSocket socket = bench.ConnectHandshake(synAckOptions: Opt.Concat(Opt.Mss(Mss), Opt.SackPermitted()));
        socket.NoDelay = true;
        return (bench, socket);
    }

    /// <summary>Queues <paramref name="segments"/> full segments of data; returns the sequence number of the first.</summary>
    private static uint Queue(Bench bench, TcpSocket socket, int segments, int seed = 0)
    {
        uint first = bench.PeerAck;
        Assert.Equal(segments * Mss, socket.Send(Bench.Bytes(segments * Mss, seed), out _));
        return first;
    }

    private static uint Seg(uint first, int index) => first + (uint)(index * Mss);

    /// <summary>An ACK from the peer for <paramref name="ack"/> with SACK blocks given as segment indexes [from, to).</summary>
    private static void SackAck(Bench bench, uint first, uint ack, params (int From, int To)[] blocks)
    {
        var sack = new (uint, uint)[blocks.Length];
        for (int i = 0; i < blocks.Length; i++)
            sack[i] = (Seg(first, blocks[i].From), Seg(first, blocks[i].To));
        bench.Send(Tcp.Ack, ack: ack, options: blocks.Length > 0 ? Opt.Sack(sack) : null);
    }

    private static List<int> Indexes(List<SentSegment> sent, uint first)
    {
        var list = new List<int>();
        foreach (SentSegment s in sent)
            if (s.Length > 0)
            {
                Assert.Equal(0u, (s.Seq - first) % Mss);
                list.Add((int)((s.Seq - first) / Mss));
            }
        return list;
    }

    /// <summary>Indexes below <paramref name="below"/> (data sent before the loss), in order: the retransmissions.</summary>
    private static List<int> Retransmitted(List<SentSegment> sent, uint first, int below)
    {
        var list = new List<int>();
        foreach (int i in Indexes(sent, first))
            if (i < below)
                list.Add(i);
        return list;
    }

    [Fact]
    public void OneHoleIsRetransmittedOnceAndSackedDataNever()
    {
        var (bench, socket) = Established();
        long rtos = TcpCounters.RetransmissionTimeouts;
        uint first = Queue(bench, socket, 10);
        Assert.Equal(10, bench.Take().Count);
        Queue(bench, socket, 30, seed: 1);
        // Segment 0 is lost; 1, 2 arrive: two duplicate ACKs; limited transmit (by pipe) sends new data only.
        SackAck(bench, first, first, (1, 2));
        SackAck(bench, first, first, (1, 3));
        Assert.Equal(new List<int> { 10, 11 }, Indexes(bench.Take(), first));
        // The third SACKed segment: IsLost(HighACK + 1), fast retransmit of segment 0.
        SackAck(bench, first, first, (1, 4));
        Assert.Equal(new List<int> { 0 }, Indexes(bench.Take(), first));
        Assert.Equal(6 * Mss, socket.CongestionWindow); // ssthresh = cwnd = FlightSize (12 segments) / 2.
        var later = new List<SentSegment>();
        for (int i = 5; i <= 12; i++)
        {
            SackAck(bench, first, first, (1, i));
            later.AddRange(bench.Take());
        }
        // Only new data while the retransmission is on its way, as the pipe allows.
        Assert.Empty(Retransmitted(later, first, 12));
        Assert.NotEmpty(later);
        // The retransmission arrives: everything so far is acknowledged, recovery ends without a timeout.
        SackAck(bench, first, Seg(first, 12));
        Assert.Empty(Retransmitted(bench.Take(), first, 12));
        Assert.Equal(rtos, TcpCounters.RetransmissionTimeouts);
        Assert.Equal(6 * Mss, socket.CongestionWindow);
    }

    [Fact]
    public void SeveralHolesAreEachRetransmittedOnce()
    {
        var (bench, socket) = Established();
        uint first = Queue(bench, socket, 10);
        bench.Take();
        Queue(bench, socket, 30, seed: 1);
        // 0, 3 and 6 are lost.
        var sent = new List<SentSegment>();
        SackAck(bench, first, first, (1, 2));
        SackAck(bench, first, first, (1, 3));
        SackAck(bench, first, first, (4, 5), (1, 3));
        sent.AddRange(bench.Take());
        Assert.Equal(new List<int> { 0 }, Retransmitted(sent, first, 10)); // Three segments SACKed above 0.
        // One ACK reports the rest: 3 and 6 each have three SACKed segments above them.
        SackAck(bench, first, first, (7, 10), (4, 6), (1, 3));
        sent.AddRange(bench.Take());
        Assert.Equal(new List<int> { 0, 3, 6 }, Retransmitted(sent, first, 10));
        // The retransmissions arrive in turn.
        SackAck(bench, first, Seg(first, 3), (7, 10), (4, 6));
        SackAck(bench, first, Seg(first, 6), (7, 10));
        SackAck(bench, first, Seg(first, 10));
        sent.AddRange(bench.Take());
        Assert.Equal(new List<int> { 0, 3, 6 }, Retransmitted(sent, first, 10));
    }

    [Fact]
    public void LostRetransmissionIsSentAgainWithoutWaitingForTheTimer()
    {
        var (bench, socket) = Established();
        long lostBefore = TcpCounters.LostRetransmissions;
        long rtos = TcpCounters.RetransmissionTimeouts;
        uint first = Queue(bench, socket, 10);
        bench.Take();
        Queue(bench, socket, 10, seed: 1); // More data waiting: recovery sends it as the pipe allows.
        Assert.Empty(bench.Take());
        for (int i = 2; i <= 10; i++)
            SackAck(bench, first, first, (1, i));
        // Fast retransmit of 0, and new data (9 SACKed segments left the network; cwnd is 5 segments).
        var sent = Indexes(bench.Take(), first);
        Assert.Single(sent.FindAll(i => i < 10));
        Assert.Contains(0, sent);
        Assert.Contains(10, sent);
        // The retransmission of 0 is lost; new data sent after it (12) arrives and is SACKed.
        SackAck(bench, first, first, (1, 13));
        sent = Indexes(bench.Take(), first);
        Assert.Contains(0, sent);
        Assert.Equal(lostBefore + 1, TcpCounters.LostRetransmissions);
        Assert.Equal(rtos, TcpCounters.RetransmissionTimeouts);
    }

    [Fact]
    public void TailLossIsResentByTheRescueRetransmission()
    {
        var (bench, socket) = Established();
        long rescues = TcpCounters.RescueRetransmissions;
        uint first = Queue(bench, socket, 10);
        bench.Take();
        // 0 and 9 (the last segment) are lost: no SACK can ever reveal 9's loss.
        for (int i = 2; i <= 9; i++)
            SackAck(bench, first, first, (1, i));
        var sent = Indexes(bench.Take(), first);
        Assert.Equal(new List<int> { 0, 9 }, sent);
        Assert.Equal(rescues + 1, TcpCounters.RescueRetransmissions);
        // Only one rescue per recovery.
        SackAck(bench, first, first, (1, 9));
        bench.AssertNothingSent();
        SackAck(bench, first, Seg(first, 10));
        bench.AssertNothingSent();
    }

    [Fact]
    public void AfterATimeoutOnlyTheHolesAreResent()
    {
        var (bench, socket) = Established();
        uint first = Queue(bench, socket, 10);
        bench.Take();
        // 0 and 1 are lost, 2..9 arrive: recovery resends 0 and 1, and those are lost too.
        SackAck(bench, first, first, (2, 10));
        Assert.Equal(new List<int> { 0, 1 }, Indexes(bench.Take(), first));
        Assert.True(bench.RunNextTimer());
        // RFC 6675 section 5.1: one segment (cwnd = 1 MSS), the first hole.
        Assert.Equal(new List<int> { 0 }, Indexes(bench.Take(), first));
        Assert.Equal(Mss, socket.CongestionWindow);
        SackAck(bench, first, Seg(first, 1), (2, 10));
        Assert.Equal(new List<int> { 1 }, Indexes(bench.Take(), first));
        // Everything else was SACKed: never resent.
        SackAck(bench, first, Seg(first, 10));
        bench.AssertNothingSent();
        Assert.False(bench.RunNextTimer());
    }

    [Fact]
    public void EarlyRetransmitWhenTooFewSegmentsAreInFlight()
    {
        var (bench, socket) = Established();
        long early = TcpCounters.EarlyRetransmits;
        uint first = Queue(bench, socket, 2);
        bench.Take();
        // One duplicate ACK can be all there is: segment 1 arrived, 0 did not, nothing else to send.
        SackAck(bench, first, first, (1, 2));
        Assert.Equal(new List<int> { 0 }, Indexes(bench.Take(), first));
        Assert.Equal(early + 1, TcpCounters.EarlyRetransmits);
        SackAck(bench, first, Seg(first, 2));
        bench.AssertNothingSent();
    }

    [Fact]
    public void ReneggingPeerGetsTheSackedDataAgain()
    {
        var (bench, socket) = Established();
        long renegings = TcpCounters.SackRenegings;
        byte[] data = Bench.Bytes(10 * Mss, 3);
        uint first = bench.PeerAck;
        Assert.Equal(data.Length, socket.Send(data, out _));
        bench.Take();
        SackAck(bench, first, first, (1, 10));
        Assert.Equal(new List<int> { 0 }, Indexes(bench.Take(), first));
        // The peer acknowledges the retransmission but not what it had SACKed: it dropped it.
        SackAck(bench, first, Seg(first, 1));
        Assert.Equal(renegings + 1, TcpCounters.SackRenegings);
        // SACKed data was never freed: the timer resends all of it, byte for byte.
        var resent = new Dictionary<int, byte[]>();
        for (int round = 0; round < 20 && resent.Count < 9; round++)
        {
            Assert.True(bench.RunNextTimer());
            foreach (SentSegment s in bench.Take())
            {
                if (s.Length == 0)
                    continue;
                int index = (int)((s.Seq - first) / Mss);
                resent[index] = s.Payload;
                bench.PeerAck = s.Seq + (uint)s.Length;
                bench.Send(Tcp.Ack);
            }
            foreach (SentSegment s in bench.Take())
                if (s.Length > 0)
                {
                    int index = (int)((s.Seq - first) / Mss);
                    resent[index] = s.Payload;
                }
        }
        for (int i = 1; i < 10; i++)
        {
            Assert.True(resent.ContainsKey(i), $"segment {i} not resent");
            Assert.Equal(data.AsSpan(i * Mss, Mss).ToArray(), resent[i]);
        }
    }

    [Fact]
    public void SackBlocksOutsideWhatWasSentAreIgnored()
    {
        var (bench, socket) = Established();
        uint first = Queue(bench, socket, 4);
        bench.Take();
        // Beyond SND.MAX, reversed, and below SND.UNA (a D-SACK): none counts as a duplicate ACK.
        SackAck(bench, first, first, (5, 7));
        bench.Send(Tcp.Ack, ack: first, options: Opt.Sack((Seg(first, 2), Seg(first, 1))));
        bench.Send(Tcp.Ack, ack: first, options: Opt.Sack((first - 3000, first - 1000)));
        SackAck(bench, first, first, (1, 2));
        SackAck(bench, first, first, (1, 2));
        bench.AssertNothingSent();
        SackAck(bench, first, Seg(first, 4));
        bench.AssertNothingSent();
    }
}
