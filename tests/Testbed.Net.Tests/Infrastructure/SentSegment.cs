using Testbed.LibOS.Net;

namespace Testbed.Net.Tests.Infrastructure;

/// <summary>A segment TCP transmitted, parsed by the tests' own decoder (independent of the stack's parser).</summary>
public sealed class SentSegment
{
    public uint Source, Destination;
    public ushort SourcePort, DestinationPort;
    public uint Seq, Ack;
    public int Flags;
    public int Window;
    public int HeaderLength;
    public byte[] Payload = Array.Empty<byte>();
    public int Mss = -1;
    public int WindowScale = -1;
    public bool SackPermitted;
    public bool HasTimestamp;
    public uint TsVal, TsEcr;
    public List<(uint Start, uint End)> SackBlocks = new();
    public long SentAt;
    /// <summary>The packet asked the device to complete its checksum, and to cut it into segments of this payload (0: none).</summary>
    public bool PartialChecksum;
    public int SegmentPayloadBytes;

    public bool Syn => (Flags & Tcp.Syn) != 0;
    public bool Fin => (Flags & Tcp.Fin) != 0;
    public bool Rst => (Flags & Tcp.Rst) != 0;
    public bool HasAck => (Flags & Tcp.Ack) != 0;
    public bool Psh => (Flags & Tcp.Psh) != 0;
    public int Length => Payload.Length;
    public bool IsPureAck => Flags == Tcp.Ack && Payload.Length == 0;

    public static SentSegment Decode(uint source, uint destination, ReadOnlySpan<byte> b, long now)
    {
        var checksum = new InternetChecksum();
        checksum.AddPseudoHeader(source, destination, 6, b.Length);
        checksum.Add(b);
        if (checksum.Finish() != 0)
            throw new InvalidOperationException("TCP sent a segment with a bad checksum");
        var s = new SentSegment
        {
            Source = source,
            Destination = destination,
            SourcePort = (ushort)((b[0] << 8) | b[1]),
            DestinationPort = (ushort)((b[2] << 8) | b[3]),
            Seq = Read32(b, 4),
            Ack = Read32(b, 8),
            HeaderLength = (b[12] >> 4) * 4,
            Flags = b[13],
            Window = (b[14] << 8) | b[15],
            SentAt = now,
        };
        int at = 20;
        while (at < s.HeaderLength)
        {
            int kind = b[at];
            if (kind == 0) break;
            if (kind == 1) { at++; continue; }
            int len = b[at + 1];
            if (len < 2 || at + len > s.HeaderLength)
                throw new InvalidOperationException("TCP sent malformed options");
            switch (kind)
            {
                case 2: s.Mss = (b[at + 2] << 8) | b[at + 3]; break;
                case 3: s.WindowScale = b[at + 2]; break;
                case 4: s.SackPermitted = true; break;
                case 5:
                    for (int i = at + 2; i + 8 <= at + len; i += 8)
                        s.SackBlocks.Add((Read32(b, i), Read32(b, i + 4)));
                    break;
                case 8: s.HasTimestamp = true; s.TsVal = Read32(b, at + 2); s.TsEcr = Read32(b, at + 6); break;
            }
            at += len;
        }
        s.Payload = b.Slice(s.HeaderLength).ToArray();
        return s;
    }

    public static uint Read32(ReadOnlySpan<byte> b, int at) =>
        ((uint)b[at] << 24) | ((uint)b[at + 1] << 16) | ((uint)b[at + 2] << 8) | b[at + 3];

    public override string ToString()
    {
        var f = new System.Text.StringBuilder();
        if (Syn) f.Append('S');
        if (Fin) f.Append('F');
        if (Rst) f.Append('R');
        if (Psh) f.Append('P');
        if (HasAck) f.Append('.');
        return $"{SourcePort}>{DestinationPort} [{f}] seq={Seq} ack={Ack} win={Window} len={Length}";
    }
}

/// <summary>Flag bits for crafted segments.</summary>
public static class Tcp
{
    public const int Fin = 1, Syn = 2, Rst = 4, Psh = 8, Ack = 16, Urg = 32;
}
