using System;
using System.Collections.Generic;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// TCP for one network stack: the socket tables, port bindings, demultiplexing of arriving
    /// segments (TcpLayer.Input.cs) and the timer scan (TcpLayer.Timers.cs). Single-threaded: IPv4,
    /// the network loop and the sockets layer call it in turn, and it never blocks.
    /// </summary>
    public sealed partial class TcpLayer
    {
        /// <summary>
        /// The largest MSS we announce or use: the largest IPv4 packet (65535) less the IPv4 and TCP
        /// headers, as on Linux's lo. The route's MTU lowers it (1460 on Ethernet); a segment's
        /// payload always fits a <see cref="PacketBuffer.LargeCapacity"/> buffer.
        /// </summary>
        public const int MaximumSegmentSize = 65535 - 40;

        public const int FirstEphemeralPort = 49152;
        public const int EphemeralPortCount = 65536 - FirstEphemeralPort;

        internal readonly ITcpHost host;
        public readonly TcpSettings Settings;
        internal readonly TcpInitialSequence isn;
        internal readonly TcpConnectionTable connections;
        private readonly Dictionary<ushort, TcpPort> ports = new Dictionary<ushort, TcpPort>(new PortComparer());

        /// <summary>The clock, read once per entry into the layer.</summary>
        internal long now;
        /// <summary>What all connections' send buffers have grown by (auto-tuning), against <see cref="TcpSettings.AutoSendBufferBudget"/>.</summary>
        internal long autoSendBufferBytes;

        public TcpLayer(ITcpHost host) : this(host, new TcpSettings())
        {
        }

        public TcpLayer(ITcpHost host, TcpSettings settings)
        {
            this.host = host;
            Settings = settings;
            isn = new TcpInitialSequence(host.Random32(), host.Random32(), host.Random32(), host.Random32());
            connections = new TcpConnectionTable(host.Random32());
            now = host.NowMicroseconds;
            challengeWindowStart = now;
        }

        public TcpSocket CreateSocket() => new TcpSocket(this);

        /// <summary>Connections the layer keeps (handshaking, open, closing, TIME-WAIT), for diagnostics and tests.</summary>
        public int ConnectionCount => connections.Count;

        internal void RefreshClock() => now = host.NowMicroseconds;

        /// <summary>
        /// Binds to a local address (0 = any) and port (0 = an ephemeral port, picked at random per
        /// RFC 6056). A port is in use when another socket holds it on an overlapping address, unless
        /// both sides allow sharing (ReuseAddress, and the holder is not listening).
        /// </summary>
        public TcpError Bind(TcpSocket socket, uint address, ushort port)
        {
            if (socket.binding != TcpPortBinding.None || socket.State != TcpState.Closed)
                return TcpError.InvalidArgument;
            TcpPort entry;
            if (port == 0)
            {
                port = AllocateEphemeralPort();
                if (port == 0)
                    return TcpError.AddressNotAvailable;
                entry = null;
            }
            else if (ports.TryGetValue(port, out entry) && Conflicts(entry, socket, address))
                return TcpError.AddressInUse;
            if (entry == null)
            {
                entry = new TcpPort();
                ports.Add(port, entry);
            }
            entry.Owners.Add(socket);
            socket.binding = TcpPortBinding.Owner;
            socket.localAddress = address;
            socket.localPort = port;
            return TcpError.None;
        }

        private static bool Conflicts(TcpPort entry, TcpSocket socket, uint address)
        {
            if (entry.Children > 0 && !socket.ReuseAddress)
                return true;
            List<TcpSocket> owners = entry.Owners;
            for (int i = 0; i < owners.Count; i++)
            {
                TcpSocket other = owners[i];
                if (other.localAddress != 0 && address != 0 && other.localAddress != address)
                    continue;
                if (socket.ReuseAddress && other.State != TcpState.Listen && (other.ReuseAddress || other.State == TcpState.TimeWait))
                    continue;
                return true;
            }
            return false;
        }

        private ushort AllocateEphemeralPort()
        {
            int start = (int)(host.Random32() % EphemeralPortCount);
            for (int i = 0; i < EphemeralPortCount; i++)
            {
                int candidate = start + i;
                if (candidate >= EphemeralPortCount)
                    candidate -= EphemeralPortCount;
                ushort port = (ushort)(FirstEphemeralPort + candidate);
                if (!ports.ContainsKey(port))
                    return port;
            }
            return 0;
        }

        /// <summary>The listener for a SYN to <paramref name="address"/>:<paramref name="port"/>: an exact address first, then a wildcard.</summary>
        internal TcpSocket FindListener(uint address, ushort port, TcpSocket except)
        {
            if (!ports.TryGetValue(port, out TcpPort entry))
                return null;
            TcpSocket wildcard = null;
            List<TcpSocket> owners = entry.Owners;
            for (int i = 0; i < owners.Count; i++)
            {
                TcpSocket s = owners[i];
                if (s == except || s.State != TcpState.Listen)
                    continue;
                if (s.localAddress == address)
                    return s;
                if (s.localAddress == 0 || address == 0)
                    wildcard = s;
            }
            return wildcard;
        }

        /// <summary>Enters a new passive connection in the tables; it shares its listener's port.</summary>
        internal void AddChild(TcpSocket child)
        {
            if (ports.TryGetValue(child.localPort, out TcpPort entry))
            {
                entry.Children++;
                child.binding = TcpPortBinding.Child;
            }
            connections.Add(child);
        }

        /// <summary>Forgets a closed socket: out of the connection table, its port released, out of its listener's SYN queue.</summary>
        internal void Release(TcpSocket socket)
        {
            if (socket.TableIndex >= 0)
                connections.Remove(socket);
            if (lastFound == socket)
                lastFound = null;
            if (socket.inSynQueue)
            {
                socket.inSynQueue = false;
                socket.listener.synQueueCount--;
                socket.listener = null;
            }
            if (socket.binding != TcpPortBinding.None && ports.TryGetValue(socket.localPort, out TcpPort entry))
            {
                if (socket.binding == TcpPortBinding.Owner)
                    entry.Owners.Remove(socket);
                else
                    entry.Children--;
                if (entry.Owners.Count == 0 && entry.Children == 0)
                    ports.Remove(socket.localPort);
            }
            socket.binding = TcpPortBinding.None;
        }

        /// <summary>A closing listener's half-open connections vanish (their peers' ACKs will meet RSTs).</summary>
        internal void DropHalfOpenChildren(TcpSocket listener)
        {
            for (int i = connections.Count - 1; i >= 0; i--)
            {
                if (i >= connections.Count)
                    continue;
                TcpSocket s = connections.At(i);
                if (s.listener == listener && s.inSynQueue)
                {
                    s.userClosed = true;
                    s.EnterClosed(TcpError.None);
                }
            }
        }

        internal void NotifyUser(TcpSocket socket)
        {
            socket.notifyPending = false;
            if (!socket.userClosed && socket.listener == null)
                host.SocketChanged(socket);
        }

        /// <summary>A bare RST (RFC 9293 section 3.10.7.1 and aborts): no options, sent from <paramref name="source"/>.</summary>
        internal void SendReset(uint source, ushort sourcePort, uint destination, ushort destinationPort, uint seq, uint ack, bool withAck)
        {
            PacketBuffer buffer = host.RentBuffer(0);
            int flags = TcpFlags.Rst | (withAck ? TcpFlags.Ack : 0);
            TcpHeaderWriter.Begin(buffer, 0, sourcePort, destinationPort, seq, withAck ? ack : 0, flags, 0);
            TcpHeaderWriter.Finish(buffer, source, destination, false);
            TcpCounters.ResetsSent++;
            TcpCounters.SegmentsSent++;
            host.Transmit(source, destination, buffer);
        }

        private long challengeWindowStart;
        private int challengeCount;

        /// <summary>RFC 5961 section 7: at most Settings.ChallengeAcksPerSecond challenge ACKs per second.</summary>
        internal bool AllowChallengeAck()
        {
            if (now - challengeWindowStart >= 1_000_000)
            {
                challengeWindowStart = now;
                challengeCount = 0;
            }
            if (challengeCount >= Settings.ChallengeAcksPerSecond)
                return false;
            challengeCount++;
            return true;
        }
    }

    /// <summary>The sockets on one local port.</summary>
    internal sealed class TcpPort
    {
        /// <summary>Sockets bound explicitly, listening or connecting from the port.</summary>
        public readonly List<TcpSocket> Owners = new List<TcpSocket>(1);
        /// <summary>Passive connections sharing a listener's port.</summary>
        public int Children;
    }

    /// <summary>Compares ports without boxing them (the default comparer would, through IEquatable).</summary>
    internal sealed class PortComparer : IEqualityComparer<ushort>
    {
        public bool Equals(ushort x, ushort y) => x == y;
        public int GetHashCode(ushort port) => port;
    }
}
