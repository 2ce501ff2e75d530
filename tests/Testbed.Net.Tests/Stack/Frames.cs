using Testbed.LibOS.Net;

namespace Testbed.Net.Tests.Stack;

/// <summary>Builds the frames a peer on the wire would send.</summary>
internal static class Frames
{
    public static readonly byte[] PeerMac = { 0x02, 0xAA, 0xBB, 0xCC, 0xDD, 0x01 };
    public const uint PeerIp = 0x0A000202;   // 10.0.2.2
    public const uint OurIp = 0x0A00020F;    // 10.0.2.15

    public static byte[] Ethernet(byte[] destination, int etherType, byte[] payload)
    {
        var frame = new byte[14 + payload.Length];
        destination.CopyTo(frame, 0);
        PeerMac.CopyTo(frame, 6);
        frame[12] = (byte)(etherType >> 8);
        frame[13] = (byte)etherType;
        payload.CopyTo(frame, 14);
        return frame;
    }

    public static byte[] ArpRequest(uint sender, uint target)
    {
        var p = new byte[28];
        p[1] = 1; p[2] = 0x08; p[4] = 6; p[5] = 4; p[7] = 1;
        PeerMac.CopyTo(p, 8);
        WriteIp(p, 14, sender);
        WriteIp(p, 24, target);
        return Ethernet(Broadcast, 0x0806, p);
    }

    public static readonly byte[] Broadcast = { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF };

    public static byte[] Ipv4(uint source, uint destination, byte protocol, byte[] payload, int fragmentField = 0x4000, bool goodChecksum = true)
    {
        var p = new byte[20 + payload.Length];
        p[0] = 0x45;
        p[2] = (byte)(p.Length >> 8); p[3] = (byte)p.Length;
        p[6] = (byte)(fragmentField >> 8); p[7] = (byte)fragmentField;
        p[8] = 64; p[9] = protocol;
        WriteIp(p, 12, source);
        WriteIp(p, 16, destination);
        ushort sum = InternetChecksum.Compute(p.AsSpan(0, 20));
        if (!goodChecksum) sum ^= 0x0101;
        p[10] = (byte)(sum >> 8); p[11] = (byte)sum;
        payload.CopyTo(p, 20);
        return p;
    }

    public static byte[] IcmpEcho(ushort id, ushort sequence, byte[] data)
    {
        var m = new byte[8 + data.Length];
        m[0] = 8;
        m[4] = (byte)(id >> 8); m[5] = (byte)id; m[6] = (byte)(sequence >> 8); m[7] = (byte)sequence;
        data.CopyTo(m, 8);
        ushort sum = InternetChecksum.Compute(m);
        m[2] = (byte)(sum >> 8); m[3] = (byte)sum;
        return m;
    }

    public static byte[] Udp(uint source, uint destination, ushort sourcePort, ushort destinationPort, byte[] data, bool goodChecksum = true)
    {
        var u = new byte[8 + data.Length];
        u[0] = (byte)(sourcePort >> 8); u[1] = (byte)sourcePort;
        u[2] = (byte)(destinationPort >> 8); u[3] = (byte)destinationPort;
        u[4] = (byte)(u.Length >> 8); u[5] = (byte)u.Length;
        data.CopyTo(u, 8);
        var sum = new InternetChecksum();
        sum.AddPseudoHeader(source, destination, 17, u.Length);
        sum.Add(u);
        ushort value = sum.Finish();
        if (!goodChecksum) value ^= 0x00FF;
        u[6] = (byte)(value >> 8); u[7] = (byte)value;
        return u;
    }

    public static void WriteIp(byte[] p, int at, uint ip)
    {
        p[at] = (byte)(ip >> 24); p[at + 1] = (byte)(ip >> 16); p[at + 2] = (byte)(ip >> 8); p[at + 3] = (byte)ip;
    }

    public static uint ReadIp(byte[] p, int at) => (uint)(p[at] << 24 | p[at + 1] << 16 | p[at + 2] << 8 | p[at + 3]);
}
