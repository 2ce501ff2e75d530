using System;
using Testbed.LibOS.Net;
using Testbed.LibOS.Threading;

namespace Testbed.LibOS.Drivers.Virtio
{
    /// <summary>
    /// virtio-net as the stack's NIC, without copies: the receive queue holds <see cref="PacketBuffer"/>s
    /// (the device writes the 12-byte virtio_net_hdr into the headroom, just before Start, and the frame
    /// at Start), and a transmitted buffer is handed to the device as it is, its virtio_net_hdr written
    /// into the headroom in front of the Ethernet header. The device reads and writes the buffers' bytes
    /// where they are: the collector never moves objects, the heap is identity-mapped, and a buffer is
    /// kept referenced (<c>receiving</c>, <c>transmitting</c>) for as long as the device owns it.
    /// <see cref="NetCounters.CopiedByDevice"/> counts only the fallback copy of a frame without room for
    /// the header, which the stack never produces.
    /// </summary>
    public sealed unsafe class VirtioNetDevice : INetworkDevice
    {
        public const int EthernetMtu = 1500;
        private const int HeaderBytes = 12;
        /// <summary>The device writes the header and up to 1514 bytes of frame: no mergeable buffers, no GSO.</summary>
        private const int MinimumReceiveBytes = HeaderBytes + VirtioNet.MaxFrame;

        private readonly VirtioNet net;
        private readonly VirtioDevice device;
        private readonly Virtqueue receive;
        private readonly Virtqueue transmit;
        private readonly PacketBuffer[] receiving;
        private readonly PacketBuffer[] transmitting;
        private readonly string name;
        private readonly ulong mac;

        public long FramesReceived;
        public long FramesSent;
        /// <summary>Frames dropped because the transmit queue was full or broken.</summary>
        public long TransmitDropped;

        private VirtioNetDevice(VirtioNet net)
        {
            this.net = net;
            device = net.Device;
            receive = net.ReceiveQueue;
            transmit = net.TransmitQueue;
            receiving = new PacketBuffer[receive.Size];
            transmitting = new PacketBuffer[transmit.Size];
            name = "virtio-net" + net.Index.ToString();
            ulong m = 0;
            for (int i = 0; i < 6; i++)
                m = (m << 8) | net.Mac(i);
            mac = m;
            while (receive.FreeDescriptors > 0 && Post(PacketPool.Shared.Rent()))
            {
            }
            device.Notify(0);
        }

        /// <summary>The stack's device over <paramref name="net"/>; null when the byte* API of <see cref="VirtioNet"/> already uses it.</summary>
        public static VirtioNetDevice Create(VirtioNet net) => net.ClaimForPackets() ? new VirtioNetDevice(net) : null;

        public VirtioNet Card => net;

        public string Name => name;

        public void CopyMac(Span<byte> bytes) => MacAddress.Write(bytes, mac);

        public int Mtu => EthernetMtu;

        /// <summary>None yet: the driver negotiates no CSUM or HOST_TSO4 (docs/net.md).</summary>
        public NetOffloads Offloads => NetOffloads.None;

        public PacketBuffer Receive()
        {
            ReclaimTransmitted();
            while (receive.TryTakeUsed(out int head, out uint written))
            {
                PacketBuffer frame = receiving[head];
                receiving[head] = null;
                int length = (int)written - HeaderBytes;
                if (length <= 0)
                {
                    // Nothing in it: post it again.
                    frame.Reset();
                    Post(frame);
                    device.Notify(0);
                    continue;
                }
                frame.Reset();
                frame.End = frame.Start + length;
                Post(PacketPool.Shared.Rent());
                device.Notify(0);
                FramesReceived++;
                return frame;
            }
            return null;
        }

        public bool Transmit(PacketBuffer frame)
        {
            ReclaimTransmitted();
            int length = frame.Length;
            if (length <= 0 || length > VirtioNet.MaxFrame || transmit.Broken)
            {
                frame.Release();
                TransmitDropped++;
                return false;
            }
            if (frame.Start < HeaderBytes)
            {
                PacketBuffer copy = PacketPool.Shared.Rent();
                Array.Copy(frame.Bytes, frame.Start, copy.Bytes, copy.Start, length);
                copy.End = copy.Start + length;
                NetCounters.CopiedByDevice += length;
                frame.Release();
                frame = copy;
            }
            byte[] bytes = frame.Bytes;
            int at = frame.Start - HeaderBytes;
            // virtio_net_hdr: no checksum to complete, no segmentation.
            for (int i = 0; i < HeaderBytes; i++)
                bytes[at + i] = 0;
            ulong address;
            fixed (byte* data = bytes)
                address = (ulong)(data + at);
            uint total = (uint)(HeaderBytes + length);
            ushort flags = 0;
            int head = transmit.Add(&address, &total, &flags, 1);
            if (head < 0)
            {
                frame.Release();
                TransmitDropped++;
                return false;
            }
            transmitting[head] = frame;
            device.Notify(1);
            FramesSent++;
            return true;
        }

        public void WaitForActivity(ulong deadlineTicks)
        {
            if (receive.HasUsed || receive.Broken)
                return;
            Scheduler.WaitForDevice(device.Vector, deadlineTicks);
        }

        private bool Post(PacketBuffer buffer)
        {
            int at = buffer.Start - HeaderBytes;
            ulong address;
            fixed (byte* data = buffer.Bytes)
                address = (ulong)(data + at);
            // 2028 bytes with PacketBuffer's layout: room for MinimumReceiveBytes.
            uint length = (uint)(buffer.Bytes.Length - at);
            ushort flags = Virtqueue.DescriptorDeviceWrites;
            int head = receive.Add(&address, &length, &flags, 1);
            if (head < 0)
            {
                buffer.Release();
                return false;
            }
            receiving[head] = buffer;
            return true;
        }

        private void ReclaimTransmitted()
        {
            while (transmit.TryTakeUsed(out int head, out uint _))
            {
                PacketBuffer frame = transmitting[head];
                transmitting[head] = null;
                if (frame != null)
                    frame.Release();
            }
        }
    }
}
