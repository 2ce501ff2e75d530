using System.Numerics;

namespace System
{
    // The generic-math statics (IBinaryInteger, IBinaryNumber) that C# code calls directly on the
    // primitive types: int.PopCount(x), uint.RotateLeft(x, n), long.Log2(x), ... They return the
    // type itself, as .NET's do, and share BitOperations' code.

    public readonly partial struct Int32
    {
        public static int PopCount(int value) => BitOperations.PopCount((uint)value);
        public static int LeadingZeroCount(int value) => BitOperations.LeadingZeroCount((uint)value);
        public static int TrailingZeroCount(int value) => BitOperations.TrailingZeroCount(value);
        public static bool IsPow2(int value) => BitOperations.IsPow2(value);
        public static int RotateLeft(int value, int rotateAmount) => (int)BitOperations.RotateLeft((uint)value, rotateAmount);
        public static int RotateRight(int value, int rotateAmount) => (int)BitOperations.RotateRight((uint)value, rotateAmount);

        public static int Log2(int value)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "Non-negative number required.");
            return BitOperations.Log2((uint)value);
        }
    }

    public readonly partial struct UInt32
    {
        public static uint PopCount(uint value) => (uint)BitOperations.PopCount(value);
        public static uint LeadingZeroCount(uint value) => (uint)BitOperations.LeadingZeroCount(value);
        public static uint TrailingZeroCount(uint value) => (uint)BitOperations.TrailingZeroCount(value);
        public static bool IsPow2(uint value) => BitOperations.IsPow2(value);
        public static uint Log2(uint value) => (uint)BitOperations.Log2(value);
        public static uint RotateLeft(uint value, int rotateAmount) => BitOperations.RotateLeft(value, rotateAmount);
        public static uint RotateRight(uint value, int rotateAmount) => BitOperations.RotateRight(value, rotateAmount);
    }

    public readonly partial struct Int64
    {
        public static long PopCount(long value) => BitOperations.PopCount((ulong)value);
        public static long LeadingZeroCount(long value) => BitOperations.LeadingZeroCount((ulong)value);
        public static long TrailingZeroCount(long value) => BitOperations.TrailingZeroCount(value);
        public static bool IsPow2(long value) => BitOperations.IsPow2(value);
        public static long RotateLeft(long value, int rotateAmount) => (long)BitOperations.RotateLeft((ulong)value, rotateAmount);
        public static long RotateRight(long value, int rotateAmount) => (long)BitOperations.RotateRight((ulong)value, rotateAmount);

        public static long Log2(long value)
        {
            if (value < 0) throw new ArgumentOutOfRangeException(nameof(value), "Non-negative number required.");
            return BitOperations.Log2((ulong)value);
        }
    }

    public readonly partial struct UInt64
    {
        public static ulong PopCount(ulong value) => (ulong)BitOperations.PopCount(value);
        public static ulong LeadingZeroCount(ulong value) => (ulong)BitOperations.LeadingZeroCount(value);
        public static ulong TrailingZeroCount(ulong value) => (ulong)BitOperations.TrailingZeroCount(value);
        public static bool IsPow2(ulong value) => BitOperations.IsPow2(value);
        public static ulong Log2(ulong value) => (ulong)BitOperations.Log2(value);
        public static ulong RotateLeft(ulong value, int rotateAmount) => BitOperations.RotateLeft(value, rotateAmount);
        public static ulong RotateRight(ulong value, int rotateAmount) => BitOperations.RotateRight(value, rotateAmount);
    }
}
