using System;
using Testbed.LibOS.Net.Ethernet;

namespace Testbed.LibOS.Net.Arp
{
    /// <summary>
    /// ARP for IPv4 over Ethernet (RFC 826), one cache per interface. An entry is either resolved (after
    /// <see cref="ReachableMicroseconds"/> it is stale: still used, while requests confirm it) or incomplete, holding up to
    /// <see cref="MaxPendingPerEntry"/> packets that wait for the reply; requests are repeated every
    /// second and the entry and its packets are dropped after <see cref="MaxRequests"/>. The table has
    /// a fixed size: when it is full, the oldest entry makes room, so a flood of addresses costs no memory.
    /// </summary>
    public sealed class ArpCache
    {
        public const int Capacity = 256;
        public const int MaxPendingPerEntry = 8;
        public const int MaxRequests = 3;
        public const long ReachableMicroseconds = 60_000_000;
        public const long RetryMicroseconds = 1_000_000;
        private const int PacketBytes = 28;

        private struct Entry
        {
            public uint Address;
            public ulong Mac;
            public bool Resolved;
            public long Since;
            public long NextRequest;
            public int Requests;
            public PacketBuffer PendingHead;
            public PacketBuffer PendingTail;
            public int PendingCount;
        }

        private readonly NetInterface nif;
        private readonly Entry[] entries = new Entry[Capacity];
        private int used;

        public long Requests;
        public long Replies;

        public ArpCache(NetInterface nif)
        {
            this.nif = nif;
        }

        /// <summary>Sends an IPv4 packet to the next hop, resolving its MAC first if needed. Takes ownership.</summary>
        public void SendIpv4(uint nextHop, PacketBuffer packet, long now)
        {
            if (nextHop == 0xFFFFFFFFu || nextHop == nif.SubnetBroadcast)
            {
                EthernetLayer.Send(nif, MacAddress.Broadcast, EthernetLayer.EtherTypeIpv4, packet);
                return;
            }
            int i = Find(nextHop);
            if (i >= 0 && entries[i].Resolved)
            {
                ref Entry known = ref entries[i];
                bool stale = now - known.Since >= ReachableMicroseconds;
                if (!stale || known.Requests < MaxRequests || known.NextRequest > now)
                {
                    // Stale after its lifetime: traffic keeps flowing to the known MAC while requests
                    // confirm it (Linux's STALE/PROBE states); dropping packets in flight instead would
                    // stall every connection through this next hop once a minute.
                    if (stale && known.NextRequest <= now)
                        Request(ref known, now);
                    EthernetLayer.Send(nif, known.Mac, EthernetLayer.EtherTypeIpv4, packet);
                    return;
                }
                // Unanswered probes: the host is gone or changed its card; the next packets wait for an answer.
                known.Resolved = false;
                known.Requests = 0;
                known.NextRequest = now;
            }
            if (i < 0)
                i = Claim(nextHop, now);
            ref Entry entry = ref entries[i];
            if (entry.PendingCount >= MaxPendingPerEntry)
            {
                NetCounters.DroppedArpQueueFull++;
                packet.Release();
            }
            else
            {
                packet.Next = null;
                if (entry.PendingTail == null)
                    entry.PendingHead = packet;
                else
                    entry.PendingTail.Next = packet;
                entry.PendingTail = packet;
                entry.PendingCount++;
            }
            if (entry.NextRequest <= now)
                Request(ref entry, now);
        }

        /// <summary>An ARP packet (Start at the ARP header). Learns the sender, answers requests for our address.</summary>
        public void Receive(PacketBuffer packet, long now)
        {
            if (packet.Length < PacketBytes)
            {
                NetCounters.DroppedArpMalformed++;
                packet.Release();
                return;
            }
            ReadOnlySpan<byte> p = new ReadOnlySpan<byte>(packet.Bytes, packet.Start, PacketBytes);
            int hardware = NetworkOrder.ReadUInt16(p, 0);
            int protocol = NetworkOrder.ReadUInt16(p, 2);
            int operation = NetworkOrder.ReadUInt16(p, 6);
            if (hardware != 1 || protocol != EthernetLayer.EtherTypeIpv4 || p[4] != 6 || p[5] != 4 || (operation != 1 && operation != 2))
            {
                NetCounters.DroppedArpMalformed++;
                packet.Release();
                return;
            }
            ulong senderMac = MacAddress.Read(p.Slice(8));
            uint senderIp = NetworkOrder.ReadUInt32(p, 14);
            uint targetIp = NetworkOrder.ReadUInt32(p, 24);
            bool forUs = nif.Address != 0 && targetIp == nif.Address;
            if (senderIp != 0 && !MacAddress.IsMulticast(senderMac))
            {
                // RFC 826's merge: refresh an entry we have; create one only when the packet is for us.
                int i = Find(senderIp);
                if (i < 0 && forUs)
                    i = Claim(senderIp, now);
                if (i >= 0)
                    Resolve(i, senderMac, now);
            }
            if (forUs && operation == 1)
            {
                Replies++;
                // Turned around in place: the request's buffer becomes the reply.
                Span<byte> w = new Span<byte>(packet.Bytes, packet.Start, PacketBytes);
                NetworkOrder.WriteUInt16(w, 6, 2);
                MacAddress.Write(w.Slice(18), senderMac);
                NetworkOrder.WriteUInt32(w, 24, senderIp);
                MacAddress.Write(w.Slice(8), nif.Mac);
                NetworkOrder.WriteUInt32(w, 14, nif.Address);
                packet.Truncate(PacketBytes);
                EthernetLayer.Send(nif, senderMac, EthernetLayer.EtherTypeArp, packet);
                return;
            }
            packet.Release();
        }

