using System;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// Writes TCP headers in front of a payload already in a <see cref="PacketBuffer"/> and fills in
    /// the checksum. Options are laid out the way most stacks do, so that the 4-byte-aligned header
    /// needs no padding: MSS, SACK-permitted + timestamps, NOP + window scale on a SYN; NOP NOP +
    /// timestamps and NOP NOP + SACK blocks otherwise.
    /// </summary>
    internal static class TcpHeaderWriter
    {
        public const int TimestampOptionLength = 12;

        public static int SynOptionsLength(bool mss, bool sackPermitted, bool timestamps, bool windowScale)
        {
            int length = mss ? 4 : 0;
            if (timestamps)
                length += 12; // SACK-permitted takes the two NOPs' place when both are sent.
            else if (sackPermitted)
                length += 4;
            if (windowScale)
                length += 4;
            return length;
        }

        public static int OptionsLength(bool timestamps, int sackBlocks) =>
            (timestamps ? TimestampOptionLength : 0) + (sackBlocks > 0 ? 4 + 8 * sackBlocks : 0);

        /// <summary>Claims the header's bytes in front of the payload and writes the fixed part; returns the header.</summary>
        public static Span<byte> Begin(PacketBuffer buffer, int optionsLength, ushort sourcePort, ushort destinationPort,
            uint seq, uint ack, int flags, int window)
        {
            int headerLength = TcpSegment.MinimumHeaderLength + optionsLength;
            Span<byte> h = buffer.Prepend(headerLength);
            h[0] = (byte)(sourcePort >> 8);
            h[1] = (byte)sourcePort;
            h[2] = (byte)(destinationPort >> 8);
            h[3] = (byte)destinationPort;
            Write32(h, 4, seq);
            Write32(h, 8, ack);
            h[12] = (byte)((headerLength / 4) << 4);
            h[13] = (byte)flags;
            h[14] = (byte)(window >> 8);
            h[15] = (byte)window;
            h[16] = 0;
            h[17] = 0;
            h[18] = 0;
            h[19] = 0;
            return h;
        }

        public static int WriteSynOptions(Span<byte> h, int at, int mss, bool sackPermitted, bool timestamps, uint tsValue, uint tsEcho, int windowScale)
        {
            if (mss > 0)
            {
                h[at] = TcpOptionKind.Mss;
                h[at + 1] = 4;
                h[at + 2] = (byte)(mss >> 8);
                h[at + 3] = (byte)mss;
                at += 4;
            }
            if (timestamps)
            {
                if (sackPermitted)
                {
                    h[at] = TcpOptionKind.SackPermitted;
                    h[at + 1] = 2;
                }
                else
                {
                    h[at] = TcpOptionKind.Nop;
                    h[at + 1] = TcpOptionKind.Nop;
                }
                at = WriteTimestampBody(h, at + 2, tsValue, tsEcho);
            }
            else if (sackPermitted)
            {
                h[at] = TcpOptionKind.Nop;
                h[at + 1] = TcpOptionKind.Nop;
                h[at + 2] = TcpOptionKind.SackPermitted;
                h[at + 3] = 2;
                at += 4;
            }
            if (windowScale >= 0)
            {
                h[at] = TcpOptionKind.Nop;
                h[at + 1] = TcpOptionKind.WindowScale;
                h[at + 2] = 3;
                h[at + 3] = (byte)windowScale;
                at += 4;
            }
            return at;
        }

        public static int WriteTimestamp(Span<byte> h, int at, uint tsValue, uint tsEcho)
        {
            h[at] = TcpOptionKind.Nop;
            h[at + 1] = TcpOptionKind.Nop;
            return WriteTimestampBody(h, at + 2, tsValue, tsEcho);
        }

        private static int WriteTimestampBody(Span<byte> h, int at, uint tsValue, uint tsEcho)
        {
            h[at] = TcpOptionKind.Timestamp;
            h[at + 1] = 10;
            Write32(h, at + 2, tsValue);
            Write32(h, at + 6, tsEcho);
            return at + 10;
        }

        public static int WriteSackHeader(Span<byte> h, int at, int blocks)
        {
            h[at] = TcpOptionKind.Nop;
            h[at + 1] = TcpOptionKind.Nop;
            h[at + 2] = TcpOptionKind.Sack;
            h[at + 3] = (byte)(2 + 8 * blocks);
            return at + 4;
        }

        public static int WriteSackBlock(Span<byte> h, int at, uint start, uint end)
        {
            Write32(h, at, start);
            Write32(h, at + 4, end);
            return at + 8;
        }

        /// <summary>
        /// The checksum over pseudo header, header and payload (RFC 9293, section 3.1); left zero when
        /// the segment stays in the image (<paramref name="loopback"/>), whose receiver does not check it.
        /// </summary>
        /// <summary>
        /// Fills in the checksum of the segment at <c>buffer.Start</c>: all of it; none on the loopback
        /// (<paramref name="loopback"/>); or, when <paramref name="deviceCompletes"/>, the pseudo-header
        /// sum only, marking the buffer for the device (Linux's CHECKSUM_PARTIAL).
        /// </summary>
        public static void Finish(PacketBuffer buffer, uint source, uint destination, bool loopback, bool deviceCompletes = false)
        {
            if (loopback)
                return;
            var checksum = new InternetChecksum();
            int length = buffer.Length;
            checksum.AddPseudoHeader(source, destination, 6, length);
            ushort sum;
            if (deviceCompletes)
            {
                sum = checksum.Fold();
                buffer.PartialChecksumStart = buffer.Start;
                buffer.PartialChecksumOffset = 16;
            }
            else
            {
                checksum.Add(new ReadOnlySpan<byte>(buffer.Bytes, buffer.Start, length));
                sum = checksum.Finish();
            }
            buffer.Bytes[buffer.Start + 16] = (byte)(sum >> 8);
            buffer.Bytes[buffer.Start + 17] = (byte)sum;
        }

        public static void Write32(Span<byte> bytes, int at, uint value)
        {
            bytes[at] = (byte)(value >> 24);
            bytes[at + 1] = (byte)(value >> 16);
            bytes[at + 2] = (byte)(value >> 8);
            bytes[at + 3] = (byte)value;
        }
    }
}
