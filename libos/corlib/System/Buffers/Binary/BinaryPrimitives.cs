using System.Runtime;

namespace System.Buffers.Binary
{
    /// <summary>
    /// Reads and writes integers in a given byte order, byte by byte: no alignment needed, and the same
    /// code is right on any host order. Too short a span throws as .NET's MemoryMarshal does. Every
    /// public method is one of four loops over the integer's bytes at its width (the compiler unrolls
    /// them once the width is a constant).
    /// </summary>
    public static class BinaryPrimitives
    {
        private static void ThrowTooShort() => ThrowHelpers.ThrowArgumentOutOfRange("length");

        private static ulong Read(ReadOnlySpan<byte> source, int size, bool bigEndian)
        {
            if (source.Length < size) ThrowTooShort();
            ulong value = 0;
            for (int i = 0; i < size; i++)
                value |= (ulong)source[i] << (8 * (bigEndian ? size - 1 - i : i));
            return value;
        }

        private static void Write(Span<byte> destination, ulong value, int size, bool bigEndian)
        {
            if (destination.Length < size) ThrowTooShort();
            for (int i = 0; i < size; i++)
                destination[i] = (byte)(value >> (8 * (bigEndian ? size - 1 - i : i)));
        }

        private static ulong Reverse(ulong value, int size)
        {
            ulong reversed = 0;
            for (int i = 0; i < size; i++)
                reversed |= ((value >> (8 * i)) & 0xFF) << (8 * (size - 1 - i));
            return reversed;
        }

        public static short ReadInt16BigEndian(ReadOnlySpan<byte> source) => (short)Read(source, 2, true);

        public static bool TryReadInt16BigEndian(ReadOnlySpan<byte> source, out short value)
        {
            value = source.Length < 2 ? (short)0 : ReadInt16BigEndian(source);
            return source.Length >= 2;
        }

        public static void WriteInt16BigEndian(Span<byte> destination, short value) => Write(destination, (ulong)value, 2, true);

