using System.Runtime;

namespace Testbed.Runtime
{
    /// <summary>
    /// Encodes UTF-16 to UTF-8 into a caller-provided (stack) buffer and hands full buffers to
    /// <c>tb_platform_write</c>. One writer lives for one Console call, so output reaches the platform
    /// when the call returns and nothing needs flushing at exit.
    /// </summary>
    /// <remarks>
    /// Ill-formed UTF-16 (a lone surrogate) becomes U+FFFD, as .NET's UTF-8 console encoding does. A
    /// high surrogate at the very end is left in <see cref="PendingHighSurrogate"/> so that the caller
    /// can carry it to its next call: .NET's console encoder pairs surrogates written by separate calls.
    /// </remarks>
    internal unsafe struct Utf8Writer
    {
        // Room for the longest sequence a single step can produce: U+FFFD for a dropped high
        // surrogate (3 bytes) followed by a 3-byte character.
        private const int MaxBytesPerStep = 6;

        private readonly byte* _buffer;
        private readonly int _capacity;
        private readonly int _fd;
        private int _count;

        internal char PendingHighSurrogate;

        internal Utf8Writer(int fd, byte* buffer, int capacity)
        {
            _fd = fd;
            _buffer = buffer;
            _capacity = capacity;
            _count = 0;
            PendingHighSurrogate = '\0';
        }

        internal void Write(char c)
        {
            if (_capacity - _count < MaxBytesPerStep)
                Flush();

            if (PendingHighSurrogate != '\0')
            {
                char high = PendingHighSurrogate;
                PendingHighSurrogate = '\0';
                if (char.IsLowSurrogate(c))
                {
                    WriteScalar(0x10000 + (((uint)high - 0xD800) << 10) + ((uint)c - 0xDC00));
                    return;
                }
                WriteScalar(0xFFFD);
            }

            if (char.IsHighSurrogate(c))
                PendingHighSurrogate = c;
            else if (char.IsLowSurrogate(c))
                WriteScalar(0xFFFD);
            else
                WriteScalar(c);
        }

        internal void Write(char* chars, int count)
        {
            for (int i = 0; i < count; i++)
                Write(chars[i]);
        }

        internal void Write(string value)
        {
            if (value == null)
                return;
            // The heap never moves objects, so the character pointer stays valid.
            Write(value.GetCharPointer(), value.Length);
        }

        /// <summary>Already-encoded, NUL-terminated UTF-8 (the type names in descriptors), copied as is.</summary>
        internal void WriteUtf8(byte* text)
        {
            for (; *text != 0; text++)
            {
                if (_count == _capacity)
                    Flush();
                _buffer[_count++] = *text;
            }
        }

        /// <summary>ASCII digits of a signed integer, for messages built without allocating.</summary>
        internal void WriteInt64(long value)
        {
            char* digits = stackalloc char[NumberFormatting.Int64BufferLength];
            Write(digits, NumberFormatting.FormatInt64(value, digits));
        }

        internal void Flush()
        {
            if (_count > 0)
                Platform.Write(_fd, _buffer, _count);
            _count = 0;
        }

        private void WriteScalar(uint scalar)
        {
            byte* p = _buffer + _count;
            if (scalar < 0x80)
            {
                p[0] = (byte)scalar;
                _count += 1;
            }
            else if (scalar < 0x800)
            {
                p[0] = (byte)(0xC0 | (scalar >> 6));
                p[1] = (byte)(0x80 | (scalar & 0x3F));
                _count += 2;
            }
            else if (scalar < 0x10000)
            {
                p[0] = (byte)(0xE0 | (scalar >> 12));
                p[1] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                p[2] = (byte)(0x80 | (scalar & 0x3F));
                _count += 3;
            }
            else
            {
                p[0] = (byte)(0xF0 | (scalar >> 18));
                p[1] = (byte)(0x80 | ((scalar >> 12) & 0x3F));
                p[2] = (byte)(0x80 | ((scalar >> 6) & 0x3F));
                p[3] = (byte)(0x80 | (scalar & 0x3F));
                _count += 4;
            }
        }
    }
}
