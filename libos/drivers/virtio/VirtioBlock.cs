using System.Runtime;
using Testbed.LibOS.Platform.Pvh;
using Testbed.LibOS.Threading;
using Testbed.LibOS.Time;

namespace Testbed.LibOS.Drivers.Virtio
{
    /// <summary>
    /// virtio-blk (5.2): reads, writes and flushes of 512-byte sectors, several requests in flight.
    /// Each request is a chain of three descriptors: the header (type, sector), the data, the status
    /// byte the device writes. <see cref="Submit"/> starts a request and returns at once; <see cref="Wait"/>
    /// blocks the calling green thread (other threads run; with none, the CPU halts) until the device's interrupt says it is done. Buffers are used in place (the
    /// identity map makes a pointer its own physical address).
    /// </summary>
    public sealed unsafe class VirtioBlock
    {
        public const int SectorSize = 512;
        public const int TypeRead = 0;
        public const int TypeWrite = 1;
        public const int TypeFlush = 4;
        /// <summary>Status of a request that never completed (broken device, timeout).</summary>
        public const int StatusFailed = -1;

        private const ulong FeatureFlush = 1UL << 9;
        private const int MaxSlots = 64;
        private const ulong TimeoutNanoseconds = 30_000_000_000UL;

        private readonly VirtioDevice device;
        private readonly Virtqueue queue;
        // Per request slot: a 16-byte header, a status byte, a state (0 free, 1 in flight, 2 done) and
        // the head descriptor the device will return.
        private readonly byte* slots;
        private readonly int slotCount;
        private readonly int[] slotOfHead;

        public readonly int Index;
        public readonly ulong SectorCount;
        public readonly bool CanFlush;

        private VirtioBlock(VirtioDevice device, Virtqueue queue, byte* slots, int slotCount, int index, ulong sectors, bool canFlush)
        {
            this.device = device;
            this.queue = queue;
            this.slots = slots;
            this.slotCount = slotCount;
            slotOfHead = new int[queue.Size];
            Index = index;
            SectorCount = sectors;
            CanFlush = canFlush;
        }

        internal static VirtioBlock Start(VirtioDevice device, int index)
        {
            ulong features = device.Negotiate(FeatureFlush);
            if (features == 0)
                return null;
            Virtqueue queue = device.CreateQueue(0, 128);
            if (queue == null)
                return null;
            ulong page = PhysicalPages.Allocate(1);
            if (page == 0)
            {
                device.Refuse("needs a page for request headers and none is left");
                return null;
            }
            int slots = queue.Size / 3 < MaxSlots ? queue.Size / 3 : MaxSlots;
            ulong sectors = device.ConfigDword(0) | ((ulong)device.ConfigDword(4) << 32);
            device.Start();
            return new VirtioBlock(device, queue, (byte*)page, slots, index, sectors, (features & FeatureFlush) != 0);
        }

        /// <summary>Requests the device can hold at once.</summary>
        public int MaxInFlight => slotCount;

        /// <summary>
        /// Starts a request: <paramref name="type"/> is <see cref="TypeRead"/>, <see cref="TypeWrite"/> or
        /// <see cref="TypeFlush"/> (no buffer). Returns a request id for <see cref="Wait"/>, or -1 when
        /// <see cref="MaxInFlight"/> requests are already in flight, the request is out of range, or
        /// the device is broken.
        /// </summary>
        public int Submit(int type, ulong sector, byte* buffer, int sectors)
        {
            if (queue.Broken || sectors < 0 || (type != TypeFlush && (sectors == 0 || sector + (ulong)sectors > SectorCount)))
                return -1;
            if (type == TypeFlush && !CanFlush)
                return -1;
            int slot = -1;
            for (int i = 0; i < slotCount; i++)
                if (Slot(i)[17] == 0)
                {
                    slot = i;
                    break;
                }
            if (slot < 0)
                return -1;
            byte* s = Slot(slot);
            *(uint*)s = (uint)type;
            *(uint*)(s + 4) = 0;
            *(ulong*)(s + 8) = sector;
            s[16] = 0xFF;
            ulong* addresses = stackalloc ulong[3];
            uint* lengths = stackalloc uint[3];
            ushort* flags = stackalloc ushort[3];
            int count = 0;
            addresses[count] = (ulong)s;
            lengths[count] = 16;
            flags[count++] = 0;
            if (type != TypeFlush)
            {
                addresses[count] = (ulong)buffer;
                lengths[count] = (uint)(sectors * SectorSize);
                flags[count++] = type == TypeRead ? Virtqueue.DescriptorDeviceWrites : (ushort)0;
            }
            addresses[count] = (ulong)(s + 16);
            lengths[count] = 1;
            flags[count++] = Virtqueue.DescriptorDeviceWrites;
            int head = queue.Add(addresses, lengths, flags, count);
            if (head < 0)
                return -1;
            slotOfHead[head] = slot;
            s[17] = 1;
            device.Notify(0);
            return slot;
        }

        /// <summary>Takes what the device has finished; returns how many requests completed.</summary>
        public int Poll()
        {
            int completed = 0;
            while (queue.TryTakeUsed(out int head, out uint written))
            {
                Slot(slotOfHead[head])[17] = 2;
                completed++;
            }
            return completed;
        }

        public bool IsDone(int request) => request >= 0 && request < slotCount && Slot(request)[17] == 2;

        /// <summary>
        /// Halts until <paramref name="request"/> completes and returns its status (0 OK, 1 I/O error,
        /// 2 unsupported, <see cref="StatusFailed"/> if the device broke or took over 30 s). The id is free again afterwards.
        /// </summary>
        public int Wait(int request)
        {
            if (request < 0 || request >= slotCount || Slot(request)[17] == 0)
                return StatusFailed;
            ulong deadline = Clock.DeadlineIn(TimeoutNanoseconds);
            while (Slot(request)[17] != 2)
            {
                Poll();
                if (Slot(request)[17] == 2)
                    break;
                if (queue.Broken || Clock.Ticks >= deadline)
                {
                    Report.Line(queue.Broken ? "testbed virtio: block request failed: device queue broken" : "testbed virtio: block request timed out after 30 s");
                    return StatusFailed;
                }
                Scheduler.WaitForDevice(device.Vector, deadline);
            }
            byte* s = Slot(request);
            int status = s[16];
            s[17] = 0;
            return status;
        }

        public int Read(ulong sector, byte* buffer, int sectors) => Wait(Submit(TypeRead, sector, buffer, sectors));

        public int Write(ulong sector, byte* buffer, int sectors) => Wait(Submit(TypeWrite, sector, buffer, sectors));

        /// <summary>Makes completed writes durable (VIRTIO_BLK_T_FLUSH); <see cref="StatusFailed"/> if the device cannot flush.</summary>
        public int Flush() => Wait(Submit(TypeFlush, 0, null, 0));

        private byte* Slot(int index) => slots + index * 32;
    }
}
