// System.Numerics.BitOperations (PopCount, LeadingZeroCount, TrailingZeroCount, Log2, RotateLeft/
// RotateRight, IsPow2, RoundUpToPowerOf2 for every width .NET has) and the generic-math statics that
// C# calls on the primitive types directly (int.PopCount, uint.RotateLeft, long.Log2, ...), over edge
// values and a pseudo-random sweep checked against bit-by-bit reference loops.
using System;
using System.Numerics;

static class Program
{
    static int RefPop(ulong v) { int n = 0; for (int i = 0; i < 64; i++) n += (int)((v >> i) & 1); return n; }
    static int RefLzc(ulong v, int width) { int n = 0; for (int i = width - 1; i >= 0 && ((v >> i) & 1) == 0; i--) n++; return n; }
    static int RefTzc(ulong v, int width) { int n = 0; for (int i = 0; i < width && ((v >> i) & 1) == 0; i++) n++; return n; }

    static int Main()
    {
        uint[] u32 = { 0, 1, 2, 3, 4, 5, 7, 8, 255, 256, 0x10000, 0x7FFFFFFF, 0x80000000, 0x80000001, 0xFFFFFFFF, 0x12345678, 0xF0000000, 1000000 };
        foreach (uint v in u32)
            Console.WriteLine("u32 " + v + ": pop " + BitOperations.PopCount(v) + " lzc " + BitOperations.LeadingZeroCount(v) + " tzc " + BitOperations.TrailingZeroCount(v)
                + " log2 " + BitOperations.Log2(v) + " rol5 " + BitOperations.RotateLeft(v, 5) + " ror5 " + BitOperations.RotateRight(v, 5) + " rol33 " + BitOperations.RotateLeft(v, 33)
                + " ror-3 " + BitOperations.RotateRight(v, -3) + " pow2 " + BitOperations.IsPow2(v) + " up " + BitOperations.RoundUpToPowerOf2(v)
                + " | uint.pop " + uint.PopCount(v) + " lzc " + uint.LeadingZeroCount(v) + " tzc " + uint.TrailingZeroCount(v) + " log2 " + uint.Log2(v)
                + " rol " + uint.RotateLeft(v, 12) + " ror " + uint.RotateRight(v, 12) + " pow2 " + uint.IsPow2(v)
                + " | int.pop " + int.PopCount((int)v) + " lzc " + int.LeadingZeroCount((int)v) + " tzc " + int.TrailingZeroCount((int)v)
                + " rol " + int.RotateLeft((int)v, 7) + " ror " + int.RotateRight((int)v, 7) + " pow2 " + int.IsPow2((int)v) + " tzcI " + BitOperations.TrailingZeroCount((int)v) + " pow2I " + BitOperations.IsPow2((int)v));
        ulong[] u64 = { 0, 1, 2, 3, 0xFF, 0x100000000, 0xFFFFFFFF, 0x7FFFFFFFFFFFFFFF, 0x8000000000000000, 0x8000000000000001, ulong.MaxValue, 0x0123456789ABCDEF, 1UL << 40, (1UL << 40) + 1 };
        foreach (ulong v in u64)
            Console.WriteLine("u64 " + v + ": pop " + BitOperations.PopCount(v) + " lzc " + BitOperations.LeadingZeroCount(v) + " tzc " + BitOperations.TrailingZeroCount(v)
                + " log2 " + BitOperations.Log2(v) + " rol9 " + BitOperations.RotateLeft(v, 9) + " ror9 " + BitOperations.RotateRight(v, 9) + " rol65 " + BitOperations.RotateLeft(v, 65)
                + " pow2 " + BitOperations.IsPow2(v) + " up " + BitOperations.RoundUpToPowerOf2(v)
                + " | ulong.pop " + ulong.PopCount(v) + " lzc " + ulong.LeadingZeroCount(v) + " tzc " + ulong.TrailingZeroCount(v) + " log2 " + ulong.Log2(v)
                + " rol " + ulong.RotateLeft(v, 20) + " ror " + ulong.RotateRight(v, 20) + " pow2 " + ulong.IsPow2(v)
                + " | long.pop " + long.PopCount((long)v) + " lzc " + long.LeadingZeroCount((long)v) + " tzc " + long.TrailingZeroCount((long)v)
                + " rol " + long.RotateLeft((long)v, 3) + " ror " + long.RotateRight((long)v, 3) + " pow2 " + long.IsPow2((long)v) + " tzcL " + BitOperations.TrailingZeroCount((long)v) + " pow2L " + BitOperations.IsPow2((long)v));
        foreach (nuint v in new nuint[] { 0, 1, 6, 1u << 31, nuint.MaxValue })
            Console.WriteLine("nuint " + v + ": pop " + BitOperations.PopCount(v) + " lzc " + BitOperations.LeadingZeroCount(v) + " tzc " + BitOperations.TrailingZeroCount(v)
                + " log2 " + BitOperations.Log2(v) + " rol " + BitOperations.RotateLeft(v, 4) + " ror " + BitOperations.RotateRight(v, 4) + " pow2 " + BitOperations.IsPow2(v)
                + " up " + BitOperations.RoundUpToPowerOf2(v) + " tzcN " + BitOperations.TrailingZeroCount((nint)v) + " pow2N " + BitOperations.IsPow2((nint)v));
        foreach (int v in new[] { 1, 2, 3, 1023, 1024, int.MaxValue })
            Console.WriteLine("int.Log2 " + v + " = " + int.Log2(v) + " long.Log2 " + long.Log2(v) + " " + long.Log2(long.MaxValue));
        int failures = 0;
        // int.Log2 and long.Log2 of a negative value should be ArgumentOutOfRangeException, but CoreCLR 10 throws
        // InvalidProgramException for them (depending on how the program was compiled), so they are not called.
        Console.WriteLine(int.Log2(0) + " " + long.Log2(0) + " " + uint.Log2(0) + " " + ulong.Log2(0));

        ulong state = 0x2545F4914F6CDD1DUL;
        long checksum = 0;
        for (int i = 0; i < 5000; i++)
        {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            ulong v = state >> (i % 64);
            uint w = (uint)(state >> (i % 32));
            int r = i % 70 - 3;
            if (BitOperations.PopCount(v) != RefPop(v) || BitOperations.PopCount(w) != RefPop(w)) failures++;
            if (BitOperations.LeadingZeroCount(v) != RefLzc(v, 64) || BitOperations.LeadingZeroCount(w) != RefLzc(w, 32)) failures++;
            if (BitOperations.TrailingZeroCount(v) != RefTzc(v, 64) || BitOperations.TrailingZeroCount(w) != RefTzc(w, 32)) failures++;
            if (BitOperations.RotateLeft(BitOperations.RotateRight(v, r), r) != v || BitOperations.RotateLeft(w, r) != BitOperations.RotateRight(w, 32 - r)) failures++;
            checksum = checksum * 31 + BitOperations.Log2(v) + BitOperations.Log2(w) + (long)BitOperations.RotateLeft(v, r) + BitOperations.RotateRight(w, r) + (long)BitOperations.RoundUpToPowerOf2(w >> 1) + (long)BitOperations.RoundUpToPowerOf2(v >> 1);
        }
        Console.WriteLine("checksum " + checksum + " failures " + failures);
        return failures;
    }
}
