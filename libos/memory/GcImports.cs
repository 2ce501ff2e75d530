using System.Runtime;

namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// Everything the collector needs from outside itself, in one place. The host unit tests compile
    /// the collector with their own class of this name (tests/Testbed.Tests/Gc/HostGcImports.cs), which
    /// supplies a fake stack, fake static roots and an out-of-memory counter; the guest gets these.
    /// </summary>
    internal static unsafe class GcImports
    {
        /// <summary>Backend assembly: pushes the callee-saved registers and calls <c>tb_gc_collect</c> with the resulting rsp.</summary>
        [RuntimeImport("tb_gc_collect_with_registers")]
        public static extern void CollectWithRegisters();

        /// <summary>Compiler-emitted: <c>{ long count; void** slots[count] }</c>, every static reference slot.</summary>
        [RuntimeImport("tb_gc_static_roots")]
        public static extern long* StaticRoots();

        /// <summary>
        /// Compiler-emitted: makes the write barrier of every reference store mark
        /// <c>table[(address &gt;&gt; GcHeap.CardShift) &amp; mask]</c>; until then it marks a byte of its own. False: the
        /// program was compiled without barriers (an ablation), and every collection must be major.
        /// </summary>
        [RuntimeImport("tb_gc_install_cards")]
        public static extern bool InstallCards(byte* table, nuint mask);

        /// <summary>Barrier verification found a marked object referring to an unmarked one: a reference store without a barrier. Fatal.</summary>
        public static void ReportMissedBarrier(byte* holder, nuint offset, nuint reference)
        {
            byte* message = stackalloc byte[200];
            int length = Append(message, 0, "Testbed heap: missed write barrier: the object at 0x");
            length = AppendHex(message, length, (nuint)holder);
            length = Append(message, length, " (type descriptor 0x");
            length = AppendHex(message, length, *(nuint*)holder);
            length = Append(message, length, ") holds at offset ");
            length = AppendDecimal(message, length, offset);
            length = Append(message, length, " a reference to the unmarked object at 0x");
            length = AppendHex(message, length, reference);
            length = Append(message, length, "\n");
            PlatformWrite(2, message, length);
            PlatformExit(134);
        }

        private static int AppendHex(byte* buffer, int length, nuint value)
        {
            for (int shift = 60; shift >= 0; shift -= 4)
            {
                int digit = (int)((value >> shift) & 15);
                buffer[length++] = (byte)(digit < 10 ? '0' + digit : 'a' + digit - 10);
            }
            return length;
        }

        /// <summary>Corlib: raises OutOfMemoryException.</summary>
        [RuntimeImport("tb_raise_out_of_memory")]
        public static extern void RaiseOutOfMemory();

        /// <summary>Out of memory with no reserve left to raise the exception: report and exit like an unhandled exception.</summary>
        public static void FailOutOfMemory(nuint size)
        {
            byte* message = stackalloc byte[160];
            int length = Append(message, 0, "Testbed heap: out of memory with no reserve left to raise OutOfMemoryException (requested ");
            length = AppendDecimal(message, length, size);
            length = Append(message, length, " bytes)\n");
            PlatformWrite(2, message, length);
            PlatformExit(134);
        }

        // Only ASCII literals reach here, so a char is a byte; nothing may allocate.
        private static int Append(byte* buffer, int length, string text)
        {
            for (int i = 0; i < text.Length; i++)
                buffer[length++] = (byte)text[i];
            return length;
        }

        private static int AppendDecimal(byte* buffer, int length, nuint value)
        {
            byte* digits = stackalloc byte[20];
            int count = 0;
            do
            {
                digits[count++] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }
            while (value != 0);
            while (count > 0)
                buffer[length++] = digits[--count];
            return length;
        }

        [RuntimeImport("tb_platform_write")]
        private static extern void PlatformWrite(int fd, byte* buffer, int length);

        [RuntimeImport("tb_platform_exit")]
        private static extern void PlatformExit(int code);

        public static ulong ReadTimestamp() => Cpu.ReadTimeStampCounter();

        public static void Prefetch(void* address) => Cpu.Prefetch(address);

        public static void Zero(void* destination, nuint count) => System.Runtime.Memory.Set(destination, 0, count);
    }
}
