using System;

namespace Testbed.LibOS.Net.Loopback
{
    /// <summary>
    /// The in-image loopback: a transmitted frame is queued as the next received one, in the same
    /// buffer (no copy), marked as needing no checksum check (as Linux's lo marks its skbs). The queue
    /// is bounded so that a sender faster than the receiver sees drops, which TCP recovers from as it
    /// would on a wire; in practice TCP's windows keep it far from full.
    /// </summary>
    public sealed class LoopbackDevice : INetworkDevice
    {
        public const int QueueLimit = 4096;

        private PacketBuffer head;
        private PacketBuffer tail;
        private int count;

        public string Name => "lo";

        public void CopyMac(Span<byte> mac) => mac.Slice(0, 6).Clear();

        /// <summary>
        /// The largest IPv4 packet (Linux's lo has 65536, which IPv4's 16-bit length caps at 65535):
        /// TCP's MSS over the loopback is 65495, a UDP datagram may carry 65507 bytes. Such packets
        /// travel in large buffers (<see cref="PacketPool.Large"/>).
        /// </summary>
        public const int LoopbackMtu = 65535;

        public int Mtu => LoopbackMtu;

        /// <summary>None to do: its MTU is already the largest packet, and TCP leaves loopback checksums out (the route, not the device, decides).</summary>
        public NetOffloads Offloads => NetOffloads.None;

        public bool HasFrames => head != null;

        public PacketBuffer Receive()
        {
            PacketBuffer frame = head;
            if (frame == null)
                return null;
            head = frame.Next;
            if (head == null)
                tail = null;
            frame.Next = null;
            count--;
            return frame;
        }

        public bool Transmit(PacketBuffer frame)
        {
            if (count >= QueueLimit)
            {
                frame.Release();
                return false;
            }
            frame.ChecksumVerified = true;
            frame.Next = null;
            if (tail == null)
                head = frame;
            else
                tail.Next = frame;
            tail = frame;
            count++;
            return true;
        }

        /// <summary>Loopback frames come only from this image's own threads, which deliver them themselves (NetworkLoop.AfterOperation).</summary>
        public void WaitForActivity(ulong deadlineTicks)
        {
        }
    }
}
