using System.Runtime;
using Testbed.LibOS.Platform.Pvh;
using Testbed.LibOS.Threading;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Drivers.Virtio
{
    /// <summary>
    /// virtio-net (5.1): Ethernet frames through a receive queue (0) and a transmit queue (1), each
    /// buffer preceded by the 12-byte virtio_net_hdr. The MAC comes from the configuration space when
    /// the device offers VIRTIO_NET_F_MAC; VIRTIO_NET_F_CSUM (the device completes a TCP/UDP checksum
    /// the driver asks it to) is accepted when offered, see <see cref="SendWithChecksum"/>.
    /// The queues serve one of two users, whichever comes first: this class's own byte* API (frames
    /// copied through buffers of its own, posted on first use) or the stack's <see cref="VirtioNetDevice"/>
    /// (<see cref="PacketBuffer"/>s posted and handed over without copies).
    /// </summary>
    public sealed unsafe class VirtioNet
    {
        public const int MaxFrame = 1514;
        private const int HeaderBytes = 12;
        private const int BufferBytes = 2048;
        private const int ReceiveBuffers = 32;
        private const int TransmitBuffers = 32;
        private const ulong FeatureChecksum = 1UL << 0;
        private const ulong FeatureMac = 1UL << 5;
        private const byte HeaderNeedsChecksum = 1;

        private readonly VirtioDevice device;
        private readonly Virtqueue receive;
        private readonly Virtqueue transmit;
        private byte* receiveBuffers;
        private byte* transmitBuffers;
        // 0: no user yet; 1: the byte* API; 2: VirtioNetDevice.
        private int mode;
        private readonly int[] receiveBufferOfHead;
        private readonly int[] transmitBufferOfHead;
        private readonly bool[] transmitBufferBusy;
        private readonly byte[] mac;

        public readonly int Index;
        /// <summary>The device completes checksums for <see cref="SendWithChecksum"/>.</summary>
        public readonly bool ChecksumOffload;
        public ulong FramesSent;
        public ulong FramesReceived;

        private VirtioNet(VirtioDevice device, Virtqueue receive, Virtqueue transmit, int index, bool checksum)
        {
            this.device = device;
            this.receive = receive;
            this.transmit = transmit;
            receiveBufferOfHead = new int[receive.Size];
            transmitBufferOfHead = new int[transmit.Size];
            transmitBufferBusy = new bool[TransmitBuffers];
            mac = new byte[6];
            Index = index;
            ChecksumOffload = checksum;
        }

        internal static VirtioNet Start(VirtioDevice device, int index)
        {
            ulong features = device.Negotiate(FeatureChecksum | FeatureMac);
            if (features == 0)
                return null;
            Virtqueue rx = device.CreateQueue(0, 64);
            Virtqueue tx = rx == null ? null : device.CreateQueue(1, 64);
            if (tx == null)
                return null;
            var net = new VirtioNet(device, rx, tx, index, (features & FeatureChecksum) != 0);
            for (int i = 0; i < 6; i++)
                net.mac[i] = (features & FeatureMac) != 0 ? device.ConfigByte(i) : (byte)0;
            // Receive buffers are posted by the first user (QEMU keeps frames in its backend meanwhile).
            device.Start();
            return net;
        }

        /// <summary>The byte* API's buffers, posted on its first use; false when the queues are VirtioNetDevice's or pages ran out.</summary>
        private bool UseOwnBuffers()
        {
            if (mode == 1)
                return true;
            if (mode != 0)
                return false;
            ulong bufferPages = (ulong)((ReceiveBuffers + TransmitBuffers) * BufferBytes) / PhysicalPages.PageSize;
            ulong memory = PhysicalPages.Allocate(bufferPages);
            if (memory == 0)
                return false;
            receiveBuffers = (byte*)memory;
            transmitBuffers = (byte*)memory + ReceiveBuffers * BufferBytes;
            mode = 1;
            for (int i = 0; i < ReceiveBuffers && i < receive.Size; i++)
                PostReceiveBuffer(i);
            device.Notify(0);
            return true;
        }

        /// <summary>Hands the queues to <see cref="VirtioNetDevice"/>; false when the byte* API already uses them.</summary>
        internal bool ClaimForPackets()
        {
            if (mode == 1)
                return false;
            mode = 2;
            return true;
        }

        internal VirtioDevice Device => device;
        internal Virtqueue ReceiveQueue => receive;
        internal Virtqueue TransmitQueue => transmit;

        /// <summary>Byte <paramref name="i"/> (0..5) of the MAC address (zero when the device gives none).</summary>
        public byte Mac(int i) => mac[i];

        /// <summary>Sends one frame (destination MAC first, no FCS); false when it is too long or the device is broken.</summary>
        public bool Send(byte* frame, int length) => Send(frame, length, 0, 0, false);

        /// <summary>
        /// Sends a frame whose TCP/UDP checksum the device fills in: it sums from
        /// <paramref name="checksumStart"/> to the end and stores the result at
        /// <paramref name="checksumStart"/> + <paramref name="checksumOffset"/> (the field must hold the
        /// pseudo-header sum). Without <see cref="ChecksumOffload"/> it returns false and sends nothing.
        /// </summary>
        public bool SendWithChecksum(byte* frame, int length, int checksumStart, int checksumOffset)
        {
            if (!ChecksumOffload)
                return false;
            return Send(frame, length, checksumStart, checksumOffset, true);
        }

        private bool Send(byte* frame, int length, int checksumStart, int checksumOffset, bool offload)
        {
            if (length <= 0 || length > MaxFrame || transmit.Broken || !UseOwnBuffers())
                return false;
            ReclaimTransmitted();
            int buffer = -1;
            ulong deadline = Clock.DeadlineIn(5_000_000_000UL);
            while (buffer < 0)
            {
                for (int i = 0; i < TransmitBuffers; i++)
                    if (!transmitBufferBusy[i])
                    {
                        buffer = i;
                        break;
                    }
                if (buffer >= 0)
                    break;
                if (transmit.Broken || Clock.Ticks >= deadline)
                    return false;
                Scheduler.WaitForDevice(device.Vector, deadline);
                ReclaimTransmitted();
            }
            byte* b = transmitBuffers + buffer * BufferBytes;
            for (int i = 0; i < HeaderBytes; i++)
                b[i] = 0;
            if (offload)
            {
                b[0] = HeaderNeedsChecksum;
                *(ushort*)(b + 6) = (ushort)checksumStart;
                *(ushort*)(b + 8) = (ushort)checksumOffset;
            }
            for (int i = 0; i < length; i++)
                b[HeaderBytes + i] = frame[i];
            ulong address = (ulong)b;
            uint total = (uint)(HeaderBytes + length);
            ushort flags = 0;
            int head = transmit.Add(&address, &total, &flags, 1);
            if (head < 0)
                return false;
            transmitBufferOfHead[head] = buffer;
            transmitBufferBusy[buffer] = true;
            device.Notify(1);
            FramesSent++;
            return true;
        }

        /// <summary>Copies the next received frame into <paramref name="buffer"/> and returns its length; 0 when none is waiting.</summary>
        public int TryReceive(byte* buffer, int capacity)
        {
            if (!UseOwnBuffers() || !receive.TryTakeUsed(out int head, out uint written))
                return 0;
            int index = receiveBufferOfHead[head];
            int length = (int)written - HeaderBytes;
            if (length < 0)
                length = 0;
            if (length > capacity)
                length = capacity;
            byte* b = receiveBuffers + index * BufferBytes + HeaderBytes;
            for (int i = 0; i < length; i++)
                buffer[i] = b[i];
            PostReceiveBuffer(index);
            device.Notify(0);
            FramesReceived++;
            return length;
        }

        /// <summary>Like <see cref="TryReceive"/>, but halts until a frame arrives or <paramref name="timeoutNanoseconds"/> pass (then 0).</summary>
        public int Receive(byte* buffer, int capacity, ulong timeoutNanoseconds)
        {
            ulong deadline = Clock.DeadlineIn(timeoutNanoseconds);
            while (true)
            {
                int length = TryReceive(buffer, capacity);
                if (length > 0 || receive.Broken || mode != 1 || Clock.Ticks >= deadline)
                    return length;
                Scheduler.WaitForDevice(device.Vector, deadline);
            }
        }

        /// <summary>True when a received frame is waiting.</summary>
        public bool HasFrame => UseOwnBuffers() && receive.HasUsed;

        private void ReclaimTransmitted()
        {
            while (transmit.TryTakeUsed(out int head, out uint written))
                transmitBufferBusy[transmitBufferOfHead[head]] = false;
        }

        private void PostReceiveBuffer(int index)
        {
            ulong address = (ulong)(receiveBuffers + index * BufferBytes);
            uint length = BufferBytes;
            ushort flags = Virtqueue.DescriptorDeviceWrites;
            int head = receive.Add(&address, &length, &flags, 1);
            if (head >= 0)
                receiveBufferOfHead[head] = index;
        }
    }
}
