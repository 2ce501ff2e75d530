using System;

namespace Testbed.LibOS.Net.Ethernet
{
    /// <summary>Ethernet II framing: 14 bytes of destination, source and EtherType; no VLAN tags (dropped as unknown).</summary>
    public static class EthernetLayer
    {
        public const int HeaderBytes = 14;
        public const int EtherTypeIpv4 = 0x0800;
        public const int EtherTypeArp = 0x0806;

        /// <summary>
        /// Checks the header of a received frame and moves <c>frame.Start</c> past it. Returns the
        /// EtherType, or 0 when the frame is to be dropped (already counted and released).
        /// </summary>
        public static int Strip(NetInterface nif, PacketBuffer frame)
        {
            if (frame.Length < HeaderBytes)
            {
                NetCounters.DroppedShortFrame++;
                frame.Release();
                return 0;
            }
            ReadOnlySpan<byte> header = new ReadOnlySpan<byte>(frame.Bytes, frame.Start, HeaderBytes);
            ulong destination = MacAddress.Read(header);
            if (destination != nif.Mac && destination != MacAddress.Broadcast && !nif.IsLoopback)
            {
                NetCounters.DroppedNotForUs++;
                frame.Release();
                return 0;
            }
            int etherType = NetworkOrder.ReadUInt16(header, 12);
            if (etherType != EtherTypeIpv4 && etherType != EtherTypeArp)
            {
                NetCounters.DroppedUnknownEtherType++;
                frame.Release();
                return 0;
            }
            frame.Consume(HeaderBytes);
            return etherType;
        }

        /// <summary>Prepends the header and hands the frame to the device, which owns it from then on.</summary>
        public static void Send(NetInterface nif, ulong destination, int etherType, PacketBuffer packet)
        {
            Span<byte> header = packet.Prepend(HeaderBytes);
            MacAddress.Write(header, destination);
            MacAddress.Write(header.Slice(6), nif.Mac);
            NetworkOrder.WriteUInt16(header, 12, etherType);
            NetCounters.FramesSent++;
            if (!nif.Device.Transmit(packet))
                NetCounters.DroppedTransmitQueueFull++;
        }
    }
}
