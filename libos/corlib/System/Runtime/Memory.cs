namespace System.Runtime
{
    /// <summary>
    /// The C library's memory primitives, which LLVM emits calls to for block copies and
    /// initialisation. The backend compiles this class with <c>no-builtins</c>, so these loops are
    /// never recognised back into calls to themselves.
    /// </summary>
    /// <remarks>
    /// Eight bytes per step through unaligned 64-bit accesses (cheap on x86-64), then single bytes.
    /// Corlib calls these directly for its own copies.
    /// </remarks>
    public static unsafe class Memory
    {
        [RuntimeExport("memcpy")]
        public static void* Copy(void* destination, void* source, nuint count)
        {
            byte* d = (byte*)destination;
            byte* s = (byte*)source;
            while (count >= 8)
            {
                *(ulong*)d = *(ulong*)s;
                d += 8;
                s += 8;
                count -= 8;
            }
            while (count > 0)
            {
                *d++ = *s++;
                count--;
            }
            return destination;
        }

        /// <summary>
        /// The collector's write barrier for references copied in bulk (docs/gc.md, "Generations"):
        /// compiled reference stores mark their card themselves, a byte copy cannot.
        /// </summary>
        [RuntimeImport("tb_gc_write_barrier_range")]
        public static extern void WriteBarrierRange(void* destination, nuint count);

        [RuntimeExport("memmove")]
        public static void* Move(void* destination, void* source, nuint count)
        {
            byte* d = (byte*)destination;
            byte* s = (byte*)source;
            // A forward copy is safe unless the destination starts inside the source.
            if (d <= s || d >= s + count)
                return Copy(destination, source, count);

            d += count;
            s += count;
            while (count >= 8)
            {
                d -= 8;
                s -= 8;
                *(ulong*)d = *(ulong*)s;
                count -= 8;
            }
            while (count > 0)
            {
                *--d = *--s;
                count--;
            }
            return destination;
        }

        [RuntimeExport("memset")]
        public static void* Set(void* destination, int value, nuint count)
        {
            byte* d = (byte*)destination;
            ulong pattern = (byte)value * 0x0101_0101_0101_0101UL;
            while (count >= 8)
            {
                *(ulong*)d = pattern;
                d += 8;
                count -= 8;
            }
            while (count > 0)
            {
                *d++ = (byte)value;
                count--;
            }
            return destination;
        }

        /// <summary>
        /// memcmp when only equality matters (LLVM rewrites such memcmp calls into bcmp, so the image
        /// must define it); also what string equality and SequenceEqual use. Zero exactly when the
        /// blocks are equal. 16 bytes per step (SSE2), then one step over the last 16, which may
        /// overlap bytes already found equal; nothing outside the blocks is read.
        /// </summary>
        [RuntimeExport("bcmp")]
        public static int CompareForEquality(void* left, void* right, nuint count)
        {
            byte* a = (byte*)left;
            byte* b = (byte*)right;
            if (count < 16)
            {
                for (nuint k = 0; k < count; k++)
                    if (a[k] != b[k]) return 1;
                return 0;
            }
            nuint i = 0;
            for (; i <= count - 16; i += 16)
                if (Simd.EqualBytes16(a + i, b + i) != 0xFFFF) return 1;
            return i == count || Simd.EqualBytes16(a + count - 16, b + count - 16) == 0xFFFF ? 0 : 1;
        }

        [RuntimeExport("memcmp")]
        public static int Compare(void* left, void* right, nuint count)
        {
            byte* a = (byte*)left;
            byte* b = (byte*)right;
            // Skip equal words quickly; the first differing word is then compared bytewise so that
            // the sign follows the first differing byte, as C requires.
            while (count >= 8 && *(ulong*)a == *(ulong*)b)
            {
                a += 8;
                b += 8;
                count -= 8;
            }
            while (count > 0)
            {
                if (*a != *b)
                    return *a - *b;
                a++;
                b++;
                count--;
            }
            return 0;
        }
    }
}
