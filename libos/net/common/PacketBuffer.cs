using System;

namespace Testbed.LibOS.Net
{
    /// <summary>
    /// One frame's bytes, owned by exactly one holder at a time (docs/net.md, "Ownership"). A layer
    /// that sends writes its header just before <see cref="Start"/> with <see cref="Prepend"/>, so a
    /// segment travels down the stack without being copied: every buffer starts with
    /// <see cref="Headroom"/> free bytes, enough for the virtio-net header, Ethernet, IPv4 and the
    /// largest TCP header. A layer that receives moves <see cref="Start"/> past its header with
    /// <see cref="Consume"/>. Buffers come in two sizes: <see cref="Capacity"/> for Ethernet frames
    /// (<see cref="PacketPool.Shared"/>) and <see cref="LargeCapacity"/> for the loopback's 64 KiB
    /// packets (<see cref="PacketPool.Large"/>); <see cref="PacketPool.RentFor"/> picks one.
    /// </summary>
    public sealed class PacketBuffer
    {
        /// <summary>virtio_net_hdr (12) + Ethernet (14) + IPv4 with options (60) + TCP with options (60), rounded up.</summary>
        public const int Headroom = 160;
        /// <summary>The largest Ethernet frame without FCS (1514) after the headroom: a standard buffer.</summary>
        public const int Capacity = 2048 - 32;
        /// <summary>A large buffer: the largest IPv4 packet (65535) and an Ethernet header after the headroom.</summary>
        public const int LargeCapacity = 65536 + 64;

        public readonly byte[] Bytes;
        /// <summary>Offset of the first byte of the current layer's data.</summary>
        public int Start;
        /// <summary>Offset one past the last byte.</summary>
        public int End;
        /// <summary>The pool this buffer returns to, or null for a buffer nobody recycles.</summary>
        internal PacketPool Pool;
        /// <summary>Free list link while pooled; a queue link while queued by a layer.</summary>
        internal PacketBuffer Next;
        internal bool IsPooled;
        /// <summary>Set by a device that guarantees integrity (the in-image loopback, a tap whose kernel checked or will compute the checksum), so receivers skip their checksums.</summary>
        public bool ChecksumVerified;
        /// <summary>
        /// For a device with <see cref="NetOffloads.TcpChecksum"/>: the index in <see cref="Bytes"/> of the
        /// transport header whose checksum the device is to complete (its field holds the pseudo-header
        /// sum, <see cref="InternetChecksum.Fold"/>), or 0 when the checksum is complete. An index, not
        /// an offset, so that it stays right while lower layers prepend their headers.
        /// </summary>
        public int PartialChecksumStart;
        /// <summary>Where the checksum field is, from <see cref="PartialChecksumStart"/> (16 for TCP).</summary>
        public int PartialChecksumOffset;
        /// <summary>
        /// For a device with <see cref="NetOffloads.TcpSegmentation"/>: the TCP payload bytes of each
        /// segment the device is to cut this packet into (the MSS less options), or 0 when the packet goes
        /// as it is. Set only on packets larger than the MTU.
        /// </summary>
        public int SegmentPayloadBytes;

        public PacketBuffer() : this(Capacity)
        {
        }

        /// <summary>A buffer with <paramref name="capacity"/> bytes after the headroom.</summary>
        public PacketBuffer(int capacity)
        {
            Bytes = new byte[Headroom + capacity];
        }

        public int Length => End - Start;

        public Span<byte> Data => new Span<byte>(Bytes, Start, End - Start);

        /// <summary>Empties the buffer, leaving the whole headroom for headers.</summary>
        public void Reset()
        {
            Start = Headroom;
            End = Headroom;
            ChecksumVerified = false;
            PartialChecksumStart = 0;
            PartialChecksumOffset = 0;
            SegmentPayloadBytes = 0;
        }

        /// <summary>Claims <paramref name="count"/> bytes before <see cref="Start"/> for a header and returns them.</summary>
        public Span<byte> Prepend(int count)
        {
            if (count > Start)
                throw new InvalidOperationException("packet headroom exhausted");
            Start -= count;
            return new Span<byte>(Bytes, Start, count);
        }

        /// <summary>Claims <paramref name="count"/> bytes after <see cref="End"/> and returns them.</summary>
        public Span<byte> Append(int count)
        {
            if (count > Bytes.Length - End)
                throw new InvalidOperationException("packet capacity exhausted");
            int at = End;
            End += count;
            return new Span<byte>(Bytes, at, count);
        }

        /// <summary>Drops <paramref name="count"/> bytes from the front (a header that has been read).</summary>
        public void Consume(int count)
        {
            Start += count;
        }

        /// <summary>Cuts the data to <paramref name="length"/> bytes (Ethernet padding, an IP total length shorter than the frame).</summary>
        public void Truncate(int length)
        {
            if (length < End - Start)
                End = Start + length;
        }

        /// <summary>Room left after <see cref="End"/>.</summary>
        public int Tailroom => Bytes.Length - End;

        /// <summary>Gives the buffer back to its pool; the caller must not touch it afterwards.</summary>
        public void Release()
        {
            if (Pool != null)
                Pool.Return(this);
        }
    }
}
