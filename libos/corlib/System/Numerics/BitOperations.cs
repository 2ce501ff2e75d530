namespace System.Numerics
{
    /// <summary>
    /// .NET's bit-twiddling helpers. The counts are the compiler's bit-count intrinsics
    /// (<see cref="System.Runtime.BitCounts"/>); rotations are shifts by a masked count, which LLVM
    /// recognises as rotates. Rotation counts are taken modulo the width, as .NET does; Log2(0) is 0.
    /// </summary>
    public static class BitOperations
    {
        public static bool IsPow2(int value) => (value & (value - 1)) == 0 && value > 0;

        public static bool IsPow2(uint value) => (value & (value - 1)) == 0 && value != 0;

        public static bool IsPow2(long value) => (value & (value - 1)) == 0 && value > 0;

        public static bool IsPow2(ulong value) => (value & (value - 1)) == 0 && value != 0;

        public static bool IsPow2(nint value) => (value & (value - 1)) == 0 && value > 0;

        public static bool IsPow2(nuint value) => (value & (value - 1)) == 0 && value != 0;

        /// <summary>The smallest power of two not below the value; 0 for 0 and for values above 2^31.</summary>
        public static uint RoundUpToPowerOf2(uint value)
        {
            --value;
            value |= value >> 1;
            value |= value >> 2;
            value |= value >> 4;
            value |= value >> 8;
            value |= value >> 16;
            return value + 1;
        }

        public static ulong RoundUpToPowerOf2(ulong value)
        {
            --value;
            value |= value >> 1;
            value |= value >> 2;
            value |= value >> 4;
            value |= value >> 8;
            value |= value >> 16;
            value |= value >> 32;
            return value + 1;
        }

        public static nuint RoundUpToPowerOf2(nuint value) => (nuint)RoundUpToPowerOf2((ulong)value);

        public static int LeadingZeroCount(uint value) => System.Runtime.BitCounts.LeadingZeroCount(value);

        public static int LeadingZeroCount(ulong value) => System.Runtime.BitCounts.LeadingZeroCount(value);

        public static int LeadingZeroCount(nuint value) => LeadingZeroCount((ulong)value);

        /// <summary>The index of the highest set bit, 0 for 0 (the | 1 makes zero count as one, and costs nothing else).</summary>
        public static int Log2(uint value) => 31 ^ System.Runtime.BitCounts.LeadingZeroCount(value | 1);

        public static int Log2(ulong value) => 63 ^ System.Runtime.BitCounts.LeadingZeroCount(value | 1);

        public static int Log2(nuint value) => Log2((ulong)value);

        public static int PopCount(uint value) => System.Runtime.BitCounts.PopCount(value);

        public static int PopCount(ulong value) => System.Runtime.BitCounts.PopCount(value);

        public static int PopCount(nuint value) => PopCount((ulong)value);

        public static int TrailingZeroCount(int value) => TrailingZeroCount((uint)value);

        public static int TrailingZeroCount(uint value) => System.Runtime.BitCounts.TrailingZeroCount(value);

        public static int TrailingZeroCount(long value) => TrailingZeroCount((ulong)value);

        public static int TrailingZeroCount(ulong value) => System.Runtime.BitCounts.TrailingZeroCount(value);

        public static int TrailingZeroCount(nint value) => TrailingZeroCount((ulong)(nuint)value);

        public static int TrailingZeroCount(nuint value) => TrailingZeroCount((ulong)value);

        // C# masks shift counts (& 31, & 63), which is exactly rotation modulo the width.
        public static uint RotateLeft(uint value, int offset) => (value << offset) | (value >> (32 - offset));

        public static ulong RotateLeft(ulong value, int offset) => (value << offset) | (value >> (64 - offset));

        public static nuint RotateLeft(nuint value, int offset) => (nuint)RotateLeft((ulong)value, offset);

        public static uint RotateRight(uint value, int offset) => (value >> offset) | (value << (32 - offset));

        public static ulong RotateRight(ulong value, int offset) => (value >> offset) | (value << (64 - offset));

        public static nuint RotateRight(nuint value, int offset) => (nuint)RotateRight((ulong)value, offset);
    }
}
