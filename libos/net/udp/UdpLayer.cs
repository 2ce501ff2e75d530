using System;
using System.Collections.Generic;
using Testbed.LibOS.Net.Ipv4;

namespace Testbed.LibOS.Net.Udp
{
    /// <summary>
    /// UDP (RFC 768): checksums checked when present and always sent, demultiplexing on the local
    /// port (and address, when a socket is bound to one), no fragmentation: a datagram larger than the
    /// route's MTU allows is refused with MessageSize, as with IP_PMTUDISC_DO.
    /// </summary>
    public sealed class UdpLayer
    {
        public const int HeaderBytes = 8;
        private const int FirstEphemeralPort = 49152;

        private readonly NetStack stack;
        private readonly Dictionary<int, UdpSocket> byPort = new Dictionary<int, UdpSocket>();

        public UdpLayer(NetStack stack)
        {
            this.stack = stack;
        }

        public UdpSocket CreateSocket() => new UdpSocket(this);

        public bool Bind(UdpSocket socket, uint address, ushort port, bool reuseAddress)
        {
            if (port == 0)
            {
                int span = 65536 - FirstEphemeralPort;
                int start = (int)(stack.Random32() % (uint)span);
                for (int i = 0; i < span; i++)
                {
                    int candidate = FirstEphemeralPort + (start + i) % span;
                    if (!byPort.ContainsKey(candidate))
                    {
                        port = (ushort)candidate;
                        break;
                    }
                }
                if (port == 0)
                    return false;
            }
            else if (byPort.ContainsKey(port))
                return false;
            socket.LocalAddress = address;
            socket.LocalPort = port;
            byPort[port] = socket;
            return true;
        }

        internal void Unbind(UdpSocket socket)
        {
            if (socket.LocalPort != 0 && byPort.TryGetValue(socket.LocalPort, out UdpSocket bound) && bound == socket)
                byPort.Remove(socket.LocalPort);
        }

        public void Receive(uint source, uint destination, PacketBuffer packet)
        {
            Span<byte> d = packet.Data;
            if (d.Length < HeaderBytes)
            {
                Drop(packet, ref NetCounters.DroppedUdpMalformed);
                return;
            }
            int length = NetworkOrder.ReadUInt16(d, 4);
            if (length < HeaderBytes || length > d.Length)
            {
                Drop(packet, ref NetCounters.DroppedUdpMalformed);
                return;
            }
            if (NetworkOrder.ReadUInt16(d, 6) != 0 && !packet.ChecksumVerified)
            {
                var sum = new InternetChecksum();
                sum.AddPseudoHeader(source, destination, Ipv4Layer.ProtocolUdp, length);
                sum.Add(d.Slice(0, length));
                if (sum.Finish() != 0)
                {
                    Drop(packet, ref NetCounters.DroppedUdpMalformed);
                    return;
                }
            }
            ushort sourcePort = NetworkOrder.ReadUInt16(d, 0);
            ushort destinationPort = NetworkOrder.ReadUInt16(d, 2);
            if (!byPort.TryGetValue(destinationPort, out UdpSocket socket)
                || (socket.LocalAddress != 0 && socket.LocalAddress != destination && !Ipv4Layer.IsLoopback(destination)))
            {
                Drop(packet, ref NetCounters.DroppedUdpNoSocket);
                return;
            }
            if (socket.RemotePort != 0 && (socket.RemoteAddress != source || socket.RemotePort != sourcePort))
            {
                Drop(packet, ref NetCounters.DroppedUdpNoSocket);
                return;
            }
            packet.Truncate(length);
            packet.Consume(HeaderBytes);
            if (!socket.Enqueue(packet, source, sourcePort))
            {
                Drop(packet, ref NetCounters.DroppedUdpQueueFull);
                return;
            }
            stack.Notify(socket.UserState);
        }

        internal int Send(UdpSocket socket, ReadOnlySpan<byte> data, uint destination, ushort destinationPort, out UdpError error)
        {
            error = UdpError.None;
            if (destination == Ipv4Layer.Limited && !socket.Broadcast)
            {
                error = UdpError.AccessDenied;
                return -1;
            }
            NetInterface nif = stack.Route(destination, out uint nextHop);
            if (nif == null)
            {
                error = UdpError.HostUnreachable;
                return -1;
            }
            // The MTU is the limit: 1472 bytes of payload on Ethernet, 65507 on the loopback (65535 - 20 - 8, as Linux).
            if (data.Length + HeaderBytes + Ipv4Layer.HeaderBytes > nif.Device.Mtu || data.Length + HeaderBytes > PacketBuffer.LargeCapacity)
            {
                error = UdpError.MessageSize;
                return -1;
            }
            if (socket.LocalPort == 0 && !Bind(socket, 0, 0, false))
            {
                error = UdpError.AddressNotAvailable;
                return -1;
            }
            uint source = socket.LocalAddress != 0 ? socket.LocalAddress : stack.SourceAddressFor(destination);
            PacketBuffer packet = stack.RentBuffer(HeaderBytes + data.Length);
            Span<byte> h = packet.Append(HeaderBytes + data.Length);
            data.CopyTo(h.Slice(HeaderBytes));
            NetCounters.CopiedDatagram += data.Length;
            NetworkOrder.WriteUInt16(h, 0, socket.LocalPort);
            NetworkOrder.WriteUInt16(h, 2, destinationPort);
            NetworkOrder.WriteUInt16(h, 4, HeaderBytes + data.Length);
            h[6] = 0;
            h[7] = 0;
            var sum = new InternetChecksum();
            sum.AddPseudoHeader(source, destination, Ipv4Layer.ProtocolUdp, HeaderBytes + data.Length);
            sum.Add(h);
            ushort checksum = sum.Finish();
            // RFC 768: a computed zero is sent as all ones, since zero means "no checksum".
            NetworkOrder.WriteUInt16(h, 6, checksum == 0 ? 0xFFFF : checksum);
            Ipv4Layer.Send(stack, source, destination, Ipv4Layer.ProtocolUdp, packet);
            return data.Length;
        }

        private static void Drop(PacketBuffer packet, ref long counter)
        {
            counter++;
            packet.Release();
        }
    }
}
