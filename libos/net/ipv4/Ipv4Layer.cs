using System;

namespace Testbed.LibOS.Net.Ipv4
{
    /// <summary>
    /// IPv4 (RFC 791, host requirements of RFC 1122). Received packets are checked (version, header
    /// length, total length, header checksum), options are skipped, and fragments are dropped and
    /// counted rather than reassembled: the stack sends with DF and a path MTU of the interface's, and
    /// reassembly is a memory-exhaustion surface (RFC 8900) that a server does not need. The stack is a
    /// host, not a router: packets for other addresses are dropped.
    /// </summary>
    public static class Ipv4Layer
    {
        public const int HeaderBytes = 20;
        public const byte ProtocolIcmp = 1;
        public const byte ProtocolTcp = 6;
        public const byte ProtocolUdp = 17;
        public const byte DefaultTtl = 64;
        public const uint LoopbackNetwork = 0x7F000000;
        public const uint Limited = 0xFFFFFFFFu;

        private static ushort s_identification;

        public static bool IsLoopback(uint address) => (address >> 24) == 127;

        /// <summary>
        /// Checks a received packet (Start at the IP header) and leaves Start at the payload, End at the
        /// end of the datagram. False when it was dropped (counted and released).
        /// </summary>
        public static bool Strip(NetInterface nif, PacketBuffer packet, bool checksumVerified, out uint source, out uint destination, out byte protocol)
        {
            source = 0;
            destination = 0;
            protocol = 0;
            int length = packet.Length;
            if (length < HeaderBytes)
                return Drop(packet, ref NetCounters.DroppedIpMalformed);
            ReadOnlySpan<byte> h = new ReadOnlySpan<byte>(packet.Bytes, packet.Start, length);
            int headerBytes = (h[0] & 0x0F) * 4;
            int totalLength = NetworkOrder.ReadUInt16(h, 2);
            if ((h[0] >> 4) != 4 || headerBytes < HeaderBytes || headerBytes > length || totalLength < headerBytes || totalLength > length)
                return Drop(packet, ref NetCounters.DroppedIpMalformed);
            if (!checksumVerified && InternetChecksum.Compute(h.Slice(0, headerBytes)) != 0)
                return Drop(packet, ref NetCounters.DroppedIpChecksum);
            int fragment = NetworkOrder.ReadUInt16(h, 6);
            if ((fragment & 0x3FFF) != 0)
                return Drop(packet, ref NetCounters.DroppedIpFragment);
            source = NetworkOrder.ReadUInt32(h, 12);
            destination = NetworkOrder.ReadUInt32(h, 16);
            protocol = h[9];
            if (!IsForUs(nif, destination) || IsMartianSource(nif, source))
                return Drop(packet, ref NetCounters.DroppedNotForUs);
            packet.Truncate(totalLength);
            packet.Consume(headerBytes);
            return true;
        }

        /// <summary>
        /// Prepends the header to a transport packet (Start at its header) and routes it. Takes ownership.
        /// </summary>
        public static void Send(NetStack stack, uint source, uint destination, byte protocol, PacketBuffer packet)
        {
            NetInterface nif = stack.Route(destination, out uint nextHop);
            if (nif == null)
            {
                NetCounters.DroppedNoRoute++;
                packet.Release();
                return;
            }
            int totalLength = packet.Length + HeaderBytes;
            Span<byte> h = packet.Prepend(HeaderBytes);
            h[0] = 0x45;
            h[1] = 0;
            NetworkOrder.WriteUInt16(h, 2, totalLength);
            NetworkOrder.WriteUInt16(h, 4, ++s_identification);
            // DF: the stack never fragments; TCP's MSS keeps its segments within the MTU.
            NetworkOrder.WriteUInt16(h, 6, 0x4000);
            h[8] = DefaultTtl;
            h[9] = protocol;
            h[10] = 0;
            h[11] = 0;
            NetworkOrder.WriteUInt32(h, 12, source);
            NetworkOrder.WriteUInt32(h, 16, destination);
            if (!nif.IsLoopback)
                NetworkOrder.WriteUInt16(h, 10, InternetChecksum.Compute(h));
            stack.Output(nif, nextHop, packet);
        }

        private static bool IsForUs(NetInterface nif, uint destination)
        {
            if (nif.IsLoopback)
                return true;
            return destination == nif.Address || destination == Limited || (nif.PrefixLength > 0 && destination == nif.SubnetBroadcast);
        }

        /// <summary>
        /// RFC 1122 3.2.1.3: a source that cannot be a host is discarded: "this network" (0/8), multicast
        /// and reserved (224/3), and, on a wire, the loopback network and the subnet's broadcast address
        /// (answering those would turn the stack into an amplifier or loop its replies back to itself).
        /// </summary>
        private static bool IsMartianSource(NetInterface nif, uint source) =>
            (source >> 24) == 0 || (source >> 29) == 7
            || (!nif.IsLoopback && (IsLoopback(source) || (nif.PrefixLength > 0 && nif.PrefixLength < 31 && source == nif.SubnetBroadcast)));

        private static bool Drop(PacketBuffer packet, ref long counter)
        {
            counter++;
            packet.Release();
            return false;
        }
    }
}
