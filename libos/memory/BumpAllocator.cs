using System.Runtime;

namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// The heap: one region, a pointer that only moves forward, nothing ever freed. It is what the
    /// compiler's allocations call (<c>tb_alloc</c>) until there is a garbage collector, and it is
    /// why corlib may rely on objects never moving.
    /// </summary>
    /// <remarks>
    /// Each target's platform layer compiles this file in and gives it its region at start-up: PVH
    /// the largest RAM range from the boot memory map, Linux an mmap reservation. Memory handed out
    /// must be zero; when the platform cannot promise that for the whole region (RAM after boot), the
    /// allocator zeroes it in chunks just ahead of the bump pointer, so every byte is cleared once and
    /// start-up pays nothing for memory the program never uses.
    /// </remarks>
    public static unsafe class BumpAllocator
    {
        /// <summary>Exit status when an allocation does not fit; distinct from CoreCLR's 134.</summary>
        public const int OutOfMemoryExitCode = 250;

        private const nuint Alignment = 8;
        private const nuint ZeroingChunk = 64 * 1024;

        private static byte* s_start;
        private static byte* s_next;
        private static byte* s_limit;
        // Everything below this address (and above s_next) is known to be zero.
        private static byte* s_zeroedUpTo;

        /// <summary>Hands the allocator [start, start + size). Call once, before the first allocation.</summary>
        public static void Initialize(byte* start, nuint size, bool regionIsZeroed)
        {
            byte* aligned = (byte*)(((nuint)start + Alignment - 1) & ~(Alignment - 1));
            s_start = aligned;
            s_next = aligned;
            s_limit = start + size;
            s_zeroedUpTo = regionIsZeroed ? s_limit : aligned;
        }

        public static nuint BytesAllocated => (nuint)(s_next - s_start);

        public static nuint BytesFree => (nuint)(s_limit - s_next);

        /// <summary>Zeroed, 8-byte aligned memory of at least <paramref name="size"/> bytes; never returns null.</summary>
        [RuntimeExport("tb_alloc")]
        public static void* Allocate(nuint size)
        {
            nuint rounded = (size + Alignment - 1) & ~(Alignment - 1);
            byte* result = s_next;
            // rounded < size catches the wrap-around of sizes near 2^64.
            if (rounded < size || rounded > (nuint)(s_limit - result))
                OutOfMemory(size);
            byte* end = result + rounded;
            if (end > s_zeroedUpTo)
                ZeroAhead(end);
            s_next = end;
            return result;
        }

        private static void ZeroAhead(byte* end)
        {
            byte* target = (byte*)(((nuint)end + ZeroingChunk - 1) & ~(ZeroingChunk - 1));
            if (target > s_limit)
                target = s_limit;
            System.Runtime.Memory.Set(s_zeroedUpTo, 0, (nuint)(target - s_zeroedUpTo));
            s_zeroedUpTo = target;
        }

        private static void OutOfMemory(nuint size)
        {
            byte* message = stackalloc byte[128];
            int length = 0;
            length = Append(message, length, "Testbed heap: out of memory (requested ");
            length = AppendDecimal(message, length, size);
            length = Append(message, length, " bytes, ");
            length = AppendDecimal(message, length, BytesFree);
            length = Append(message, length, " free)\n");
            PlatformWrite(2, message, length);
            PlatformExit(OutOfMemoryExitCode);
        }

        // Only ASCII literals reach here, so a char is a byte.
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

        // The allocator reaches the console through the platform contract, not a particular platform,
        // so the same file serves every target.
        [RuntimeImport("tb_platform_write")]
        private static extern void PlatformWrite(int fd, byte* buffer, int length);

        [RuntimeImport("tb_platform_exit")]
        private static extern void PlatformExit(int code);
    }
}
