namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// Chooses the heap: the largest RAM range of the memory map between <see cref="Floor"/> and the
    /// end of the identity map, minus anything the loader placed there.
    /// </summary>
    /// <remarks>
    /// The kernel image is loaded at 1 MiB and its end is not known here (no linker symbol reaches C#
    /// yet), so the heap starts at 16 MiB and start-up checks that the image's static data lies below
    /// that. QEMU puts the start info, memory map and command line below 1 MiB; modules (an initrd)
    /// can be anywhere, and are cut out.
    /// </remarks>
    internal static unsafe class HeapRegion
    {
        internal const ulong Floor = 16UL << 20;
        // The trampoline identity-maps the first 4 GiB: beyond that an address is not a pointer.
        internal const ulong IdentityMapEnd = 4UL << 30;

        internal static bool TryChoose(PvhStartInfo* info, out ulong start, out ulong end)
        {
            start = 0;
            end = 0;
            for (int i = 0; i < BootInfo.MemoryMapEntryCount; i++)
            {
                PvhMemoryMapEntry entry = BootInfo.MemoryMapEntry(i);
                if (entry.Type != PvhMemoryMapEntry.TypeRam)
                    continue;
                ulong rangeStart = entry.Address > Floor ? entry.Address : Floor;
                ulong rangeEnd = entry.Address + entry.Size;
                if (rangeEnd > IdentityMapEnd)
                    rangeEnd = IdentityMapEnd;
                if (rangeEnd <= rangeStart)
                    continue;

                PvhModule* modules = (PvhModule*)info->ModuleListAddress;
                for (int m = 0; m < (int)info->ModuleCount && modules != null; m++)
                    Exclude(ref rangeStart, ref rangeEnd, modules[m].Address, modules[m].Address + modules[m].Size);

                if (rangeEnd - rangeStart > end - start)
                {
                    start = rangeStart;
                    end = rangeEnd;
                }
            }
            return end > start;
        }

        /// <summary>Removes [holeStart, holeEnd) from [start, end), keeping the larger remaining side.</summary>
        private static void Exclude(ref ulong start, ref ulong end, ulong holeStart, ulong holeEnd)
        {
            if (holeEnd <= start || holeStart >= end)
                return;
            ulong below = holeStart > start ? holeStart - start : 0;
            ulong above = end > holeEnd ? end - holeEnd : 0;
            if (below >= above)
            {
                end = holeStart > start ? holeStart : start;
            }
            else
            {
                start = holeEnd;
            }
        }
    }
}
