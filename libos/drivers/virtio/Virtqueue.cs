using System.Runtime;
using Testbed.LibOS.Platform.Pvh;

namespace Testbed.LibOS.Drivers.Virtio
{
    /// <summary>
    /// A split virtqueue (virtio 1.x, 2.7): the descriptor table, the driver ("available") ring and the
    /// device ("used") ring, in zeroed pages from the page allocator. The driver adds chains of
    /// descriptors and publishes their heads; the device returns heads with the number of bytes it wrote.
    /// </summary>
    public sealed unsafe class Virtqueue
    {
        public const ushort DescriptorNext = 1;
        /// <summary>The device writes this buffer (a read from the device's point of view of the driver).</summary>
        public const ushort DescriptorDeviceWrites = 2;

        public readonly int Index;
        public readonly int Size;
        public readonly ulong DescriptorTable;
        public readonly ulong DriverRing;
        public readonly ulong DeviceRing;

        private readonly Descriptor* descriptors;
        private readonly ushort* available;
        private readonly byte* used;
        private readonly int* chainLength;
        private ushort freeHead;
        private int freeCount;
        private ushort lastUsed;
        /// <summary>Set when the device returned something impossible; the queue is then dead.</summary>
        public bool Broken;

        private Virtqueue(int index, int size, ulong memory)
        {
            Index = index;
            Size = size;
            DescriptorTable = memory;
            DriverRing = memory + (ulong)(16 * size);
            // The used ring is 4-byte aligned; put it on its own page to keep the device's writes apart.
            DeviceRing = (DriverRing + (ulong)(6 + 2 * size) + PhysicalPages.PageSize - 1) & ~(PhysicalPages.PageSize - 1);
            descriptors = (Descriptor*)DescriptorTable;
            available = (ushort*)DriverRing;
            used = (byte*)DeviceRing;
            chainLength = (int*)(DeviceRing + (ulong)(6 + 8 * size) + 8);
            for (int i = 0; i < size; i++)
                descriptors[i].Next = (ushort)(i + 1);
            freeCount = size;
        }

        /// <summary>A queue of <paramref name="size"/> entries (a power of 2), or null when pages ran out.</summary>
        public static Virtqueue Create(int index, int size)
        {
            ulong bytes = (ulong)(16 * size + 6 + 2 * size) + PhysicalPages.PageSize + (ulong)(6 + 8 * size) + 8 + (ulong)(4 * size);
            ulong pages = (bytes + PhysicalPages.PageSize - 1) / PhysicalPages.PageSize;
            ulong memory = PhysicalPages.Allocate(pages);
            return memory == 0 ? null : new Virtqueue(index, size, memory);
        }

        public int FreeDescriptors => freeCount;

        /// <summary>
        /// Publishes a chain of <paramref name="count"/> buffers (the ones the device writes last) and
        /// returns its head, or -1 when there are not enough free descriptors. The device is not told:
        /// see <see cref="VirtioDevice.Notify"/>.
        /// </summary>
        public int Add(ulong* addresses, uint* lengths, ushort* flags, int count)
        {
            if (count == 0 || count > freeCount || Broken)
                return -1;
            ushort head = freeHead;
            ushort current = head;
            for (int i = 0; i < count; i++)
            {
                Descriptor* d = &descriptors[current];
                d->Address = addresses[i];
                d->Length = lengths[i];
                d->Flags = (ushort)(flags[i] | (i + 1 < count ? DescriptorNext : 0));
                if (i + 1 < count)
                    current = d->Next;
            }
            freeHead = descriptors[current].Next;
            freeCount -= count;
            chainLength[head] = count;
            ushort availableIndex = available[1];
            available[2 + (availableIndex & (Size - 1))] = head;
            // The ring entry must be visible before the index that publishes it.
            Cpu.MemoryFence();
            available[1] = (ushort)(availableIndex + 1);
            Cpu.MemoryFence();
            return head;
        }

        /// <summary>True when the device has returned a chain not yet taken.</summary>
        public bool HasUsed
        {
            get
            {
                Cpu.MemoryFence();
                return *(ushort*)(used + 2) != lastUsed;
            }
        }

        /// <summary>
        /// Takes the next chain the device returned: its head and the bytes the device wrote. False when
        /// there is none, or when the device returned an id that is not an outstanding head (the queue is
        /// then marked broken and reported, and never used again).
        /// </summary>
        public bool TryTakeUsed(out int head, out uint written)
        {
            head = -1;
            written = 0;
            if (Broken || !HasUsed)
                return false;
            byte* element = used + 4 + 8 * (lastUsed & (Size - 1));
            uint id = *(uint*)element;
            written = *(uint*)(element + 4);
            if (id >= (uint)Size || chainLength[id] == 0)
            {
                Broken = true;
                Report.Text("testbed virtio: queue ");
                Report.Decimal((ulong)Index);
                Report.Text(": the device returned descriptor ");
                Report.Decimal(id);
                Report.Line(", which is not an outstanding request; queue disabled");
                return false;
            }
            lastUsed++;
            head = (int)id;
            int count = chainLength[id];
            chainLength[id] = 0;
            ushort last = (ushort)id;
            for (int i = 1; i < count; i++)
                last = descriptors[last].Next;
            descriptors[last].Next = freeHead;
            freeHead = (ushort)id;
            freeCount += count;
            return true;
        }

        private struct Descriptor
        {
            public ulong Address;
            public uint Length;
            public ushort Flags;
            public ushort Next;
        }
    }
}
