using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;
using Xunit;

namespace Testbed.Net.Tests.Infrastructure;

/// <summary>
/// Two TCP stacks joined by a simulated link: a fixed one-way delay plus serialisation at a given
/// bit rate, and a seeded fault injector (drop, duplicate, reorder, corrupt). Time is simulated:
/// when nothing is due the clock jumps to the next packet or timer, so a transfer that spans minutes
/// of simulated time runs in the time its segments take to process.
/// </summary>
public sealed class SimulatedNetwork
{
    public sealed class Node : ITcpHost
    {
        public readonly SimulatedNetwork Network;
        public readonly uint Address;
        public readonly TcpLayer Layer;
        public readonly int Index;

        public Node(SimulatedNetwork network, uint address, int index, TcpSettings settings)
        {
            Network = network;
            Address = address;
            Index = index;
            Layer = new TcpLayer(this, settings ?? new TcpSettings());
        }

        public long NowMicroseconds => Network.NowNanoseconds / 1000;
        public PacketBuffer RentBuffer(int payloadLength) => payloadLength <= PacketBuffer.Capacity ? Network.Pool.Rent() : PacketPool.Large.Rent();
        public bool IsLoopbackRoute(uint destination) => false;
        public void Transmit(uint source, uint destination, PacketBuffer segment) => Network.Send(this, source, destination, segment);
        public int MaximumSegmentSize(uint destination) => Network.Mss;

        public NetOffloads RouteOffloads(uint destination) => Network.Offloads;
        public uint SourceAddressFor(uint destination) => Address;
        public uint Random32() => (uint)Network.random.NextInt64(0, 1L << 32);
        public void SocketChanged(TcpSocket socket) { Network.Changes++; }
    }

    private readonly struct InFlight
    {
        public readonly Node Target;
        public readonly uint Source, Destination;
        public readonly PacketBuffer Buffer;
        public InFlight(Node target, uint source, uint destination, PacketBuffer buffer)
        {
            Target = target; Source = source; Destination = destination; Buffer = buffer;
        }
    }

    public readonly PacketPool Pool = new PacketPool();
    public readonly Node A, B;
    public long NowNanoseconds = 1_000_000_000;
    public int Mss = 1460;
    public long OneWayDelayNanoseconds = 50_000;
    public long BitsPerSecond = 1_000_000_000;
    public double DropRate, DuplicateRate, ReorderRate, CorruptRate;
    public long ReorderDelayNanoseconds = 300_000;
    public long Changes;
    /// <summary>
    /// What both nodes' "device" does: with checksum offload the link completes checksums, with
    /// segmentation it cuts larger packets into wire segments (as the kernel's GSO does behind a tap)
    /// before the link's delay and faults apply to each.
    /// </summary>
    public NetOffloads Offloads = NetOffloads.None;
    /// <summary>Packets the link had to segment, and the largest TCP payload of one (for tests of TSO).</summary>
    public long SegmentedPackets;
    public int LargestPacketPayload;
    /// <summary>The largest TCP payload of a wire segment: never more than the MSS allows.</summary>
    public int LargestWirePayload;
    public long Delivered, Dropped, Duplicated, Reordered, Corrupted;
    /// <summary>The last packets sent, for a failing test's message.</summary>
    public readonly Queue<string> Trace = new();
    public int TraceLength;

    private readonly Random random;
    private readonly Random faults;
    private readonly PriorityQueue<InFlight, (long, long)> queue = new();
    private long order;
    private readonly long[] linkFreeAt = new long[2];

    public SimulatedNetwork(int seed, TcpSettings settingsA = null, TcpSettings settingsB = null)
    {
        random = new Random(seed);
        faults = new Random(seed * 7919 + 1);
        A = new Node(this, 0x0A000001, 0, settingsA);
        B = new Node(this, 0x0A000002, 1, settingsB);
    }

    public long NowMicroseconds => NowNanoseconds / 1000;

