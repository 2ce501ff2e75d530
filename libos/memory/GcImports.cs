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

        public static void Zero(void* destination, nuint count) => System.Runtime.Memory.Set(destination, 0, count);
    }
}
