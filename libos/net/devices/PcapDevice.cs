using System;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Net.Devices
{
    /// <summary>Where <see cref="PcapDevice"/> writes: a file on the Linux target (<c>Testbed.LibOS.Drivers.Tap.PcapFile</c>).</summary>
    public interface IPcapSink
    {
        /// <summary>Writes all of the bytes, or gives up silently (a capture must never stop the traffic).</summary>
        void Write(byte[] bytes, int offset, int count);
    }

    /// <summary>
    /// A decorator of a NIC that records every frame it sends and receives in pcap format (the libpcap
    /// file format: a 24-byte global header, microsecond timestamps, link type DLT_EN10MB, then a 16-byte
    /// header per frame), as Wireshark and tcpdump read it. Frames are recorded where the decorator sits:
    /// the platform puts it next to the device, below the fault injector, so the file shows the wire.
    /// Each frame is written through to the sink at once (one write per frame), so that the file is
    /// complete whenever the program ends. On PVH, QEMU's <c>filter-dump</c> does the same outside the guest.
    /// </summary>
    public sealed class PcapDevice : INetworkDevice
    {
        public const uint Magic = 0xA1B2C3D4;
        public const int LinkTypeEthernet = 1;
        public const int SnapLength = 65535;
        private const int GlobalHeaderBytes = 24;
        private const int RecordHeaderBytes = 16;

        private readonly INetworkDevice inner;
        private readonly IPcapSink sink;
        private readonly long epochNanosecondsAtClockZero;
        private readonly byte[] scratch = new byte[RecordHeaderBytes + SnapLength];

        public long FramesRecorded;

        /// <param name="epochNanosecondsAtClockZero">The wall-clock time (ns since 1970) at which <see cref="Clock.Nanoseconds"/> was 0: records carry Unix times.</param>
        public PcapDevice(INetworkDevice inner, IPcapSink sink, long epochNanosecondsAtClockZero)
        {
            this.inner = inner;
            this.sink = sink;
            this.epochNanosecondsAtClockZero = epochNanosecondsAtClockZero;
            byte[] header = scratch;
            Put32(header, 0, Magic);
            Put16(header, 4, 2);
            Put16(header, 6, 4);
            Put32(header, 8, 0);
            Put32(header, 12, 0);
            Put32(header, 16, SnapLength);
            Put32(header, 20, LinkTypeEthernet);
            sink.Write(header, 0, GlobalHeaderBytes);
        }

        public INetworkDevice Inner => inner;

        public string Name => inner.Name;

        public void CopyMac(Span<byte> mac) => inner.CopyMac(mac);

        /// <summary>The device's: the capture shows what the stack handed it, so offloaded packets appear as they do to tcpdump on Linux (up to 64 KiB, TCP checksum not yet filled in).</summary>
        public NetOffloads Offloads => inner.Offloads;

        public int Mtu => inner.Mtu;

        public PacketBuffer Receive()
        {
            PacketBuffer frame = inner.Receive();
            if (frame != null)
                Record(frame);
            return frame;
        }

        public bool Transmit(PacketBuffer frame)
        {
            // Before the device owns (and may release) it.
            Record(frame);
            return inner.Transmit(frame);
        }

        public void WaitForActivity(ulong deadlineTicks) => inner.WaitForActivity(deadlineTicks);

        private void Record(PacketBuffer frame)
        {
            int length = frame.Length;
            if (length > SnapLength)
                length = SnapLength;
            long now = epochNanosecondsAtClockZero + (long)Clock.Nanoseconds;
            Put32(scratch, 0, (uint)(now / 1_000_000_000L));
            Put32(scratch, 4, (uint)(now % 1_000_000_000L / 1000L));
            Put32(scratch, 8, (uint)length);
            Put32(scratch, 12, (uint)frame.Length);
            Array.Copy(frame.Bytes, frame.Start, scratch, RecordHeaderBytes, length);
            sink.Write(scratch, 0, RecordHeaderBytes + length);
            FramesRecorded++;
        }

        // The file is in the writer's byte order (little endian); readers go by the magic number.
        private static void Put32(byte[] b, int at, uint value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
            b[at + 2] = (byte)(value >> 16);
            b[at + 3] = (byte)(value >> 24);
        }

        private static void Put16(byte[] b, int at, int value)
        {
            b[at] = (byte)value;
            b[at + 1] = (byte)(value >> 8);
        }
    }
}
