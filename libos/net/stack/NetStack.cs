using System;
using Testbed.LibOS.Net.Arp;
using Testbed.LibOS.Net.Ethernet;
using Testbed.LibOS.Net.Icmp;
using Testbed.LibOS.Net.Ipv4;
using Testbed.LibOS.Net.Loopback;
using Testbed.LibOS.Net.Tcp;
using Testbed.LibOS.Net.Udp;

namespace Testbed.LibOS.Net
{
    /// <summary>
    /// The composition root of the stack: the loopback interface, at most one Ethernet interface, and
    /// the protocol layers between them and the sockets. It does no waiting and reads the clock only
    /// through <see cref="NowMicroseconds"/>: the sockets layer's network loop calls <see cref="Poll"/>.
    /// Everything runs on green threads of one CPU, and nothing here blocks, so no locking is needed.
    /// </summary>
    public sealed class NetStack : ITcpHost
    {
        public readonly NetInterface Loopback;
        public readonly LoopbackDevice LoopbackDevice;
        public NetInterface Ethernet;
        public readonly TcpLayer Tcp;
        public readonly UdpLayer Udp;
        private readonly Func<long> clock;
        private ulong randomState;

        /// <summary>Something a blocked socket user may wait for happened; the argument is the socket's <c>UserState</c>.</summary>
        public Action<object> SocketEvent;

        public NetStack(Func<long> clockMicroseconds, ulong seed)
        {
            clock = clockMicroseconds;
            randomState = seed | 1;
            LoopbackDevice = new LoopbackDevice();
            Loopback = new NetInterface(LoopbackDevice, isLoopback: true);
            Loopback.Address = Ipv4Layer.LoopbackNetwork | 1;
            Loopback.PrefixLength = 8;
            Tcp = new TcpLayer(this);
            Udp = new UdpLayer(this);
        }

        /// <summary>Adds the Ethernet interface (one per stack).</summary>
        public NetInterface AttachEthernet(INetworkDevice device, uint address, int prefixLength, uint gateway)
        {
            var nif = new NetInterface(device, isLoopback: false);
            nif.Address = address;
            nif.PrefixLength = prefixLength;
            nif.Gateway = gateway;
            nif.Arp = new ArpCache(nif);
            Ethernet = nif;
            return nif;
        }

        public long NowMicroseconds => clock();

        /// <summary>Handles every frame the devices have and runs due timers. Returns the frames handled.</summary>
        public int Poll()
        {
            int handled = 0;
            PacketBuffer frame;
            if (Ethernet != null)
                while ((frame = Ethernet.Device.Receive()) != null)
                {
                    Input(Ethernet, frame);
                    handled++;
                }
            handled += DeliverLoopback(LoopbackDevice.QueueLimit);
            long now = clock();
            if (Ethernet != null)
                ((ArpCache)Ethernet.Arp).Poll(now);
            Tcp.Poll();
            return handled;
        }

        /// <summary>
        /// Handles up to <paramref name="budget"/> frames of the loopback queue, including those that
        /// handling them queues (ACKs, replies). Bounded, so that one busy connection cannot keep the
        /// caller from the Ethernet device and the timers.
        /// </summary>
        public int DeliverLoopback(int budget)
        {
            int handled = 0;
            PacketBuffer frame;
            while (handled < budget && (frame = LoopbackDevice.Receive()) != null)
            {
                Input(Loopback, frame);
                handled++;
            }
            return handled;
        }

        /// <summary>The earliest time a timer needs <see cref="Poll"/>, long.MaxValue when none.</summary>
        public long NextDeadlineMicroseconds
        {
            get
            {
                long next = Tcp.NextDeadlineMicroseconds;
                if (Ethernet != null)
                {
                    long arp = ((ArpCache)Ethernet.Arp).NextDeadline;
                    if (arp < next)
                        next = arp;
                }
                return next;
            }
        }

        public bool HasQueuedFrames => LoopbackDevice.HasFrames;