    private void Send(Node from, uint source, uint destination, PacketBuffer packet)
    {
        if (packet.PartialChecksumStart == 0)
        {
            Assert.True(packet.SegmentPayloadBytes == 0, "a packet to segment without a partial checksum");
            SendWire(from, source, destination, packet);
            return;
        }
        Assert.True((Offloads & NetOffloads.TcpChecksum) != 0, "a partial checksum to a device without checksum offload");
        int headerLength = (packet.Bytes[packet.Start + 12] >> 4) * 4;
        int payload = packet.Length - headerLength;
        LargestPacketPayload = Math.Max(LargestPacketPayload, payload);
        int size = packet.SegmentPayloadBytes;
        if (size == 0)
        {
            Assert.True(payload + headerLength <= Mss + 20, $"a {payload}-byte packet without segmentation");
            DeviceChecksum.Complete(source, destination, packet);
            SendWire(from, source, destination, packet);
            return;
        }
        Assert.True((Offloads & NetOffloads.TcpSegmentation) != 0, "a packet to segment to a device without TSO");
        Assert.True(payload > size, $"segmentation asked for a {payload}-byte packet of {size}-byte segments");
        SegmentedPackets++;
        uint seq = (uint)(packet.Bytes[packet.Start + 4] << 24 | packet.Bytes[packet.Start + 5] << 16 | packet.Bytes[packet.Start + 6] << 8 | packet.Bytes[packet.Start + 7]);
        byte flags = packet.Bytes[packet.Start + 13];
        for (int offset = 0; offset < payload; offset += size)
        {
            int length = Math.Min(size, payload - offset);
            PacketBuffer wire = Pool.Rent();
            Span<byte> bytes = wire.Append(headerLength + length);
            packet.Data.Slice(0, headerLength).CopyTo(bytes);
            packet.Data.Slice(headerLength + offset, length).CopyTo(bytes.Slice(headerLength));
            uint segmentSeq = seq + (uint)offset;
            bytes[4] = (byte)(segmentSeq >> 24); bytes[5] = (byte)(segmentSeq >> 16); bytes[6] = (byte)(segmentSeq >> 8); bytes[7] = (byte)segmentSeq;
            // As Linux's tcp_gso_segment: FIN and PSH only on the last segment, CWR only on the first.
            byte segmentFlags = flags;
            if (offset + length < payload) segmentFlags &= unchecked((byte)~0x09);
            if (offset > 0) segmentFlags &= unchecked((byte)~0x80);
            bytes[13] = segmentFlags;
            // The pseudo-header sum of the segment's own length, as the kernel's gso adjusts it.
            var pseudo = new InternetChecksum();
            pseudo.AddPseudoHeader(source, destination, 6, wire.Length);
            bytes[16] = (byte)(pseudo.Fold() >> 8);
            bytes[17] = (byte)pseudo.Fold();
            wire.PartialChecksumStart = wire.Start;
            wire.PartialChecksumOffset = 16;
            DeviceChecksum.Complete(source, destination, wire);
            SendWire(from, source, destination, wire);
        }
        packet.Release();
    }

    private void SendWire(Node from, uint source, uint destination, PacketBuffer segment)
    {
        Node to = from == A ? B : A;
        if (destination != to.Address)
        {
            segment.Release();
            return;
        }
        LargestWirePayload = Math.Max(LargestWirePayload, segment.Length - (segment.Bytes[segment.Start + 12] >> 4) * 4);
        int wireBytes = segment.Length + 20 + 14 + 24; // IPv4, Ethernet, preamble/FCS/gap
        long start = Math.Max(NowNanoseconds, linkFreeAt[from.Index]);
        long serialisation = wireBytes * 8L * 1_000_000_000L / BitsPerSecond;
        linkFreeAt[from.Index] = start + serialisation;
        long arrival = start + serialisation + OneWayDelayNanoseconds;
        if (TraceLength > 0)
        {
            Trace.Enqueue($"{NowNanoseconds / 1000} {(from == A ? "A>B" : "B>A")} {SentSegment.Decode(source, destination, segment.Data, 0)}");
            while (Trace.Count > TraceLength) Trace.Dequeue();
        }
        if (DropRate > 0 && faults.NextDouble() < DropRate)
        {
            Dropped++;
            segment.Release();
            return;
        }
        if (CorruptRate > 0 && faults.NextDouble() < CorruptRate)
        {
            Corrupted++;
            int at = segment.Start + faults.Next(segment.Length);
            segment.Bytes[at] ^= (byte)(1 << faults.Next(8));
        }
        if (DuplicateRate > 0 && faults.NextDouble() < DuplicateRate)
        {
            Duplicated++;
            PacketBuffer copy = Pool.Rent();
            segment.Data.CopyTo(copy.Append(segment.Length));
            Enqueue(arrival + 1000, new InFlight(to, source, destination, copy));
        }
        if (ReorderRate > 0 && faults.NextDouble() < ReorderRate)
        {
            Reordered++;
            arrival += ReorderDelayNanoseconds;
        }
        Enqueue(arrival, new InFlight(to, source, destination, segment));
    }

    private void Enqueue(long time, InFlight packet) => queue.Enqueue(packet, (time, order++));

    /// <summary>
    /// Runs the network: delivers due packets, runs timers, calls <paramref name="step"/> (the
    /// applications) after every event, and jumps the clock when idle. Stops when
    /// <paramref name="done"/> holds, or returns false when nothing is left to happen or the
    /// simulated time limit passes.
    /// </summary>
    public bool Run(Func<bool> done, Action step, long limitMicroseconds)
    {
        long limit = NowNanoseconds + limitMicroseconds * 1000;
        while (true)
        {
            step();
            if (done())
                return true;
            bool progressed = false;
            while (queue.TryPeek(out InFlight packet, out (long Time, long Order) at) && at.Time <= NowNanoseconds)
            {
                queue.Dequeue();
                Delivered++;
                packet.Target.Layer.Receive(packet.Source, packet.Destination, packet.Buffer);
                step();
                progressed = true;
            }
            A.Layer.Poll();
            B.Layer.Poll();
            if (progressed)
                continue;
            step();
            if (done())
                return true;
            long next = long.MaxValue;
            if (queue.TryPeek(out _, out (long Time, long Order) head))
                next = head.Time;
            long timer = Math.Min(A.Layer.NextDeadlineMicroseconds, B.Layer.NextDeadlineMicroseconds);
            if (timer != long.MaxValue)
                next = Math.Min(next, Math.Max(timer * 1000, NowNanoseconds));
            if (next == long.MaxValue || next > limit)
                return false;
            if (next <= NowNanoseconds)
            {
                // A timer due at this very microsecond: nanoseconds within it still count as before it.
                next = (NowNanoseconds / 1000 + 1) * 1000;
            }
            NowNanoseconds = next;
        }
    }
}
