using System.Runtime;

namespace System.Text
{
    /// <summary>
    /// UTF-8 and ASCII with .NET's replacement behaviour: unencodable chars become U+FFFD in UTF-8 and
    /// '?' in ASCII (a surrogate pair is two); undecodable bytes become U+FFFD (one per maximal
    /// ill-formed subsequence, the Unicode recommendation .NET Core 3.0+ follows) and '?' in ASCII.
    /// </summary>
    public abstract unsafe class Encoding
    {
        private static UTF8Encoding s_utf8;
        private static ASCIIEncoding s_ascii;

        public static Encoding UTF8 => s_utf8 ??= new UTF8Encoding(true);

        public static Encoding ASCII => s_ascii ??= new ASCIIEncoding();

        public abstract string WebName { get; }

        public virtual byte[] GetPreamble() => Array.Empty<byte>();

        private protected abstract int CountBytes(char* chars, int count);

        private protected abstract int EncodeBytes(char* chars, int count, byte* bytes);

        private protected abstract int CountChars(byte* bytes, int count);

        private protected abstract int DecodeChars(byte* bytes, int count, char* chars);

        public abstract int GetMaxByteCount(int charCount);

        public abstract int GetMaxCharCount(int byteCount);

        public int GetByteCount(string s)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNull(nameof(s));
            fixed (char* p = s) return CountBytes(p, s.Length);
        }

        public int GetByteCount(char[] chars)
        {
            if (chars == null) ThrowHelpers.ThrowArgumentNull(nameof(chars));
            fixed (char* p = chars) return CountBytes(p, chars.Length);
        }

        public int GetByteCount(ReadOnlySpan<char> chars)
        {
            fixed (char* p = chars) return CountBytes(p, chars.Length);
        }

