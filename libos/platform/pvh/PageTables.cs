using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// The page tables the library OS runs on, built after boot to replace the trampoline's RWX identity
    /// map: still identity-mapped (virtual = physical, first 4 GiB), but W^X. Code is read-only and
    /// executable, read-only data read-only, everything else writable and not executable (when the CPU
    /// has NX); page 0 and the page below every stack are unmapped, so a null access and a stack
    /// overflow fault. 2 MiB pages everywhere except where a 4 KiB page differs from its neighbours.
    /// </summary>
    public static unsafe class PageTables
    {
        private const ulong Present = 1UL << 0;
        private const ulong Writable = 1UL << 1;
        private const ulong WriteThrough = 1UL << 3;
        private const ulong CacheDisable = 1UL << 4;
        private const ulong LargePage = 1UL << 7;
        // A software-available bit, set in the otherwise empty entry of a guard page, so that a fault
        // there can be recognised as a stack overflow.
        private const ulong GuardMarker = 1UL << 9;
        private const ulong NoExecuteBit = 1UL << 63;
        private const ulong AddressMask = 0x000FFFFFFFFFF000UL;
        private const ulong LargePageSize = 2UL << 20;
        private const ulong PageSize = PhysicalPages.PageSize;
        private const int Gigabytes = 4;

        /// <summary>The trampoline and these tables map the first 4 GiB: beyond that an address is not a pointer.</summary>
        public const ulong IdentityMapEnd = 4UL << 30;

        private static ulong* s_pml4;
        private static ulong* s_directories;
        private static ulong s_noExecute;

        /// <summary>Whether data pages are non-executable (the CPU has NX and the trampoline enabled it).</summary>
        public static bool NoExecute => s_noExecute != 0;

        /// <summary>Builds the tables and switches CR3 to them; false when pages ran out.</summary>
        internal static bool Initialize()
        {
            uint* registers = stackalloc uint[4];
            Cpu.Cpuid(0x80000000, 0, registers);
            if (registers[0] >= 0x80000001)
            {
                Cpu.Cpuid(0x80000001, 0, registers);
                if ((registers[3] & (1u << 20)) != 0)
                    s_noExecute = NoExecuteBit;
            }

            s_pml4 = (ulong*)PhysicalPages.Allocate(1);
            ulong* pdpt = (ulong*)PhysicalPages.Allocate(1);
            s_directories = (ulong*)PhysicalPages.Allocate(Gigabytes);
            if (s_pml4 == null || pdpt == null || s_directories == null)
                return false;
            s_pml4[0] = (ulong)pdpt | Present | Writable;
            for (int g = 0; g < Gigabytes; g++)
                pdpt[g] = ((ulong)s_directories + (ulong)g * PageSize) | Present | Writable;
            for (ulong i = 0; i < Gigabytes * 512; i++)
            {
                ulong entry = i * LargePageSize | Present | Writable | LargePage | s_noExecute;
                // The fourth GiB is device memory (APICs, virtio-mmio, PCI windows): never cached.
                if (i >= 3 * 512)
                    entry |= WriteThrough | CacheDisable;
                s_directories[i] = entry;
            }

            ulong textEnd = ImageLayout.ReadOnlyDataStart;
            ulong readOnlyEnd = ImageLayout.DataStart;
            for (ulong page = ImageLayout.TextStart; page < textEnd; page += PageSize)
                if (!SetPage(page, Present))
                    return false;
            for (ulong page = textEnd; page < readOnlyEnd; page += PageSize)
                if (!SetPage(page, Present | s_noExecute))
                    return false;
            if (!SetPage(0, 0) || !MakeGuardPage(ImageLayout.BootStackGuard))
                return false;

            Cpu.WriteCr3((ulong)s_pml4);
            return true;
        }

        /// <summary>
        /// Identity-maps device memory above the first 4 GiB (a 64-bit PCI BAR that the firmware placed
        /// high), uncached and not executable, in 2 MiB pages. Below 4 GiB everything is mapped already.
        /// False when the range is beyond the first 512 GiB or pages ran out.
        /// </summary>
        public static bool MapDeviceMemory(ulong address, ulong length)
        {
            if (address + length <= IdentityMapEnd)
                return true;
            if (s_pml4 == null || address + length > 512UL << 30)
                return false;
            ulong* pdpt = (ulong*)(s_pml4[0] & AddressMask);
            for (ulong chunk = address & ~(LargePageSize - 1); chunk < address + length; chunk += LargePageSize)
            {
                if (chunk < IdentityMapEnd)
                    continue;
                ulong gigabyte = chunk >> 30;
                if ((pdpt[gigabyte] & Present) == 0)
                {
                    ulong directory = PhysicalPages.Allocate(1);
                    if (directory == 0)
                        return false;
                    pdpt[gigabyte] = directory | Present | Writable;
                }
                ulong* entries = (ulong*)(pdpt[gigabyte] & AddressMask);
                entries[(chunk >> 21) & 511] = chunk | Present | Writable | LargePage | WriteThrough | CacheDisable | s_noExecute;
            }
            return Flush();
        }

        /// <summary>Unmaps the page at <paramref name="address"/> and marks it as a stack guard.</summary>
        public static bool MakeGuardPage(ulong address) => SetPage(address, GuardMarker) && Flush();

        /// <summary>Maps the page at <paramref name="address"/> back as ordinary data (after a thread's stack is freed).</summary>
        public static bool MakeDataPage(ulong address) => SetPage(address, Present | Writable | s_noExecute) && Flush();

        /// <summary>True when <paramref name="address"/> lies in a page made by <see cref="MakeGuardPage"/>.</summary>
        public static bool IsGuardPage(ulong address)
        {
            ulong* entry = PageEntry(address);
            return entry != null && (*entry & (Present | GuardMarker)) == GuardMarker;
        }

        /// <summary>True when <paramref name="address"/> is mapped (false also for guard pages).</summary>
        public static bool IsMapped(ulong address)
        {
            if (s_directories == null)
                return address < IdentityMapEnd;
            ulong* entry = PageEntry(address);
            return entry != null && (*entry & Present) != 0;
        }

        /// <summary>The 4 KiB entry for an address, or the 2 MiB one when its region is not split; null outside the map.</summary>
        private static ulong* PageEntry(ulong address)
        {
            if (s_directories == null || address >= IdentityMapEnd)
                return null;
            ulong* directoryEntry = &s_directories[address / LargePageSize];
            if ((*directoryEntry & LargePage) != 0)
                return directoryEntry;
            ulong* table = (ulong*)(*directoryEntry & AddressMask);
            return &table[(address / PageSize) & 511];
        }

        /// <summary>Sets one 4 KiB page's entry (address bits included), splitting its 2 MiB page first.</summary>
        private static bool SetPage(ulong address, ulong flags)
        {
            if (address >= IdentityMapEnd)
                return false;
            ulong* directoryEntry = &s_directories[address / LargePageSize];
            if ((*directoryEntry & LargePage) != 0)
            {
                ulong* table = (ulong*)PhysicalPages.Allocate(1);
                if (table == null)
                    return false;
                ulong large = *directoryEntry;
                ulong baseAddress = large & AddressMask & ~(LargePageSize - 1);
                // The same permissions and caching, in 512 small pages (PAT bit position differs; unused).
                ulong smallFlags = large & ~(AddressMask | LargePage);
                for (ulong i = 0; i < 512; i++)
                    table[i] = (baseAddress + i * PageSize) | smallFlags;
                // The directory entry itself grants everything; the small entries restrict.
                *directoryEntry = (ulong)table | Present | Writable | (large & (WriteThrough | CacheDisable));
            }
            ulong* entries = (ulong*)(*directoryEntry & AddressMask);
            entries[(address / PageSize) & 511] = (address & AddressMask) | flags;
            return true;
        }

        private static bool Flush()
        {
            if (Cpu.ReadCr3() == (ulong)s_pml4)
                Cpu.WriteCr3((ulong)s_pml4);
            return true;
        }
    }
}
