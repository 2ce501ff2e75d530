using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

/// <summary>Hostile and broken segments: dropped, counted, never an exception, never an answer.</summary>
public class MalformedTests
{
    private static byte[] Raw(int flags = Tcp.Syn, byte[] options = null, byte[] payload = null) =>
        SegmentBuilder.Build(Bench.Peer, Bench.Us, Bench.PeerPort, Bench.ServerPort, 1, 0, flags, 1000, options, payload).Data.ToArray();

    private static void DeliverRaw(Bench bench, byte[] raw, bool fixChecksum = true)
    {
        if (fixChecksum && raw.Length >= 18)
            SegmentBuilder.FixChecksum(Bench.Peer, Bench.Us, raw);
        bench.Deliver(SegmentBuilder.FromBytes(raw));
    }

    [Fact]
    public void TruncatedHeader()
    {
        var bench = new Bench();
        bench.Listen();
        long before = NetCounters.DroppedTcpMalformed;
        DeliverRaw(bench, Raw().AsSpan(0, 19).ToArray(), fixChecksum: false);
        DeliverRaw(bench, Array.Empty<byte>(), fixChecksum: false);
        Assert.Equal(before + 2, NetCounters.DroppedTcpMalformed);
        bench.AssertNothingSent();
    }

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(15)]
    public void BadDataOffset(int words)
    {
        var bench = new Bench();
        bench.Listen();
        long before = NetCounters.DroppedTcpMalformed;
        byte[] raw = Raw();
        raw[12] = (byte)(words << 4);
        DeliverRaw(bench, raw);
        Assert.Equal(before + 1, NetCounters.DroppedTcpMalformed);
        bench.AssertNothingSent();
    }

    public static IEnumerable<object[]> GarbageOptions => new[]
    {
        new object[] { new byte[] { 1, 1, 2, 4 } },          // MSS running past the end of the header
        new object[] { new byte[] { 2, 0, 0, 0 } },          // zero length
        new object[] { new byte[] { 2, 1, 0, 0 } },          // length 1
        new object[] { new byte[] { 99, 40, 0, 0 } },        // length past the header
        new object[] { new byte[] { 2, 3, 5, 1 } },          // MSS of the wrong length
        new object[] { new byte[] { 3, 4, 7, 1 } },          // window scale of the wrong length
        new object[] { new byte[] { 8, 6, 0, 0, 0, 0, 1, 1 } }, // timestamps of the wrong length
        new object[] { new byte[] { 5, 7, 0, 0, 0, 0, 0, 1 } }, // SACK not a multiple of 8
        new object[] { new byte[] { 1, 1, 1, 8 } },          // kind with no room for its length
    };

    [Theory]
    [MemberData(nameof(GarbageOptions))]
    public void GarbageOptionsAreMalformed(byte[] options)
    {
        var bench = new Bench();
        bench.Listen();
        long before = NetCounters.DroppedTcpMalformed;
        DeliverRaw(bench, Raw(options: options));
        Assert.Equal(before + 1, NetCounters.DroppedTcpMalformed);
        bench.AssertNothingSent();
        Assert.Equal(0, bench.Layer.ConnectionCount);
    }

    [Fact]
    public void BadChecksum()
    {
        var bench = new Bench();
        bench.Listen();
        long before = NetCounters.DroppedTcpChecksum;
        bench.Send(Tcp.Syn, seq: 1, ack: 0, corruptChecksum: true);
        Assert.Equal(before + 1, NetCounters.DroppedTcpChecksum);
        bench.AssertNothingSent();
    }

    [Theory]
    [InlineData(Tcp.Syn | Tcp.Fin)]
    [InlineData(Tcp.Syn | Tcp.Rst)]
    [InlineData(Tcp.Syn | Tcp.Fin | Tcp.Rst | Tcp.Psh | Tcp.Ack | Tcp.Urg)]
    public void ContradictoryFlags(int flags)
    {
        var bench = new Bench();
        bench.Listen();
        long before = NetCounters.DroppedTcpMalformed;
        bench.Send(flags, seq: 1, ack: 0);
        Assert.Equal(before + 1, NetCounters.DroppedTcpMalformed);
        bench.AssertNothingSent();
    }

    [Fact]
    public void ZeroPorts()
    {
        var bench = new Bench();
        long before = NetCounters.DroppedTcpMalformed;
        bench.Deliver(SegmentBuilder.Build(Bench.Peer, Bench.Us, 0, 80, 1, 0, Tcp.Syn, 1000));
        bench.Deliver(SegmentBuilder.Build(Bench.Peer, Bench.Us, 80, 0, 1, 0, Tcp.Syn, 1000));
        Assert.Equal(before + 2, NetCounters.DroppedTcpMalformed);
        bench.AssertNothingSent();
    }

    [Fact]
    public void RandomGarbageNeverThrows()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        TcpSocket socket = bench.AcceptHandshake(listener);
        var random = new Random(42);
        for (int i = 0; i < 20_000; i++)
        {
            byte[] raw = new byte[random.Next(0, 120)];
            random.NextBytes(raw);
            if (raw.Length >= 20 && random.Next(2) == 0)
            {
                // Aim at the connection with plausible numbers so the state machine gets exercised too.
                raw[0] = Bench.PeerPort >> 8; raw[1] = Bench.PeerPort & 0xFF; raw[2] = 0; raw[3] = (byte)Bench.ServerPort;
                raw[12] = (byte)((5 + random.Next(0, Math.Min(11, (raw.Length - 20) / 4 + 1))) << 4);
                if (random.Next(2) == 0)
                    Opt.Write32(raw, 4, bench.PeerSeq + (uint)random.Next(-100, 100));
                if (random.Next(2) == 0)
                    Opt.Write32(raw, 8, bench.PeerAck + (uint)random.Next(-100, 100));
            }
            DeliverRaw(bench, raw, fixChecksum: random.Next(10) != 0);
            if (random.Next(100) == 0)
                bench.Advance(random.Next(0, 300_000));
        }
        bench.Take();
    }
}
