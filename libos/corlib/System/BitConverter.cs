using System.Runtime;

namespace System
{
    /// <summary>.NET's BitConverter on a little-endian machine: values to and from their bytes, and the hex dump form "0A-FF-10".</summary>
    public static unsafe class BitConverter
    {
        public static readonly bool IsLittleEndian = true;

        public static long DoubleToInt64Bits(double value) => *(long*)&value;
        public static double Int64BitsToDouble(long value) => *(double*)&value;
        public static ulong DoubleToUInt64Bits(double value) => *(ulong*)&value;
        public static double UInt64BitsToDouble(ulong value) => *(double*)&value;
        public static int SingleToInt32Bits(float value) => *(int*)&value;
        public static float Int32BitsToSingle(int value) => *(float*)&value;
        public static uint SingleToUInt32Bits(float value) => *(uint*)&value;
        public static float UInt32BitsToSingle(uint value) => *(float*)&value;

        public static byte[] GetBytes(bool value) => new byte[] { value ? (byte)1 : (byte)0 };
        public static byte[] GetBytes(char value) => Bytes(&value, sizeof(char));
        public static byte[] GetBytes(short value) => Bytes(&value, sizeof(short));
        public static byte[] GetBytes(ushort value) => Bytes(&value, sizeof(ushort));
        public static byte[] GetBytes(int value) => Bytes(&value, sizeof(int));
        public static byte[] GetBytes(uint value) => Bytes(&value, sizeof(uint));
        public static byte[] GetBytes(long value) => Bytes(&value, sizeof(long));
        public static byte[] GetBytes(ulong value) => Bytes(&value, sizeof(ulong));
        public static byte[] GetBytes(float value) => Bytes(&value, sizeof(float));
        public static byte[] GetBytes(double value) => Bytes(&value, sizeof(double));

        private static byte[] Bytes(void* value, int size)
        {
            var bytes = new byte[size];
            for (int i = 0; i < size; i++) bytes[i] = ((byte*)value)[i];
            return bytes;
        }

        public static bool TryWriteBytes(Span<byte> destination, bool value) => TryWrite(destination, value ? (byte)1 : (byte)0);
        public static bool TryWriteBytes(Span<byte> destination, char value) => TryWrite(destination, value);
        public static bool TryWriteBytes(Span<byte> destination, short value) => TryWrite(destination, value);
        public static bool TryWriteBytes(Span<byte> destination, ushort value) => TryWrite(destination, value);
        public static bool TryWriteBytes(Span<byte> destination, int value) => TryWrite(destination, value);
        public static bool TryWriteBytes(Span<byte> destination, uint value) => TryWrite(destination, value);
        public static bool TryWriteBytes(Span<byte> destination, long value) => TryWrite(destination, value);
        public static bool TryWriteBytes(Span<byte> destination, ulong value) => TryWrite(destination, value);
        public static bool TryWriteBytes(Span<byte> destination, float value) => TryWrite(destination, value);
        public static bool TryWriteBytes(Span<byte> destination, double value) => TryWrite(destination, value);

        public static int ToInt32(ReadOnlySpan<byte> value) => Read<int>(value);
        public static uint ToUInt32(ReadOnlySpan<byte> value) => Read<uint>(value);
        public static long ToInt64(ReadOnlySpan<byte> value) => Read<long>(value);
        public static ulong ToUInt64(ReadOnlySpan<byte> value) => Read<ulong>(value);
        public static short ToInt16(ReadOnlySpan<byte> value) => Read<short>(value);
        public static ushort ToUInt16(ReadOnlySpan<byte> value) => Read<ushort>(value);
        public static double ToDouble(ReadOnlySpan<byte> value) => Read<double>(value);
        public static float ToSingle(ReadOnlySpan<byte> value) => Read<float>(value);

        /// <summary>False, writing nothing, when the destination is too short (as .NET).</summary>
        private static bool TryWrite<T>(Span<byte> destination, T value) where T : unmanaged
        {
            if (destination.Length < sizeof(T)) return false;
            fixed (byte* p = destination) *(T*)p = value;
            return true;
        }

        private static T Read<T>(ReadOnlySpan<byte> value) where T : unmanaged
        {
            if (value.Length < sizeof(T)) ThrowHelpers.ThrowArgumentOutOfRange(nameof(value), "Destination array is not long enough to copy all the items in the collection. Check array index and length.");
            fixed (byte* p = value) return *(T*)p;
        }

        public static bool ToBoolean(byte[] value, int startIndex) => *At(value, startIndex, 1) != 0;
        public static char ToChar(byte[] value, int startIndex) => *(char*)At(value, startIndex, sizeof(char));
        public static short ToInt16(byte[] value, int startIndex) => *(short*)At(value, startIndex, sizeof(short));
        public static ushort ToUInt16(byte[] value, int startIndex) => *(ushort*)At(value, startIndex, sizeof(ushort));
        public static int ToInt32(byte[] value, int startIndex) => *(int*)At(value, startIndex, sizeof(int));
        public static uint ToUInt32(byte[] value, int startIndex) => *(uint*)At(value, startIndex, sizeof(uint));
        public static long ToInt64(byte[] value, int startIndex) => *(long*)At(value, startIndex, sizeof(long));
        public static ulong ToUInt64(byte[] value, int startIndex) => *(ulong*)At(value, startIndex, sizeof(ulong));
        public static float ToSingle(byte[] value, int startIndex) => *(float*)At(value, startIndex, sizeof(float));
        public static double ToDouble(byte[] value, int startIndex) => *(double*)At(value, startIndex, sizeof(double));

        /// <summary>The address of <paramref name="size"/> bytes at startIndex (unaligned reads are fine on x86), after .NET's checks.</summary>
        private static byte* At(byte[] value, int startIndex, int size)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            if ((uint)startIndex >= (uint)value.Length)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (startIndex > value.Length - size)
                ThrowHelpers.ThrowArgument(nameof(value), TooShort);
            fixed (byte* p = value) return p + startIndex;
        }

        private const string TooShort = "The array starting from the specified index is not long enough to read a value of the specified type.";

        public static string ToString(byte[] value)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            return ToString(value, 0, value.Length);
        }

        public static string ToString(byte[] value, int startIndex)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            return ToString(value, startIndex, value.Length - startIndex);
        }

        public static string ToString(byte[] value, int startIndex, int length)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            if (startIndex < 0 || (startIndex >= value.Length && startIndex > 0))
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (length < 0)
                ThrowHelpers.ThrowNegativeArgument(nameof(length), length);
            if (startIndex > value.Length - length)
                ThrowHelpers.ThrowArgument(nameof(value), TooShort);
            if (length == 0) return string.Empty;
            var chars = new char[length * 3 - 1];
            for (int i = 0; i < length; i++)
            {
                byte b = value[startIndex + i];
                chars[3 * i] = HexDigit(b >> 4);
                chars[3 * i + 1] = HexDigit(b & 0xF);
                if (i + 1 < length) chars[3 * i + 2] = '-';
            }
            return new string(chars);
        }

        private static char HexDigit(int digit) => (char)(digit < 10 ? '0' + digit : 'A' + digit - 10);
    }
}
