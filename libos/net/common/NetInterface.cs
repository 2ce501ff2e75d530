using System;

namespace Testbed.LibOS.Net
{
    /// <summary>
    /// A device with its IPv4 configuration. The loopback interface owns 127.0.0.0/8 and needs no
    /// address resolution; an Ethernet interface resolves next hops with its own ARP cache.
    /// </summary>
    public sealed class NetInterface
    {
        public readonly INetworkDevice Device;
        /// <summary>The MAC in the low 48 bits, first byte most significant.</summary>
        public readonly ulong Mac;
        public readonly bool IsLoopback;
        public uint Address;
        public int PrefixLength;
        public uint Gateway;
        /// <summary>Set by the stack for Ethernet interfaces.</summary>
        public object Arp;

        public NetInterface(INetworkDevice device, bool isLoopback)
        {
            Device = device;
            IsLoopback = isLoopback;
            Span<byte> mac = stackalloc byte[6];
            device.CopyMac(mac);
            Mac = MacAddress.Read(mac);
        }

        public uint Netmask => PrefixLength == 0 ? 0u : 0xFFFFFFFFu << (32 - PrefixLength);

        public uint SubnetBroadcast => (Address & Netmask) | ~Netmask;

        public bool IsOnLink(uint address) => (address & Netmask) == (Address & Netmask);
    }

    /// <summary>48-bit MAC addresses kept in a ulong, so that comparing and caching them is one instruction.</summary>
    public static class MacAddress
    {
        public const ulong Broadcast = 0xFFFF_FFFF_FFFFUL;

        public static ulong Read(ReadOnlySpan<byte> bytes)
        {
            ulong mac = 0;
            for (int i = 0; i < 6; i++)
                mac = (mac << 8) | bytes[i];
            return mac;
        }

        public static void Write(Span<byte> bytes, ulong mac)
        {
            for (int i = 5; i >= 0; i--)
            {
                bytes[i] = (byte)mac;
                mac >>= 8;
            }
        }

        /// <summary>Group addresses have the least significant bit of the first byte set.</summary>
        public static bool IsMulticast(ulong mac) => (mac & 0x0100_0000_0000UL) != 0;
    }

    /// <summary>Big-endian field access for headers.</summary>
    public static class NetworkOrder
    {
        public static ushort ReadUInt16(ReadOnlySpan<byte> b, int at) => (ushort)((b[at] << 8) | b[at + 1]);

        public static uint ReadUInt32(ReadOnlySpan<byte> b, int at) =>
            ((uint)b[at] << 24) | ((uint)b[at + 1] << 16) | ((uint)b[at + 2] << 8) | b[at + 3];

        public static void WriteUInt16(Span<byte> b, int at, int value)
        {
            b[at] = (byte)(value >> 8);
            b[at + 1] = (byte)value;
        }

        public static void WriteUInt32(Span<byte> b, int at, uint value)
        {
            b[at] = (byte)(value >> 24);
            b[at + 1] = (byte)(value >> 16);
            b[at + 2] = (byte)(value >> 8);
            b[at + 3] = (byte)value;
        }
    }
}
