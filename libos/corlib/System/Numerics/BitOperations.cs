namespace System.Numerics
{
    /// <summary>
    /// .NET's bit-twiddling helpers, in portable C#: the compiler has no count-bits intrinsics, and LLVM
    /// recognises these shapes (the SWAR population count, shifts by a masked count) as ctpop and
    /// rotates. Rotation counts are taken modulo the width, as .NET does; Log2(0) is 0.
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

        public static int LeadingZeroCount(uint value) => value == 0 ? 32 : 31 - Log2(value);

        public static int LeadingZeroCount(ulong value) => value == 0 ? 64 : 63 - Log2(value);

        public static int LeadingZeroCount(nuint value) => LeadingZeroCount((ulong)value);

        /// <summary>The index of the highest set bit (binary search over halves), 0 for 0.</summary>
        public static int Log2(uint value) => Log2((ulong)value);

        public static int Log2(ulong value)
        {
            int result = 0;
            if ((value >> 32) != 0) { value >>= 32; result += 32; }
            if ((value >> 16) != 0) { value >>= 16; result += 16; }
            if ((value >> 8) != 0) { value >>= 8; result += 8; }
            if ((value >> 4) != 0) { value >>= 4; result += 4; }
            if ((value >> 2) != 0) { value >>= 2; result += 2; }
            if ((value >> 1) != 0) result += 1;
            return result;
        }

        public static int Log2(nuint value) => Log2((ulong)value);

        public static int PopCount(uint value)
        {
            value -= (value >> 1) & 0x55555555;
            value = (value & 0x33333333) + ((value >> 2) & 0x33333333);
            value = (value + (value >> 4)) & 0x0F0F0F0F;
            return (int)((value * 0x01010101) >> 24);
        }

        public static int PopCount(ulong value)
        {
            value -= (value >> 1) & 0x5555555555555555;
            value = (value & 0x3333333333333333) + ((value >> 2) & 0x3333333333333333);
            value = (value + (value >> 4)) & 0x0F0F0F0F0F0F0F0F;
            return (int)((value * 0x0101010101010101) >> 56);
        }

        public static int PopCount(nuint value) => PopCount((ulong)value);

        public static int TrailingZeroCount(int value) => TrailingZeroCount((uint)value);

        /// <summary>The lowest set bit isolated (value &amp; -value) is a power of two: its log is the count.</summary>
        public static int TrailingZeroCount(uint value) => value == 0 ? 32 : Log2(value & (0 - value));

        public static int TrailingZeroCount(long value) => TrailingZeroCount((ulong)value);

        public static int TrailingZeroCount(ulong value) => value == 0 ? 64 : Log2(value & (0 - value));

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