        /// <summary>Repeats requests and gives up on addresses that never answered; called by the network loop.</summary>
        public void Poll(long now)
        {
            for (int i = 0; i < used; i++)
            {
                ref Entry entry = ref entries[i];
                if (entry.Resolved || entry.Address == 0 || entry.NextRequest > now)
                    continue;
                if (entry.Requests >= MaxRequests)
                {
                    DropPending(ref entry);
                    entry = default;
                }
                else
                    Request(ref entry, now);   // with or without packets waiting (Announce asks for the gateway with none)
            }
        }

        /// <summary>The earliest time <see cref="Poll"/> has work, long.MaxValue when none.</summary>
        public long NextDeadline
        {
            get
            {
                long next = long.MaxValue;
                for (int i = 0; i < used; i++)
                    if (!entries[i].Resolved && entries[i].Address != 0 && entries[i].NextRequest < next)
                        next = entries[i].NextRequest;
                return next;
            }
        }

        public bool TryLookup(uint address, out ulong mac)
        {
            int i = Find(address);
            mac = i >= 0 && entries[i].Resolved ? entries[i].Mac : 0;
            return i >= 0 && entries[i].Resolved;
        }

        private void Resolve(int i, ulong mac, long now)
        {
            ref Entry entry = ref entries[i];
            entry.Mac = mac;
            entry.Resolved = true;
            entry.Since = now;
            entry.Requests = 0;
            PacketBuffer packet = entry.PendingHead;
            entry.PendingHead = null;
            entry.PendingTail = null;
            entry.PendingCount = 0;
            while (packet != null)
            {
                PacketBuffer next = packet.Next;
                packet.Next = null;
                EthernetLayer.Send(nif, mac, EthernetLayer.EtherTypeIpv4, packet);
                packet = next;
            }
        }

        /// <summary>
        /// When the NIC comes up: an ARP announcement (RFC 5227, 2.3: a request for our own address, from
        /// it), then a request for the gateway. A host that tried to reach us before anything read the tap
        /// holds an incomplete entry for us and would wait for its own retry (a second on Linux) before its
        /// first packet reached us; Linux does not complete that entry from the announcement, but it learns
        /// the sender of every request addressed to itself (RFC 826's merge), which the gateway request is
        /// where the host is the gateway (a tap's host side). Its reply also caches the gateway's address
        /// before the first packet to it.
        /// </summary>
        public void Announce(long now)
        {
            if (nif.Address == 0)
                return;
            Requests++;
            SendRequest(nif.Address);
            if (nif.Gateway == 0 || nif.Gateway == nif.Address)
                return;
            int i = Find(nif.Gateway);
            if (i < 0)
                i = Claim(nif.Gateway, now);
            if (!entries[i].Resolved)
                Request(ref entries[i], now);
        }

        private void Request(ref Entry entry, long now)
        {
            entry.Requests++;
            entry.NextRequest = now + RetryMicroseconds;
            Requests++;
            SendRequest(entry.Address);
        }

        private void SendRequest(uint target)
        {
            PacketBuffer packet = PacketPool.Shared.Rent();
            Span<byte> w = packet.Append(PacketBytes);
            NetworkOrder.WriteUInt16(w, 0, 1);
            NetworkOrder.WriteUInt16(w, 2, EthernetLayer.EtherTypeIpv4);
            w[4] = 6;
            w[5] = 4;
            NetworkOrder.WriteUInt16(w, 6, 1);
            MacAddress.Write(w.Slice(8), nif.Mac);
            NetworkOrder.WriteUInt32(w, 14, nif.Address);
            MacAddress.Write(w.Slice(18), 0);
            NetworkOrder.WriteUInt32(w, 24, target);
            EthernetLayer.Send(nif, MacAddress.Broadcast, EthernetLayer.EtherTypeArp, packet);
        }

        private int Find(uint address)
        {
            for (int i = 0; i < used; i++)
                if (entries[i].Address == address)
                    return i;
            return -1;
        }

        private int Claim(uint address, long now)
        {
            int slot = -1;
            for (int i = 0; i < used; i++)
                if (entries[i].Address == 0)
                {
                    slot = i;
                    break;
                }
            if (slot < 0 && used < Capacity)
                slot = used++;
            if (slot < 0)
            {
                slot = 0;
                for (int i = 1; i < Capacity; i++)
                    if (entries[i].Since < entries[slot].Since)
                        slot = i;
                DropPending(ref entries[slot]);
            }
            entries[slot] = default;
            entries[slot].Address = address;
            entries[slot].Since = now;
            entries[slot].NextRequest = now;
            return slot;
        }

        private static void DropPending(ref Entry entry)
        {
            PacketBuffer packet = entry.PendingHead;
            while (packet != null)
            {
                PacketBuffer next = packet.Next;
                packet.Next = null;
                NetCounters.DroppedArpUnresolved++;
                packet.Release();
                packet = next;
            }
            entry.PendingHead = null;
            entry.PendingTail = null;
            entry.PendingCount = 0;
        }
    }
}
