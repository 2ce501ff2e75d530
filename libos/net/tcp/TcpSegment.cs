using System;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>The control bits of the TCP header (RFC 9293, section 3.1).</summary>
    internal static class TcpFlags
    {
        public const int Fin = 0x01;
        public const int Syn = 0x02;
        public const int Rst = 0x04;
        public const int Psh = 0x08;
        public const int Ack = 0x10;
        public const int Urg = 0x20;
    }

    /// <summary>
    /// A received segment, parsed once in place: header fields, the options TCP uses, and where the
    /// payload lies in the packet's bytes. A struct passed by reference, so parsing allocates nothing.
    /// </summary>
    internal struct TcpSegment
    {
        public const int MinimumHeaderLength = 20;
        public const int MaxSackBlocks = 4;

        public ushort SourcePort;
        public ushort DestinationPort;
        public uint SequenceNumber;
        public uint AcknowledgmentNumber;
        public int Flags;
        /// <summary>The raw 16-bit window field, before any scaling.</summary>
        public int Window;
        public int HeaderLength;

        public byte[] Bytes;
        public int PayloadOffset;
        public int PayloadLength;

        /// <summary>Maximum segment size option, 0 when absent.</summary>
        public int Mss;
        /// <summary>Window scale option's shift, -1 when absent.</summary>
        public int WindowScale;
        public bool SackPermitted;
        public bool HasTimestamp;
        public uint TimestampValue;
        public uint TimestampEcho;
        public int SackBlockCount;
        public uint Sack0Start, Sack0End, Sack1Start, Sack1End, Sack2Start, Sack2End, Sack3Start, Sack3End;

        public bool Syn => (Flags & TcpFlags.Syn) != 0;
        public bool Fin => (Flags & TcpFlags.Fin) != 0;
        public bool Rst => (Flags & TcpFlags.Rst) != 0;
        public bool HasAck => (Flags & TcpFlags.Ack) != 0;

        /// <summary>SEG.LEN: the sequence space the segment occupies (payload, SYN and FIN).</summary>
        public uint SequenceLength => (uint)PayloadLength + (uint)(Flags & TcpFlags.Syn) / TcpFlags.Syn + (uint)(Flags & TcpFlags.Fin);

        public ReadOnlySpan<byte> Payload => new ReadOnlySpan<byte>(Bytes, PayloadOffset, PayloadLength);

        public enum ParseResult
        {
            Ok,
            Malformed,
            BadChecksum,
        }

        /// <summary>
        /// Checks and parses the segment at <paramref name="start"/>. Anything a peer could get wrong
        /// (a short header, a data offset outside the segment, an option running past the header, a
        /// known option of the wrong length, SYN with FIN or RST, a zero port) is Malformed, never an
        /// exception. The checksum is not checked when the device vouches for the bytes
        /// (<paramref name="checksumVerified"/>: the loopback).
        /// </summary>
        public static ParseResult Parse(uint source, uint destination, byte[] bytes, int start, int length, bool checksumVerified, ref TcpSegment segment)
        {
            if (length < MinimumHeaderLength || start < 0 || start + length > bytes.Length)
                return ParseResult.Malformed;
            int headerLength = (bytes[start + 12] >> 4) * 4;
            if (headerLength < MinimumHeaderLength || headerLength > length)
                return ParseResult.Malformed;

            if (!checksumVerified)
            {
                var checksum = new InternetChecksum();
                checksum.AddPseudoHeader(source, destination, 6, length);
                checksum.Add(new ReadOnlySpan<byte>(bytes, start, length));
                if (checksum.Finish() != 0)
                    return ParseResult.BadChecksum;
            }

            segment.SourcePort = (ushort)((bytes[start] << 8) | bytes[start + 1]);
            segment.DestinationPort = (ushort)((bytes[start + 2] << 8) | bytes[start + 3]);
            segment.SequenceNumber = Read32(bytes, start + 4);
            segment.AcknowledgmentNumber = Read32(bytes, start + 8);
            segment.Flags = bytes[start + 13];
            segment.Window = (bytes[start + 14] << 8) | bytes[start + 15];
            segment.HeaderLength = headerLength;
            segment.Bytes = bytes;
            segment.PayloadOffset = start + headerLength;
            segment.PayloadLength = length - headerLength;
            segment.Mss = 0;
            segment.WindowScale = -1;
            segment.SackPermitted = false;
            segment.HasTimestamp = false;
            segment.TimestampValue = 0;
            segment.TimestampEcho = 0;
            segment.SackBlockCount = 0;

            if (segment.SourcePort == 0 || segment.DestinationPort == 0)
                return ParseResult.Malformed;
            int flags = segment.Flags;
            if ((flags & TcpFlags.Syn) != 0 && (flags & (TcpFlags.Fin | TcpFlags.Rst)) != 0)
                return ParseResult.Malformed;
            if (!ParseOptions(bytes, start + MinimumHeaderLength, start + headerLength, ref segment))
                return ParseResult.Malformed;
            return ParseResult.Ok;
        }

        private static bool ParseOptions(byte[] bytes, int at, int end, ref TcpSegment segment)
        {
            bool syn = (segment.Flags & TcpFlags.Syn) != 0;
            while (at < end)
            {
                int kind = bytes[at];
                if (kind == TcpOptionKind.End)
                    return true;
                if (kind == TcpOptionKind.Nop)
                {
                    at++;
                    continue;
                }
                if (at + 1 >= end)
                    return false;
                int length = bytes[at + 1];
                if (length < 2 || at + length > end)
                    return false;
                switch (kind)
                {
                    case TcpOptionKind.Mss:
                        if (length != 4)
                            return false;
                        // Only meaningful on a SYN (RFC 9293, section 3.7.1); elsewhere ignored.
                        if (syn)
                            segment.Mss = (bytes[at + 2] << 8) | bytes[at + 3];
                        break;
                    case TcpOptionKind.WindowScale:
                        if (length != 3)
                            return false;
                        if (syn)
                        {
                            // RFC 7323 section 2.3: a shift above 14 is used as 14.
                            int shift = bytes[at + 2];
                            segment.WindowScale = shift > 14 ? 14 : shift;
                        }
                        break;
                    case TcpOptionKind.SackPermitted:
                        if (length != 2)
                            return false;
                        if (syn)
                            segment.SackPermitted = true;
                        break;
                    case TcpOptionKind.Sack:
                        if (length < 10 || (length - 2) % 8 != 0)
                            return false;
                        ParseSackBlocks(bytes, at + 2, (length - 2) / 8, ref segment);
                        break;
                    case TcpOptionKind.Timestamp:
                        if (length != 10)
                            return false;
                        segment.HasTimestamp = true;
                        segment.TimestampValue = Read32(bytes, at + 2);
                        segment.TimestampEcho = Read32(bytes, at + 6);
                        break;
                    default:
                        break; // Unknown options are skipped by their length (RFC 9293, section 3.2).
                }
                at += length;
            }
            return true;
        }

        private static void ParseSackBlocks(byte[] bytes, int at, int count, ref TcpSegment segment)
        {
            if (count > MaxSackBlocks)
                count = MaxSackBlocks;
            segment.SackBlockCount = count;
            if (count > 0) { segment.Sack0Start = Read32(bytes, at); segment.Sack0End = Read32(bytes, at + 4); }
            if (count > 1) { segment.Sack1Start = Read32(bytes, at + 8); segment.Sack1End = Read32(bytes, at + 12); }
            if (count > 2) { segment.Sack2Start = Read32(bytes, at + 16); segment.Sack2End = Read32(bytes, at + 20); }
            if (count > 3) { segment.Sack3Start = Read32(bytes, at + 24); segment.Sack3End = Read32(bytes, at + 28); }
        }

        public void GetSackBlock(int index, out uint start, out uint end)
        {
            switch (index)
            {
                case 0: start = Sack0Start; end = Sack0End; break;
                case 1: start = Sack1Start; end = Sack1End; break;
                case 2: start = Sack2Start; end = Sack2End; break;
                default: start = Sack3Start; end = Sack3End; break;
            }
        }

        internal static uint Read32(byte[] bytes, int at) =>
            ((uint)bytes[at] << 24) | ((uint)bytes[at + 1] << 16) | ((uint)bytes[at + 2] << 8) | bytes[at + 3];
    }

    internal static class TcpOptionKind
    {
        public const int End = 0;
        public const int Nop = 1;
        public const int Mss = 2;
        public const int WindowScale = 3;
        public const int SackPermitted = 4;
        public const int Sack = 5;
        public const int Timestamp = 8;
    }
}
