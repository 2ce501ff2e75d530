using System;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// Initial sequence numbers as RFC 6528 section 3 describes: ISN = M + F(4-tuple, secret), with M a
    /// timer ticking every 4 microseconds and F SipHash-2-4 under a key drawn once per stack. The same
    /// hash's other half gives each connection its own timestamp offset (RFC 7323, section 5.4), so a
    /// peer learns neither our uptime nor anything that links two connections.
    /// </summary>
    internal sealed class TcpInitialSequence
    {
        private readonly SipHash24 hash;

        public TcpInitialSequence(uint r0, uint r1, uint r2, uint r3)
        {
            hash = new SipHash24(((ulong)r0 << 32) | r1, ((ulong)r2 << 32) | r3);
        }

        public void Generate(uint localAddress, ushort localPort, uint remoteAddress, ushort remotePort, long nowMicroseconds,
            out uint isn, out uint timestampOffset)
        {
            Span<byte> tuple = stackalloc byte[12];
            Write32(tuple, 0, localAddress);
            Write32(tuple, 4, remoteAddress);
            tuple[8] = (byte)(localPort >> 8);
            tuple[9] = (byte)localPort;
            tuple[10] = (byte)(remotePort >> 8);
            tuple[11] = (byte)remotePort;
            ulong f = hash.Hash(tuple);
            isn = (uint)f + (uint)(nowMicroseconds >> 2);
            timestampOffset = (uint)(f >> 32);
        }

        private static void Write32(Span<byte> bytes, int at, uint value)
        {
            bytes[at] = (byte)(value >> 24);
            bytes[at + 1] = (byte)(value >> 16);
            bytes[at + 2] = (byte)(value >> 8);
            bytes[at + 3] = (byte)value;
        }
    }
}
