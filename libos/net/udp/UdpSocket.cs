using System;

namespace Testbed.LibOS.Net.Udp
{
    /// <summary>
    /// A UDP endpoint. Received datagrams stay in the buffers they arrived in (Start at the payload,
    /// the sender recorded beside them) until the application copies them out; the queue is bounded
    /// in bytes like a kernel's receive buffer, and a datagram that does not fit is dropped and counted.
    /// </summary>
    public sealed class UdpSocket
    {
        public const int DefaultReceiveBufferBytes = 212992;

        private struct Datagram
        {
            public PacketBuffer Packet;
            public uint Source;
            public ushort SourcePort;
        }

        private readonly UdpLayer layer;
        private Datagram[] queue = new Datagram[16];
        private int head;
        private int count;
        private int queuedBytes;

        public uint LocalAddress;
        public ushort LocalPort;
        /// <summary>Set by Connect: datagrams from anyone else are dropped, sends go there.</summary>
        public uint RemoteAddress;
        public ushort RemotePort;
        public bool Broadcast;
        public int ReceiveBufferBytes = DefaultReceiveBufferBytes;
        public bool IsClosed;
        public object UserState;

        internal UdpSocket(UdpLayer layer)
        {
            this.layer = layer;
        }

        public bool IsBound => LocalPort != 0;
        public bool HasDatagram => count > 0;
        /// <summary>The next datagram's length: Linux's FIONREAD for UDP, which is what .NET's Available reads.</summary>
        public int Available => count > 0 ? queue[head].Packet.Length : 0;

        internal bool Enqueue(PacketBuffer packet, uint source, ushort sourcePort)
        {
            if (queuedBytes + packet.Length > ReceiveBufferBytes)
                return false;
            if (count == queue.Length)
            {
                var larger = new Datagram[queue.Length * 2];
                for (int i = 0; i < count; i++)
                    larger[i] = queue[(head + i) % queue.Length];
                queue = larger;
                head = 0;
            }
            int tail = (head + count) % queue.Length;
            queue[tail].Packet = packet;
            queue[tail].Source = source;
            queue[tail].SourcePort = sourcePort;
            count++;
            queuedBytes += packet.Length;
            return true;
        }

        /// <summary>
        /// Copies the next datagram into <paramref name="into"/> (the excess of a longer one is lost, as
        /// with recvfrom) and returns the datagram's full length; -1 when none is queued.
        /// </summary>
        public int Receive(Span<byte> into, bool peek, out uint source, out ushort sourcePort, out bool truncated)
        {
            source = 0;
            sourcePort = 0;
            truncated = false;
            if (count == 0)
                return -1;
            ref Datagram d = ref queue[head];
            int length = d.Packet.Length;
            int copied = length < into.Length ? length : into.Length;
            new ReadOnlySpan<byte>(d.Packet.Bytes, d.Packet.Start, copied).CopyTo(into);
            NetCounters.CopiedDatagram += copied;
            truncated = copied < length;
            source = d.Source;
            sourcePort = d.SourcePort;
            if (!peek)
            {
                d.Packet.Release();
                d = default;
                head = (head + 1) % queue.Length;
                count--;
                queuedBytes -= length;
            }
            return length;
        }

        public int SendTo(ReadOnlySpan<byte> data, uint destination, ushort destinationPort, out UdpError error) =>
            layer.Send(this, data, destination, destinationPort, out error);

        public void Close()
        {
            IsClosed = true;
            while (count > 0)
            {
                queue[head].Packet.Release();
                queue[head] = default;
                head = (head + 1) % queue.Length;
                count--;
            }
            queuedBytes = 0;
            layer.Unbind(this);
        }
    }

    /// <summary>UDP's failures, mapped to .NET's SocketError by the sockets layer.</summary>
    public enum UdpError
    {
        None,
        MessageSize,
        HostUnreachable,
        AddressNotAvailable,
        AccessDenied,
        InvalidArgument,
    }
}