        public static bool TryWriteInt16BigEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) return false;
            WriteInt16BigEndian(destination, value);
            return true;
        }

        public static short ReadInt16LittleEndian(ReadOnlySpan<byte> source) => (short)Read(source, 2, false);

        public static bool TryReadInt16LittleEndian(ReadOnlySpan<byte> source, out short value)
        {
            value = source.Length < 2 ? (short)0 : ReadInt16LittleEndian(source);
            return source.Length >= 2;
        }

        public static void WriteInt16LittleEndian(Span<byte> destination, short value) => Write(destination, (ulong)value, 2, false);

        public static bool TryWriteInt16LittleEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) return false;
            WriteInt16LittleEndian(destination, value);
            return true;
        }

        public static short ReverseEndianness(short value) => (short)Reverse((ulong)value, 2);

        public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source) => (ushort)Read(source, 2, true);

        public static bool TryReadUInt16BigEndian(ReadOnlySpan<byte> source, out ushort value)
        {
            value = source.Length < 2 ? (ushort)0 : ReadUInt16BigEndian(source);
            return source.Length >= 2;
        }

        public static void WriteUInt16BigEndian(Span<byte> destination, ushort value) => Write(destination, (ulong)value, 2, true);

        public static bool TryWriteUInt16BigEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) return false;
            WriteUInt16BigEndian(destination, value);
            return true;
        }

        public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source) => (ushort)Read(source, 2, false);

        public static bool TryReadUInt16LittleEndian(ReadOnlySpan<byte> source, out ushort value)
        {
            value = source.Length < 2 ? (ushort)0 : ReadUInt16LittleEndian(source);
            return source.Length >= 2;
        }

        public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value) => Write(destination, (ulong)value, 2, false);

        public static bool TryWriteUInt16LittleEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) return false;
            WriteUInt16LittleEndian(destination, value);
            return true;
        }

        public static ushort ReverseEndianness(ushort value) => (ushort)Reverse((ulong)value, 2);

        public static int ReadInt32BigEndian(ReadOnlySpan<byte> source) => (int)Read(source, 4, true);

        public static bool TryReadInt32BigEndian(ReadOnlySpan<byte> source, out int value)
        {
            value = source.Length < 4 ? (int)0 : ReadInt32BigEndian(source);
            return source.Length >= 4;
        }

        public static void WriteInt32BigEndian(Span<byte> destination, int value) => Write(destination, (ulong)value, 4, true);

        public static bool TryWriteInt32BigEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) return false;
            WriteInt32BigEndian(destination, value);
            return true;
        }

        public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source) => (int)Read(source, 4, false);

        public static bool TryReadInt32LittleEndian(ReadOnlySpan<byte> source, out int value)
        {
            value = source.Length < 4 ? (int)0 : ReadInt32LittleEndian(source);
            return source.Length >= 4;
        }

        public static void WriteInt32LittleEndian(Span<byte> destination, int value) => Write(destination, (ulong)value, 4, false);

        public static bool TryWriteInt32LittleEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) return false;
            WriteInt32LittleEndian(destination, value);
            return true;
        }

        public static int ReverseEndianness(int value) => (int)Reverse((ulong)value, 4);

        public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source) => (uint)Read(source, 4, true);

        public static bool TryReadUInt32BigEndian(ReadOnlySpan<byte> source, out uint value)
        {
            value = source.Length < 4 ? (uint)0 : ReadUInt32BigEndian(source);
            return source.Length >= 4;
        }

        public static void WriteUInt32BigEndian(Span<byte> destination, uint value) => Write(destination, (ulong)value, 4, true);

        public static bool TryWriteUInt32BigEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) return false;
            WriteUInt32BigEndian(destination, value);
            return true;
        }

        public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source) => (uint)Read(source, 4, false);

        public static bool TryReadUInt32LittleEndian(ReadOnlySpan<byte> source, out uint value)
        {
            value = source.Length < 4 ? (uint)0 : ReadUInt32LittleEndian(source);
            return source.Length >= 4;
        }

        public static void WriteUInt32LittleEndian(Span<byte> destination, uint value) => Write(destination, (ulong)value, 4, false);

        public static bool TryWriteUInt32LittleEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) return false;
            WriteUInt32LittleEndian(destination, value);
            return true;
        }

        public static uint ReverseEndianness(uint value) => (uint)Reverse((ulong)value, 4);

        public static long ReadInt64BigEndian(ReadOnlySpan<byte> source) => (long)Read(source, 8, true);

        public static bool TryReadInt64BigEndian(ReadOnlySpan<byte> source, out long value)
        {
            value = source.Length < 8 ? (long)0 : ReadInt64BigEndian(source);
            return source.Length >= 8;
        }

        public static void WriteInt64BigEndian(Span<byte> destination, long value) => Write(destination, (ulong)value, 8, true);

        public static bool TryWriteInt64BigEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) return false;
            WriteInt64BigEndian(destination, value);
            return true;
        }

        public static long ReadInt64LittleEndian(ReadOnlySpan<byte> source) => (long)Read(source, 8, false);

        public static bool TryReadInt64LittleEndian(ReadOnlySpan<byte> source, out long value)
        {
            value = source.Length < 8 ? (long)0 : ReadInt64LittleEndian(source);
            return source.Length >= 8;
        }

        public static void WriteInt64LittleEndian(Span<byte> destination, long value) => Write(destination, (ulong)value, 8, false);

        public static bool TryWriteInt64LittleEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) return false;
            WriteInt64LittleEndian(destination, value);
            return true;
        }

        public static long ReverseEndianness(long value) => (long)Reverse((ulong)value, 8);

        public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source) => (ulong)Read(source, 8, true);

        public static bool TryReadUInt64BigEndian(ReadOnlySpan<byte> source, out ulong value)
        {
            value = source.Length < 8 ? (ulong)0 : ReadUInt64BigEndian(source);
            return source.Length >= 8;
        }

        public static void WriteUInt64BigEndian(Span<byte> destination, ulong value) => Write(destination, (ulong)value, 8, true);

        public static bool TryWriteUInt64BigEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) return false;
            WriteUInt64BigEndian(destination, value);
            return true;
        }

        public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source) => (ulong)Read(source, 8, false);

        public static bool TryReadUInt64LittleEndian(ReadOnlySpan<byte> source, out ulong value)
        {
            value = source.Length < 8 ? (ulong)0 : ReadUInt64LittleEndian(source);
            return source.Length >= 8;
        }

        public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value) => Write(destination, (ulong)value, 8, false);

        public static bool TryWriteUInt64LittleEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) return false;
            WriteUInt64LittleEndian(destination, value);
            return true;
        }

        public static ulong ReverseEndianness(ulong value) => (ulong)Reverse((ulong)value, 8);

        public static byte ReverseEndianness(byte value) => value;

        public static sbyte ReverseEndianness(sbyte value) => value;
    }
}
