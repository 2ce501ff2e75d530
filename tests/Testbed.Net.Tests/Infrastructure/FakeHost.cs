using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;

namespace Testbed.Net.Tests.Infrastructure;

/// <summary>An <see cref="ITcpHost"/> with a settable clock that records what TCP transmits.</summary>
public sealed class FakeHost : ITcpHost
{
    public long Now = 1_000_000;
    public int Mss = 1460;
    public uint Address = 0x0A000001;
    public readonly List<SentSegment> Sent = new();
    public readonly List<TcpSocket> Changed = new();
    private readonly Random random;

    public FakeHost(int seed = 1) { random = new Random(seed); }

    public long NowMicroseconds => Now;
    public PacketBuffer RentBuffer(int payloadLength) => PacketPool.RentFor(payloadLength);
    public bool IsLoopbackRoute(uint destination) => false;

    public void Transmit(uint source, uint destination, PacketBuffer segment)
    {
        int segmentPayload = segment.SegmentPayloadBytes;
        bool partial = segment.PartialChecksumStart != 0;
        if (partial)
            DeviceChecksum.Complete(source, destination, segment);
        var sent = SentSegment.Decode(source, destination, segment.Data, Now);
        sent.SegmentPayloadBytes = segmentPayload;
        sent.PartialChecksum = partial;
        Sent.Add(sent);
        segment.Release();
    }

    public int MaximumSegmentSize(uint destination) => Mss;

    /// <summary>What the route's device offers TCP; none unless a test sets it before connecting.</summary>
    public NetOffloads Offloads = NetOffloads.None;

    public NetOffloads RouteOffloads(uint destination) => Offloads;
    public uint SourceAddressFor(uint destination) => destination == 0x0B000001 ? 0 : Address;
    public uint Random32() => (uint)random.NextInt64(0, 1L << 32);
    public void SocketChanged(TcpSocket socket) => Changed.Add(socket);

    /// <summary>Returns and forgets everything sent so far.</summary>
    public List<SentSegment> Take()
    {
        var all = new List<SentSegment>(Sent);
        Sent.Clear();
        return all;
    }
}
