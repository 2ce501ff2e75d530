using Testbed.LibOS.Net;

namespace Testbed.Net.Tests.Infrastructure;

/// <summary>Options for crafted segments, in wire format.</summary>
public static class Opt
{
    public static byte[] Mss(int mss) => new byte[] { 2, 4, (byte)(mss >> 8), (byte)mss };
    public static byte[] WindowScale(int shift) => new byte[] { 1, 3, 3, (byte)shift };
    public static byte[] SackPermitted() => new byte[] { 1, 1, 4, 2 };
    public static byte[] Timestamp(uint val, uint ecr)
    {
        var b = new byte[12];
        b[0] = 1; b[1] = 1; b[2] = 8; b[3] = 10;
        Write32(b, 4, val);
        Write32(b, 8, ecr);
        return b;
    }
    public static byte[] Sack(params (uint Start, uint End)[] blocks)
    {
        var b = new byte[4 + 8 * blocks.Length];
        b[0] = 1; b[1] = 1; b[2] = 5; b[3] = (byte)(2 + 8 * blocks.Length);
        for (int i = 0; i < blocks.Length; i++)
        {
            Write32(b, 4 + 8 * i, blocks[i].Start);
            Write32(b, 8 + 8 * i, blocks[i].End);
        }
        return b;
    }
    public static byte[] Concat(params byte[][] parts)
    {
        var all = new List<byte>();
        foreach (var p in parts) all.AddRange(p);
        while (all.Count % 4 != 0) all.Add(0);
        return all.ToArray();
    }
    internal static void Write32(byte[] b, int at, uint v)
    {
        b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v;
    }
}

/// <summary>Crafts segments as a peer (or an attacker) would send them.</summary>
public static class SegmentBuilder
{
    public static PacketBuffer Build(uint source, uint destination, ushort sourcePort, ushort destinationPort,
        uint seq, uint ack, int flags, int window, byte[] options = null, byte[] payload = null, bool corruptChecksum = false)
    {
        options ??= Array.Empty<byte>();
        payload ??= Array.Empty<byte>();
        if (options.Length % 4 != 0)
            options = Opt.Concat(options);
        var raw = new byte[20 + options.Length + payload.Length];
        raw[0] = (byte)(sourcePort >> 8); raw[1] = (byte)sourcePort;
        raw[2] = (byte)(destinationPort >> 8); raw[3] = (byte)destinationPort;
        Opt.Write32(raw, 4, seq);
        Opt.Write32(raw, 8, ack);
        raw[12] = (byte)(((20 + options.Length) / 4) << 4);
        raw[13] = (byte)flags;
        raw[14] = (byte)(window >> 8); raw[15] = (byte)window;
        options.CopyTo(raw, 20);
        payload.CopyTo(raw, 20 + options.Length);
        FixChecksum(source, destination, raw);
        if (corruptChecksum)
            raw[16] ^= 0x55;
        return FromBytes(raw);
    }

    public static void FixChecksum(uint source, uint destination, byte[] raw)
    {
        raw[16] = 0; raw[17] = 0;
        var c = new InternetChecksum();
        c.AddPseudoHeader(source, destination, 6, raw.Length);
        c.Add(raw);
        ushort sum = c.Finish();
        raw[16] = (byte)(sum >> 8); raw[17] = (byte)sum;
    }

    public static PacketBuffer FromBytes(ReadOnlySpan<byte> raw)
    {
        PacketBuffer buffer = PacketPool.Shared.Rent();
        raw.CopyTo(buffer.Append(raw.Length));
        return buffer;
    }
}
