using System.Runtime;

namespace System.Buffers.Binary
{
    /// <summary>
    /// Reads and writes integers in a given byte order, byte by byte: no alignment needed, and the same
    /// code is right on any host order. Too short a span throws as .NET's MemoryMarshal does.
    /// </summary>
    public static class BinaryPrimitives
    {
        private static void ThrowTooShort() => ThrowHelpers.ThrowArgumentOutOfRange("length");

        public static short ReadInt16BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 2) ThrowTooShort();
            return (short)(((ushort)source[0] << 8) | ((ushort)source[1] << 0));
        }

        public static short ReadInt16LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 2) ThrowTooShort();
            return (short)(((ushort)source[0] << 0) | ((ushort)source[1] << 8));
        }

        public static bool TryReadInt16BigEndian(ReadOnlySpan<byte> source, out short value)
        {
            value = source.Length < 2 ? (short)0 : ReadInt16BigEndian(source);
            return source.Length >= 2;
        }

        public static bool TryReadInt16LittleEndian(ReadOnlySpan<byte> source, out short value)
        {
            value = source.Length < 2 ? (short)0 : ReadInt16LittleEndian(source);
            return source.Length >= 2;
        }

        public static void WriteInt16BigEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) ThrowTooShort();
            ushort v = (ushort)value;
            destination[0] = (byte)(v >> 8);
            destination[1] = (byte)(v >> 0);
        }

        public static void WriteInt16LittleEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) ThrowTooShort();
            ushort v = (ushort)value;
            destination[0] = (byte)(v >> 0);
            destination[1] = (byte)(v >> 8);
        }

        public static bool TryWriteInt16BigEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) return false;
            WriteInt16BigEndian(destination, value);
            return true;
        }

        public static bool TryWriteInt16LittleEndian(Span<byte> destination, short value)
        {
            if (destination.Length < 2) return false;
            WriteInt16LittleEndian(destination, value);
            return true;
        }

        public static short ReverseEndianness(short value)
        {
            ushort v = (ushort)value;
            return (short)((((v >> 0) & 0xFF) << 8) | (((v >> 8) & 0xFF) << 0));
        }

        public static ushort ReadUInt16BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 2) ThrowTooShort();
            return (ushort)(((ushort)source[0] << 8) | ((ushort)source[1] << 0));
        }

        public static ushort ReadUInt16LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 2) ThrowTooShort();
            return (ushort)(((ushort)source[0] << 0) | ((ushort)source[1] << 8));
        }

        public static bool TryReadUInt16BigEndian(ReadOnlySpan<byte> source, out ushort value)
        {
            value = source.Length < 2 ? (ushort)0 : ReadUInt16BigEndian(source);
            return source.Length >= 2;
        }

        public static bool TryReadUInt16LittleEndian(ReadOnlySpan<byte> source, out ushort value)
        {
            value = source.Length < 2 ? (ushort)0 : ReadUInt16LittleEndian(source);
            return source.Length >= 2;
        }

        public static void WriteUInt16BigEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) ThrowTooShort();
            ushort v = (ushort)value;
            destination[0] = (byte)(v >> 8);
            destination[1] = (byte)(v >> 0);
        }

        public static void WriteUInt16LittleEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) ThrowTooShort();
            ushort v = (ushort)value;
            destination[0] = (byte)(v >> 0);
            destination[1] = (byte)(v >> 8);
        }

        public static bool TryWriteUInt16BigEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) return false;
            WriteUInt16BigEndian(destination, value);
            return true;
        }

        public static bool TryWriteUInt16LittleEndian(Span<byte> destination, ushort value)
        {
            if (destination.Length < 2) return false;
            WriteUInt16LittleEndian(destination, value);
            return true;
        }

        public static ushort ReverseEndianness(ushort value)
        {
            ushort v = (ushort)value;
            return (ushort)((((v >> 0) & 0xFF) << 8) | (((v >> 8) & 0xFF) << 0));
        }

        public static int ReadInt32BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) ThrowTooShort();
            return (int)(((uint)source[0] << 24) | ((uint)source[1] << 16) | ((uint)source[2] << 8) | ((uint)source[3] << 0));
        }

        public static int ReadInt32LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) ThrowTooShort();
            return (int)(((uint)source[0] << 0) | ((uint)source[1] << 8) | ((uint)source[2] << 16) | ((uint)source[3] << 24));
        }

        public static bool TryReadInt32BigEndian(ReadOnlySpan<byte> source, out int value)
        {
            value = source.Length < 4 ? (int)0 : ReadInt32BigEndian(source);
            return source.Length >= 4;
        }

        public static bool TryReadInt32LittleEndian(ReadOnlySpan<byte> source, out int value)
        {
            value = source.Length < 4 ? (int)0 : ReadInt32LittleEndian(source);
            return source.Length >= 4;
        }

        public static void WriteInt32BigEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) ThrowTooShort();
            uint v = (uint)value;
            destination[0] = (byte)(v >> 24);
            destination[1] = (byte)(v >> 16);
            destination[2] = (byte)(v >> 8);
            destination[3] = (byte)(v >> 0);
        }

        public static void WriteInt32LittleEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) ThrowTooShort();
            uint v = (uint)value;
            destination[0] = (byte)(v >> 0);
            destination[1] = (byte)(v >> 8);
            destination[2] = (byte)(v >> 16);
            destination[3] = (byte)(v >> 24);
        }

        public static bool TryWriteInt32BigEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) return false;
            WriteInt32BigEndian(destination, value);
            return true;
        }

        public static bool TryWriteInt32LittleEndian(Span<byte> destination, int value)
        {
            if (destination.Length < 4) return false;
            WriteInt32LittleEndian(destination, value);
            return true;
        }

        public static int ReverseEndianness(int value)
        {
            uint v = (uint)value;
            return (int)((((v >> 0) & 0xFF) << 24) | (((v >> 8) & 0xFF) << 16) | (((v >> 16) & 0xFF) << 8) | (((v >> 24) & 0xFF) << 0));
        }

        public static uint ReadUInt32BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) ThrowTooShort();
            return (uint)(((uint)source[0] << 24) | ((uint)source[1] << 16) | ((uint)source[2] << 8) | ((uint)source[3] << 0));
        }

        public static uint ReadUInt32LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 4) ThrowTooShort();
            return (uint)(((uint)source[0] << 0) | ((uint)source[1] << 8) | ((uint)source[2] << 16) | ((uint)source[3] << 24));
        }

        public static bool TryReadUInt32BigEndian(ReadOnlySpan<byte> source, out uint value)
        {
            value = source.Length < 4 ? (uint)0 : ReadUInt32BigEndian(source);
            return source.Length >= 4;
        }

        public static bool TryReadUInt32LittleEndian(ReadOnlySpan<byte> source, out uint value)
        {
            value = source.Length < 4 ? (uint)0 : ReadUInt32LittleEndian(source);
            return source.Length >= 4;
        }

        public static void WriteUInt32BigEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) ThrowTooShort();
            uint v = (uint)value;
            destination[0] = (byte)(v >> 24);
            destination[1] = (byte)(v >> 16);
            destination[2] = (byte)(v >> 8);
            destination[3] = (byte)(v >> 0);
        }

        public static void WriteUInt32LittleEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) ThrowTooShort();
            uint v = (uint)value;
            destination[0] = (byte)(v >> 0);
            destination[1] = (byte)(v >> 8);
            destination[2] = (byte)(v >> 16);
            destination[3] = (byte)(v >> 24);
        }

        public static bool TryWriteUInt32BigEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) return false;
            WriteUInt32BigEndian(destination, value);
            return true;
        }

        public static bool TryWriteUInt32LittleEndian(Span<byte> destination, uint value)
        {
            if (destination.Length < 4) return false;
            WriteUInt32LittleEndian(destination, value);
            return true;
        }

        public static uint ReverseEndianness(uint value)
        {
            uint v = (uint)value;
            return (uint)((((v >> 0) & 0xFF) << 24) | (((v >> 8) & 0xFF) << 16) | (((v >> 16) & 0xFF) << 8) | (((v >> 24) & 0xFF) << 0));
        }

        public static long ReadInt64BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) ThrowTooShort();
            return (long)(((ulong)source[0] << 56) | ((ulong)source[1] << 48) | ((ulong)source[2] << 40) | ((ulong)source[3] << 32) | ((ulong)source[4] << 24) | ((ulong)source[5] << 16) | ((ulong)source[6] << 8) | ((ulong)source[7] << 0));
        }

        public static long ReadInt64LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) ThrowTooShort();
            return (long)(((ulong)source[0] << 0) | ((ulong)source[1] << 8) | ((ulong)source[2] << 16) | ((ulong)source[3] << 24) | ((ulong)source[4] << 32) | ((ulong)source[5] << 40) | ((ulong)source[6] << 48) | ((ulong)source[7] << 56));
        }

        public static bool TryReadInt64BigEndian(ReadOnlySpan<byte> source, out long value)
        {
            value = source.Length < 8 ? (long)0 : ReadInt64BigEndian(source);
            return source.Length >= 8;
        }

        public static bool TryReadInt64LittleEndian(ReadOnlySpan<byte> source, out long value)
        {
            value = source.Length < 8 ? (long)0 : ReadInt64LittleEndian(source);
            return source.Length >= 8;
        }

        public static void WriteInt64BigEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) ThrowTooShort();
            ulong v = (ulong)value;
            destination[0] = (byte)(v >> 56);
            destination[1] = (byte)(v >> 48);
            destination[2] = (byte)(v >> 40);
            destination[3] = (byte)(v >> 32);
            destination[4] = (byte)(v >> 24);
            destination[5] = (byte)(v >> 16);
            destination[6] = (byte)(v >> 8);
            destination[7] = (byte)(v >> 0);
        }

        public static void WriteInt64LittleEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) ThrowTooShort();
            ulong v = (ulong)value;
            destination[0] = (byte)(v >> 0);
            destination[1] = (byte)(v >> 8);
            destination[2] = (byte)(v >> 16);
            destination[3] = (byte)(v >> 24);
            destination[4] = (byte)(v >> 32);
            destination[5] = (byte)(v >> 40);
            destination[6] = (byte)(v >> 48);
            destination[7] = (byte)(v >> 56);
        }

        public static bool TryWriteInt64BigEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) return false;
            WriteInt64BigEndian(destination, value);
            return true;
        }

        public static bool TryWriteInt64LittleEndian(Span<byte> destination, long value)
        {
            if (destination.Length < 8) return false;
            WriteInt64LittleEndian(destination, value);
            return true;
        }

        public static long ReverseEndianness(long value)
        {
            ulong v = (ulong)value;
            return (long)((((v >> 0) & 0xFF) << 56) | (((v >> 8) & 0xFF) << 48) | (((v >> 16) & 0xFF) << 40) | (((v >> 24) & 0xFF) << 32) | (((v >> 32) & 0xFF) << 24) | (((v >> 40) & 0xFF) << 16) | (((v >> 48) & 0xFF) << 8) | (((v >> 56) & 0xFF) << 0));
        }

        public static ulong ReadUInt64BigEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) ThrowTooShort();
            return (ulong)(((ulong)source[0] << 56) | ((ulong)source[1] << 48) | ((ulong)source[2] << 40) | ((ulong)source[3] << 32) | ((ulong)source[4] << 24) | ((ulong)source[5] << 16) | ((ulong)source[6] << 8) | ((ulong)source[7] << 0));
        }

        public static ulong ReadUInt64LittleEndian(ReadOnlySpan<byte> source)
        {
            if (source.Length < 8) ThrowTooShort();
            return (ulong)(((ulong)source[0] << 0) | ((ulong)source[1] << 8) | ((ulong)source[2] << 16) | ((ulong)source[3] << 24) | ((ulong)source[4] << 32) | ((ulong)source[5] << 40) | ((ulong)source[6] << 48) | ((ulong)source[7] << 56));
        }

        public static bool TryReadUInt64BigEndian(ReadOnlySpan<byte> source, out ulong value)
        {
            value = source.Length < 8 ? (ulong)0 : ReadUInt64BigEndian(source);
            return source.Length >= 8;
        }

        public static bool TryReadUInt64LittleEndian(ReadOnlySpan<byte> source, out ulong value)
        {
            value = source.Length < 8 ? (ulong)0 : ReadUInt64LittleEndian(source);
            return source.Length >= 8;
        }

        public static void WriteUInt64BigEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) ThrowTooShort();
            ulong v = (ulong)value;
            destination[0] = (byte)(v >> 56);
            destination[1] = (byte)(v >> 48);
            destination[2] = (byte)(v >> 40);
            destination[3] = (byte)(v >> 32);
            destination[4] = (byte)(v >> 24);
            destination[5] = (byte)(v >> 16);
            destination[6] = (byte)(v >> 8);
            destination[7] = (byte)(v >> 0);
        }

        public static void WriteUInt64LittleEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) ThrowTooShort();
            ulong v = (ulong)value;
            destination[0] = (byte)(v >> 0);
            destination[1] = (byte)(v >> 8);
            destination[2] = (byte)(v >> 16);
            destination[3] = (byte)(v >> 24);
            destination[4] = (byte)(v >> 32);
            destination[5] = (byte)(v >> 40);
            destination[6] = (byte)(v >> 48);
            destination[7] = (byte)(v >> 56);
        }

        public static bool TryWriteUInt64BigEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) return false;
            WriteUInt64BigEndian(destination, value);
            return true;
        }

        public static bool TryWriteUInt64LittleEndian(Span<byte> destination, ulong value)
        {
            if (destination.Length < 8) return false;
            WriteUInt64LittleEndian(destination, value);
            return true;
        }

        public static ulong ReverseEndianness(ulong value)
        {
            ulong v = (ulong)value;
            return (ulong)((((v >> 0) & 0xFF) << 56) | (((v >> 8) & 0xFF) << 48) | (((v >> 16) & 0xFF) << 40) | (((v >> 24) & 0xFF) << 32) | (((v >> 32) & 0xFF) << 24) | (((v >> 40) & 0xFF) << 16) | (((v >> 48) & 0xFF) << 8) | (((v >> 56) & 0xFF) << 0));
        }

        public static byte ReverseEndianness(byte value) => value;

        public static sbyte ReverseEndianness(sbyte value) => value;
    }
}
