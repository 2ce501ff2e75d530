using System.Runtime.InteropServices;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// Xen's <c>hvm_start_info</c> (xen/include/public/arch-x86/hvm/start_info.h), which a PVH loader
    /// such as QEMU's <c>-kernel</c> passes in ebx. All addresses are physical; the trampoline
    /// identity-maps the first 4 GiB, so below that they are also valid pointers.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PvhStartInfo
    {
        public const uint ExpectedMagic = 0x336EC578;

        public uint Magic;
        public uint Version;
        public uint Flags;
        public uint ModuleCount;
        public ulong ModuleListAddress;
        public ulong CommandLineAddress;
        public ulong RsdpAddress;
        // Version 1 and later.
        public ulong MemoryMapAddress;
        public uint MemoryMapEntryCount;
        public uint Reserved;
    }

    /// <summary><c>hvm_memmap_table_entry</c>: an E820-style range.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PvhMemoryMapEntry
    {
        public const uint TypeRam = 1;

        public ulong Address;
        public ulong Size;
        public uint Type;
        public uint Reserved;
    }

    /// <summary><c>hvm_modlist_entry</c>: a module (e.g. an initrd) the loader placed in memory.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct PvhModule
    {
        public ulong Address;
        public ulong Size;
        public ulong CommandLineAddress;
        public ulong Reserved;
    }
}
