using System.Runtime;

namespace Testbed.LibOS.Platform.Pvh
{
    /// <summary>
    /// Where the parts of the loaded image lie (the linker script's symbols, handed over by the
    /// trampoline's <c>tb_image_layout</c>): what the page tables protect and the page allocator avoids.
    /// All addresses are physical and virtual alike, page aligned.
    /// </summary>
    public static unsafe class ImageLayout
    {
        /// <summary>Start of .text: code, read-only and executable.</summary>
        public static ulong TextStart => Table()[0];
        /// <summary>Start of .rodata (end of .text): read-only, not executable.</summary>
        public static ulong ReadOnlyDataStart => Table()[1];
        /// <summary>Start of .data and .bss (end of .rodata): writable, not executable.</summary>
        public static ulong DataStart => Table()[2];
        /// <summary>The unmapped page below the boot stack.</summary>
        public static ulong BootStackGuard => Table()[3];
        public static ulong BootStackBottom => Table()[4];
        public static ulong BootStackTop => Table()[5];
        /// <summary>First byte after the image.</summary>
        public static ulong End => Table()[6];
        /// <summary>The stack the CPU switches to for faults (IST1).</summary>
        public static ulong FaultStackBottom => Table()[7];
        public static ulong FaultStackTop => Table()[8];

        [RuntimeImport("tb_image_layout")]
        private static extern ulong* Table();
    }
}