        public void Input(NetInterface nif, PacketBuffer frame)
        {
            NetCounters.FramesReceived++;
            int etherType = EthernetLayer.Strip(nif, frame);
            if (etherType == EthernetLayer.EtherTypeArp)
            {
                if (nif.Arp != null)
                    ((ArpCache)nif.Arp).Receive(frame, clock());
                else
                    frame.Release();
                return;
            }
            if (etherType != EthernetLayer.EtherTypeIpv4)
                return;
            if (!Ipv4Layer.Strip(nif, frame, frame.ChecksumVerified, out uint source, out uint destination, out byte protocol))
                return;
            switch (protocol)
            {
                case Ipv4Layer.ProtocolTcp:
                    Tcp.Receive(source, destination, frame);
                    break;
                case Ipv4Layer.ProtocolUdp:
                    Udp.Receive(source, destination, frame);
                    break;
                case Ipv4Layer.ProtocolIcmp:
                    IcmpLayer.Receive(this, source, destination, frame);
                    break;
                default:
                    NetCounters.DroppedIpUnknownProtocol++;
                    frame.Release();
                    break;
            }
        }

        /// <summary>The interface for <paramref name="destination"/> and the next hop on it; null when unreachable.</summary>
        public NetInterface Route(uint destination, out uint nextHop)
        {
            nextHop = destination;
            if (Ipv4Layer.IsLoopback(destination) || (Ethernet != null && destination == Ethernet.Address))
                return Loopback;
            if (Ethernet == null || Ethernet.Address == 0)
                return null;
            if (destination == Ipv4Layer.Limited || Ethernet.IsOnLink(destination))
                return Ethernet;
            if (Ethernet.Gateway == 0)
                return null;
            nextHop = Ethernet.Gateway;
            return Ethernet;
        }

        /// <summary>Frames an IPv4 packet for <paramref name="nif"/>. Takes ownership.</summary>
        public void Output(NetInterface nif, uint nextHop, PacketBuffer packet)
        {
            if (nif.IsLoopback)
                EthernetLayer.Send(nif, 0, EthernetLayer.EtherTypeIpv4, packet);
            else
                ((ArpCache)nif.Arp).SendIpv4(nextHop, packet, clock());
        }

        public void Notify(object userState)
        {
            if (userState != null && SocketEvent != null)
                SocketEvent(userState);
        }

        // ITcpHost

        /// <summary>A standard buffer, or a large one for what only the loopback carries (docs/net-tcp.md, "Loopback").</summary>
        public PacketBuffer RentBuffer(int payloadLength) => PacketPool.RentFor(payloadLength);

        public bool IsLoopbackRoute(uint destination) => Route(destination, out uint _) == Loopback;

        public void Transmit(uint source, uint destination, PacketBuffer segment) =>
            Ipv4Layer.Send(this, source, destination, Ipv4Layer.ProtocolTcp, segment);

        public NetOffloads RouteOffloads(uint destination)
        {
            NetInterface nif = Route(destination, out uint _);
            return nif != null ? nif.Device.Offloads : NetOffloads.None;
        }

        public int MaximumSegmentSize(uint destination)
        {
            NetInterface nif = Route(destination, out uint _);
            int mtu = nif != null ? nif.Device.Mtu : 1500;
            return mtu - Ipv4Layer.HeaderBytes - 20;
        }

        public uint SourceAddressFor(uint destination)
        {
            // As Linux's "local 127.0.0.0/8 dev lo src 127.0.0.1".
            if (Ipv4Layer.IsLoopback(destination))
                return Loopback.Address;
            NetInterface nif = Route(destination, out uint _);
            if (nif == null)
                return 0;
            return nif == Loopback ? destination : nif.Address;
        }

        /// <summary>xorshift64*: fast and unpredictable enough for ports and ISN keys once seeded from a secret.</summary>
        public uint Random32()
        {
            ulong x = randomState;
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            randomState = x;
            return (uint)((x * 0x2545F4914F6CDD1DUL) >> 32);
        }

        public void SocketChanged(TcpSocket socket) => Notify(socket.UserState);
    }
}