        public byte[] GetBytes(string s)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNull(nameof(s));
            fixed (char* p = s) return Encode(p, s.Length);
        }

        public byte[] GetBytes(char[] chars)
        {
            if (chars == null) ThrowHelpers.ThrowArgumentNull(nameof(chars));
            fixed (char* p = chars) return Encode(p, chars.Length);
        }

        public byte[] GetBytes(string s, int index, int count)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNull(nameof(s));
            CheckRange(s.Length, index, count, nameof(index));
            fixed (char* p = s) return Encode(p + index, count);
        }

        public int GetBytes(string s, int charIndex, int charCount, byte[] bytes, int byteIndex)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNull(nameof(s));
            if (bytes == null) ThrowHelpers.ThrowArgumentNull(nameof(bytes));
            CheckRange(s.Length, charIndex, charCount, nameof(charIndex));
            if ((uint)byteIndex > (uint)bytes.Length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(byteIndex), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            fixed (char* p = s)
            fixed (byte* b = bytes)
            {
                int needed = CountBytes(p + charIndex, charCount);
                if (needed > bytes.Length - byteIndex) ThrowHelpers.ThrowArgument(nameof(bytes), "The output byte buffer is too small to contain the encoded data, encoding codepage '" + Number.Int64ToString(CodePage) + "' and fallback 'System.Text.EncoderReplacementFallback'.");
                return EncodeBytes(p + charIndex, charCount, b + byteIndex);
            }
        }

        public int GetBytes(ReadOnlySpan<char> chars, Span<byte> bytes)
        {
            fixed (char* p = chars)
            fixed (byte* b = bytes)
            {
                int needed = CountBytes(p, chars.Length);
                if (needed > bytes.Length) ThrowHelpers.ThrowArgument("bytes", "The output byte buffer is too small to contain the encoded data, encoding codepage '" + Number.Int64ToString(CodePage) + "' and fallback 'System.Text.EncoderReplacementFallback'.");
                return EncodeBytes(p, chars.Length, b);
            }
        }

        public abstract int CodePage { get; }

        private byte[] Encode(char* chars, int count)
        {
            int length = CountBytes(chars, count);
            if (length == 0) return Array.Empty<byte>();
            byte[] bytes = new byte[length];
            fixed (byte* b = bytes) EncodeBytes(chars, count, b);
            return bytes;
        }

        public string GetString(byte[] bytes)
        {
            if (bytes == null) ThrowHelpers.ThrowArgumentNull(nameof(bytes));
            fixed (byte* b = bytes) return Decode(b, bytes.Length);
        }

        public string GetString(byte[] bytes, int index, int count)
        {
            if (bytes == null) ThrowHelpers.ThrowArgumentNull(nameof(bytes));
            CheckRange(bytes.Length, index, count, nameof(index));
            fixed (byte* b = bytes) return Decode(b + index, count);
        }

        public string GetString(ReadOnlySpan<byte> bytes)
        {
            fixed (byte* b = bytes) return Decode(b, bytes.Length);
        }

        public int GetCharCount(byte[] bytes)
        {
            if (bytes == null) ThrowHelpers.ThrowArgumentNull(nameof(bytes));
            fixed (byte* b = bytes) return CountChars(b, bytes.Length);
        }

        public char[] GetChars(byte[] bytes)
        {
            if (bytes == null) ThrowHelpers.ThrowArgumentNull(nameof(bytes));
            fixed (byte* b = bytes)
            {
                char[] chars = new char[CountChars(b, bytes.Length)];
                fixed (char* c = chars) DecodeChars(b, bytes.Length, c);
                return chars;
            }
        }

        private string Decode(byte* bytes, int count)
        {
            int length = CountChars(bytes, count);
            if (length == 0) return string.Empty;
            string result = RuntimeIntrinsics.AllocateString(length);
            DecodeChars(bytes, count, result.GetCharPointer());
            return result;
        }

        private static void CheckRange(int length, int index, int count, string indexName)
        {
            if (index < 0 || count < 0)
                ThrowHelpers.ThrowArgumentOutOfRange(index < 0 ? indexName : nameof(count), "Non-negative number required.");
            if (length - index < count)
                ThrowHelpers.ThrowArgumentOutOfRange(indexName, "Index and count must refer to a location within the buffer.");
        }
    }

    public class UTF8Encoding : Encoding
    {
        private readonly bool _emitIdentifier;

        public UTF8Encoding() : this(false) { }

        public UTF8Encoding(bool encoderShouldEmitUTF8Identifier) { _emitIdentifier = encoderShouldEmitUTF8Identifier; }

        public override string WebName => "utf-8";

        public override int CodePage => 65001;

        public override byte[] GetPreamble() => _emitIdentifier ? new byte[] { 0xEF, 0xBB, 0xBF } : Array.Empty<byte>();

        public override int GetMaxByteCount(int charCount) => (charCount + 1) * 3;

        public override int GetMaxCharCount(int byteCount) => byteCount + 1;

        private protected override unsafe int CountBytes(char* chars, int count) => EncodeOrCount(chars, count, null);

        private protected override unsafe int EncodeBytes(char* chars, int count, byte* bytes) => EncodeOrCount(chars, count, bytes);

        /// <summary>Counts when bytes is null; a lone surrogate is encoded as U+FFFD.</summary>
        private static unsafe int EncodeOrCount(char* chars, int count, byte* bytes)
        {
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                uint c = chars[i];
                if (c < 0x80)
                {
                    if (bytes != null) bytes[n] = (byte)c;
                    n++;
                    continue;
                }
                if (c < 0x800)
                {
                    if (bytes != null) { bytes[n] = (byte)(0xC0 | (c >> 6)); bytes[n + 1] = (byte)(0x80 | (c & 0x3F)); }
                    n += 2;
                    continue;
                }
                if (char.IsHighSurrogate((char)c) && i + 1 < count && char.IsLowSurrogate(chars[i + 1]))
                {
                    uint cp = 0x10000 + ((c - 0xD800) << 10) + (uint)(chars[i + 1] - 0xDC00);
                    if (bytes != null)
                    {
                        bytes[n] = (byte)(0xF0 | (cp >> 18));
                        bytes[n + 1] = (byte)(0x80 | ((cp >> 12) & 0x3F));
                        bytes[n + 2] = (byte)(0x80 | ((cp >> 6) & 0x3F));
                        bytes[n + 3] = (byte)(0x80 | (cp & 0x3F));
                    }
                    n += 4;
                    i++;
                    continue;
                }
                if (char.IsSurrogate((char)c)) c = 0xFFFD;
                if (bytes != null)
                {
                    bytes[n] = (byte)(0xE0 | (c >> 12));
                    bytes[n + 1] = (byte)(0x80 | ((c >> 6) & 0x3F));
                    bytes[n + 2] = (byte)(0x80 | (c & 0x3F));
                }
                n += 3;
            }
            return n;
        }

        private protected override unsafe int CountChars(byte* bytes, int count) => DecodeOrCount(bytes, count, null);

        private protected override unsafe int DecodeChars(byte* bytes, int count, char* chars) => DecodeOrCount(bytes, count, chars);

        /// <summary>
        /// Well-formed sequences per the Unicode table (no overlongs, no surrogates, nothing above
        /// U+10FFFF); each maximal prefix of a sequence that cannot be completed is one U+FFFD.
        /// </summary>
        private static unsafe int DecodeOrCount(byte* bytes, int count, char* chars)
        {
            int n = 0, i = 0;
            while (i < count)
            {
                uint b = bytes[i];
                if (b < 0x80)
                {
                    if (chars != null) chars[n] = (char)b;
                    n++;
                    i++;
                    continue;
                }
                int need;
                uint lower = 0x80, upper = 0xBF, cp;
                if (b >= 0xC2 && b <= 0xDF) { need = 1; cp = b & 0x1F; }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    need = 2;
                    cp = b & 0x0F;
                    if (b == 0xE0) lower = 0xA0;
                    else if (b == 0xED) upper = 0x9F;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    need = 3;
                    cp = b & 0x07;
                    if (b == 0xF0) lower = 0x90;
                    else if (b == 0xF4) upper = 0x8F;
                }
                else
                {
                    if (chars != null) chars[n] = '\uFFFD';
                    n++;
                    i++;
                    continue;
                }
                int j = i + 1;
                bool complete = true;
                for (int k = 0; k < need; k++, j++)
                {
                    if (j >= count || bytes[j] < lower || bytes[j] > upper)
                    {
                        complete = false;
                        break;
                    }
                    cp = (cp << 6) | (bytes[j] & 0x3Fu);
                    lower = 0x80;
                    upper = 0xBF;
                }
                if (!complete)
                {
                    if (chars != null) chars[n] = '\uFFFD';
                    n++;
                    i = j;
                    continue;
                }
                if (cp >= 0x10000)
                {
                    if (chars != null)
                    {
                        chars[n] = (char)(0xD800 + ((cp - 0x10000) >> 10));
                        chars[n + 1] = (char)(0xDC00 + ((cp - 0x10000) & 0x3FF));
                    }
                    n += 2;
                }
                else
                {
                    if (chars != null) chars[n] = (char)cp;
                    n++;
                }
                i = j;
            }
            return n;
        }
    }

    public class ASCIIEncoding : Encoding
    {
        public ASCIIEncoding() { }

        public override string WebName => "us-ascii";

        public override int CodePage => 20127;

        public override int GetMaxByteCount(int charCount) => charCount + 1;

        public override int GetMaxCharCount(int byteCount) => byteCount;

        private protected override unsafe int CountBytes(char* chars, int count) => EncodeOrCount(chars, count, null);

        private protected override unsafe int EncodeBytes(char* chars, int count, byte* bytes) => EncodeOrCount(chars, count, bytes);

        /// <summary>Each non-ASCII char becomes '?', each half of a surrogate pair too.</summary>
        private static unsafe int EncodeOrCount(char* chars, int count, byte* bytes)
        {
            int n = 0;
            for (int i = 0; i < count; i++)
            {
                char c = chars[i];
                if (bytes != null) bytes[n] = c < 0x80 ? (byte)c : (byte)'?';
                n++;
            }
            return n;
        }

        private protected override unsafe int CountChars(byte* bytes, int count) => count;

        private protected override unsafe int DecodeChars(byte* bytes, int count, char* chars)
        {
            for (int i = 0; i < count; i++) chars[i] = bytes[i] < 0x80 ? (char)bytes[i] : '?';
            return count;
        }
    }
}
