using System.Runtime;
using Testbed.Runtime;

namespace System
{
    /// <summary>
    /// Standard output, UTF-8 encoded. Each call encodes into a stack buffer and hands it to the
    /// platform before returning, so there is no buffer to flush at exit. Numbers print as their
    /// ToString() does under the invariant culture.
    /// </summary>
    public static unsafe partial class Console
    {
        private const int BufferSize = 256;

        // A high surrogate that ended the previous call, waiting for its low half: .NET's console
        // encoder pairs surrogates across calls (Write('\uD83D'); Write('\uDE00') prints one emoji).
        private static char s_pendingHighSurrogate;

        public static void WriteLine() => Write('\n');

        public static void WriteLine(char[] buffer)
        {
            if (buffer == null) { WriteLine(); return; }
            fixed (char* chars = buffer) WriteChars(chars, buffer.Length, true);
        }

        public static void Write(char[] buffer)
        {
            if (buffer == null) return;
            fixed (char* chars = buffer) WriteChars(chars, buffer.Length, false);
        }

        public static void WriteLine(object value) => WriteLine(value == null ? null : value.ToString());

        public static void Write(object value) => Write(value == null ? null : value.ToString());

        public static void WriteLine(string format, object arg0) => WriteLine(string.Format(format, arg0));

        public static void WriteLine(string format, object arg0, object arg1) => WriteLine(string.Format(format, arg0, arg1));

        public static void WriteLine(string format, object arg0, object arg1, object arg2) => WriteLine(string.Format(format, arg0, arg1, arg2));

        public static void WriteLine(string format, params object[] arg) => WriteLine(string.Format(format, arg));

        public static void Write(string format, object arg0) => Write(string.Format(format, arg0));

        public static void Write(string format, object arg0, object arg1) => Write(string.Format(format, arg0, arg1));

        public static void Write(string format, object arg0, object arg1, object arg2) => Write(string.Format(format, arg0, arg1, arg2));

        public static void Write(string format, params object[] arg) => Write(string.Format(format, arg));

        public static void WriteLine(string value) => WriteChars(value == null ? null : value.GetCharPointer(), value == null ? 0 : value.Length, true);

        public static void WriteLine(char value) => WriteChars(&value, 1, true);

        public static void WriteLine(bool value) => WriteLine(value ? bool.TrueLiteral : bool.FalseLiteral);

        public static void WriteLine(int value) => WriteInt64(value, true);

        public static void WriteLine(uint value) => WriteUInt64(value, true);

        public static void WriteLine(long value) => WriteInt64(value, true);

        public static void WriteLine(ulong value) => WriteUInt64(value, true);

        public static void WriteLine(double value) => WriteDouble(value, true);

        public static void WriteLine(float value) => WriteSingle(value, true);

        public static void WriteLine(decimal value) => WriteLine(value.ToString());

        public static void Write(string value) => WriteChars(value == null ? null : value.GetCharPointer(), value == null ? 0 : value.Length, false);

        public static void Write(char value) => WriteChars(&value, 1, false);

        public static void Write(bool value) => Write(value ? bool.TrueLiteral : bool.FalseLiteral);

        public static void Write(int value) => WriteInt64(value, false);

        public static void Write(uint value) => WriteUInt64(value, false);

        public static void Write(long value) => WriteInt64(value, false);

        public static void Write(ulong value) => WriteUInt64(value, false);

        public static void Write(double value) => WriteDouble(value, false);

        public static void Write(float value) => WriteSingle(value, false);

        public static void Write(decimal value) => Write(value.ToString());

        private static void WriteInt64(long value, bool newLine)
        {
            char* chars = stackalloc char[NumberFormatting.Int64BufferLength];
            WriteChars(chars, NumberFormatting.FormatInt64(value, chars), newLine);
        }

        private static void WriteUInt64(ulong value, bool newLine)
        {
            char* chars = stackalloc char[NumberFormatting.Int64BufferLength];
            WriteChars(chars, NumberFormatting.FormatUInt64(value, chars), newLine);
        }

        private static void WriteDouble(double value, bool newLine)
        {
            char* chars = stackalloc char[NumberFormatting.FloatingPointBufferLength];
            WriteChars(chars, NumberFormatting.FormatDouble(value, chars), newLine);
        }

        private static void WriteSingle(float value, bool newLine)
        {
            char* chars = stackalloc char[NumberFormatting.FloatingPointBufferLength];
            WriteChars(chars, NumberFormatting.FormatSingle(value, chars), newLine);
        }

        private static void WriteChars(char* chars, int count, bool newLine)
        {
            byte* buffer = stackalloc byte[BufferSize];
            Utf8Writer writer = new Utf8Writer(Platform.StandardOutput, buffer, BufferSize);
            writer.PendingHighSurrogate = s_pendingHighSurrogate;
            writer.Write(chars, count);
            if (newLine)
                writer.Write('\n');
            writer.Flush();
            s_pendingHighSurrogate = writer.PendingHighSurrogate;
        }
    }
}
