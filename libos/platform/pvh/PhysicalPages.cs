namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The physical page allocator: 4 KiB pages of the RAM the memory map reports, less the first MiB
    /// (firmware, the loader's tables), the image and any loader module. At boot it hands one large
    /// run to the heap (<see cref="TakeHeapRegion"/>); the rest serves page tables, device rings and
    /// thread stacks. Pages come back zeroed; freed pages are kept on a list threaded through them.
    /// </summary>
    public static unsafe class PhysicalPages
    {
        public const ulong PageSize = 4096;
        private const int MaxRanges = 32;
        private const ulong LowMemoryEnd = 1UL << 20;

        private static RangeTable s_ranges;
        private static int s_rangeCount;
        private static ulong* s_freeList;
        private static ulong s_freePages;

        /// <summary>Pages left (not counting the heap's region).</summary>
        public static ulong FreePages => s_freePages;

        internal static void Initialize(PvhStartInfo* info)
        {
            for (int i = 0; i < BootInfo.MemoryMapEntryCount; i++)
            {
                PvhMemoryMapEntry entry = BootInfo.MemoryMapEntry(i);
                if (entry.Type != PvhMemoryMapEntry.TypeRam)
                    continue;
                ulong start = RoundUp(entry.Address > LowMemoryEnd ? entry.Address : LowMemoryEnd);
                ulong end = (entry.Address + entry.Size) & ~(PageSize - 1);
                if (end > PageTables.IdentityMapEnd)
                    end = PageTables.IdentityMapEnd;
                if (end > start)
                    AddRange(start, end);
            }
            Remove(ImageLayout.TextStart, ImageLayout.End);
            PvhModule* modules = (PvhModule*)info->ModuleListAddress;
            for (int m = 0; m < (int)info->ModuleCount && modules != null; m++)
                Remove(modules[m].Address & ~(PageSize - 1), RoundUp(modules[m].Address + modules[m].Size));
        }

        /// <summary>
        /// Takes the upper three quarters of the largest run (2 MiB aligned) for the heap; the rest stays
        /// here for page tables, device rings and thread stacks.
        /// </summary>
        internal static bool TakeHeapRegion(out ulong start, out ulong end)
        {
            start = 0;
            end = 0;
            int best = -1;
            fixed (RangeTable* table = &s_ranges)
            {
                for (int i = 0; i < s_rangeCount; i++)
                    if (best < 0 || table->Ends[i] - table->Starts[i] > table->Ends[best] - table->Starts[best])
                        best = i;
                if (best < 0)
                    return false;
                ulong rangeStart = table->Starts[best];
                ulong rangeEnd = table->Ends[best];
                ulong split = rangeStart + (rangeEnd - rangeStart) / 4;
                split = (split + (2UL << 20) - 1) & ~((2UL << 20) - 1);
                if (split >= rangeEnd)
                    return false;
                start = split;
                end = rangeEnd;
            }
            Remove(start, end);
            return true;
        }

        /// <summary>
        /// <paramref name="count"/> contiguous zeroed pages, or 0 when no run is large enough. Single pages
        /// come from the free list first.
        /// </summary>
        public static ulong Allocate(ulong count)
        {
            if (count == 1 && s_freeList != null)
            {
                ulong* page = s_freeList;
                s_freeList = (ulong*)*page;
                s_freePages--;
                Zero((byte*)page, PageSize);
                return (ulong)page;
            }
            fixed (RangeTable* table = &s_ranges)
            {
                for (int i = 0; i < s_rangeCount; i++)
                {
                    if (table->Ends[i] - table->Starts[i] < count * PageSize)
                        continue;
                    ulong address = table->Starts[i];
                    table->Starts[i] += count * PageSize;
                    s_freePages -= count;
                    Zero((byte*)address, count * PageSize);
                    return address;
                }
            }
            return 0;
        }

        /// <summary>Returns pages from <see cref="Allocate"/>, one by one, to the free list.</summary>
        public static void Free(ulong address, ulong count)
        {
            for (ulong i = 0; i < count; i++)
            {
                ulong* page = (ulong*)(address + i * PageSize);
                *page = (ulong)s_freeList;
                s_freeList = page;
                s_freePages++;
            }
        }

        private static void AddRange(ulong start, ulong end)
        {
            if (s_rangeCount == MaxRanges)
                return;
            fixed (RangeTable* table = &s_ranges)
            {
                table->Starts[s_rangeCount] = start;
                table->Ends[s_rangeCount] = end;
            }
            s_rangeCount++;
            s_freePages += (end - start) / PageSize;
        }

        /// <summary>Cuts [start, end) out of every range, splitting one when the hole is inside it.</summary>
        private static void Remove(ulong start, ulong end)
        {
            fixed (RangeTable* table = &s_ranges)
            {
                int count = s_rangeCount;
                for (int i = 0; i < count; i++)
                {
                    ulong rangeStart = table->Starts[i];
                    ulong rangeEnd = table->Ends[i];
                    if (end <= rangeStart || start >= rangeEnd)
                        continue;
                    s_freePages -= (rangeEnd - rangeStart) / PageSize;
                    table->Ends[i] = start > rangeStart ? start : rangeStart;
                    s_freePages += (table->Ends[i] - rangeStart) / PageSize;
                    if (end < rangeEnd)
                        AddRange(end, rangeEnd);
                }
            }
        }

        private static ulong RoundUp(ulong address) => (address + PageSize - 1) & ~(PageSize - 1);

        private static void Zero(byte* start, ulong length)
        {
            ulong* words = (ulong*)start;
            for (ulong i = 0; i < length / 8; i++)
                words[i] = 0;
        }

        private struct RangeTable
        {
            public fixed ulong Starts[MaxRanges];
            public fixed ulong Ends[MaxRanges];
        }
    }
}
