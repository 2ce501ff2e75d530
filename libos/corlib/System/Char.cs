namespace System
{
    public readonly struct Char : IComparable, IComparable<char>, IEquatable<char>
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly char m_value;
#pragma warning restore CS0649

        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;

        public override string ToString() => string.CreateFromChar(m_value);

        public static string ToString(char c) => string.CreateFromChar(c);

        public bool Equals(char obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value | ((int)m_value << 16);

        public override bool Equals(object obj) => obj is char other && Equals(other);

        // .NET returns the difference for types narrower than int, and programs may print it.
        public int CompareTo(char value) => m_value - value;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is char other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Char.");
        }

        public static bool IsAscii(char c) => c <= '\x007f';

        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

        public static bool IsAsciiLetterLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

        public static bool IsAsciiLetterUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

        public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

        public static bool IsHighSurrogate(char c) => (uint)(c - 0xD800) <= 0x3FF;

        public static bool IsLowSurrogate(char c) => (uint)(c - 0xDC00) <= 0x3FF;

        public static bool IsSurrogate(char c) => (uint)(c - 0xD800) <= 0x7FF;

        public static bool IsSurrogatePair(char highSurrogate, char lowSurrogate) =>
            IsHighSurrogate(highSurrogate) && IsLowSurrogate(lowSurrogate);

        // The Unicode predicates and case mappings are exact for Latin-1 (U+0000..U+00FF), for
        // surrogates and, for IsWhiteSpace, for every char. Elsewhere they need Unicode's tables, which
        // the image does not carry: they throw NotSupportedException instead of guessing.

        public static bool IsWhiteSpace(char c)
        {
            if (c < 0x100) return c == ' ' || (uint)(c - '\t') <= '\r' - '\t' || c == '\u00A0' || c == '\u0085';
            return c == '\u1680' || (uint)(c - 0x2000) <= 0x0A || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
        }

        public static bool IsDigit(char c) => IsLatin1OrSurrogate(c) ? IsAsciiDigit(c) : Unsupported(c);

        public static bool IsNumber(char c) =>
            IsLatin1OrSurrogate(c) ? IsAsciiDigit(c) || c == '\u00B2' || c == '\u00B3' || c == '\u00B9' || (uint)(c - 0xBC) <= 2 : Unsupported(c);

        public static bool IsLetter(char c) => IsLatin1OrSurrogate(c) ? IsUpperLatin1(c) || IsLowerLatin1(c) || c == '\u00AA' || c == '\u00BA' : Unsupported(c);

        public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

        public static bool IsUpper(char c) => IsLatin1OrSurrogate(c) ? IsUpperLatin1(c) : Unsupported(c);

        public static bool IsLower(char c) => IsLatin1OrSurrogate(c) ? IsLowerLatin1(c) : Unsupported(c);

        public static bool IsControl(char c) => c < 0x20 || (uint)(c - 0x7F) < 0x21;

        public static bool IsPunctuation(char c)
        {
            if (!IsLatin1OrSurrogate(c)) return Unsupported(c);
            switch (c)
            {
                case '!': case '"': case '#': case '%': case '&': case '\'': case '(': case ')': case '*': case ',':
                case '-': case '.': case '/': case ':': case ';': case '?': case '@': case '[': case '\\': case ']':
                case '_': case '{': case '}': case '\u00A1': case '\u00A7': case '\u00AB': case '\u00B6': case '\u00B7':
                case '\u00BB': case '\u00BF':
                    return true;
                default:
                    return false;
            }
        }

        public static bool IsSeparator(char c) => IsLatin1OrSurrogate(c) ? c == ' ' || c == '\u00A0' : Unsupported(c);

        public static bool IsSymbol(char c)
        {
            if (!IsLatin1OrSurrogate(c)) return Unsupported(c);
            switch (c)
            {
                case '$': case '+': case '<': case '=': case '>': case '^': case '`': case '|': case '~':
                case '\u00A2': case '\u00A3': case '\u00A4': case '\u00A5': case '\u00A6': case '\u00A8': case '\u00A9':
                case '\u00AC': case '\u00AE': case '\u00AF': case '\u00B0': case '\u00B1': case '\u00B4': case '\u00B8':
                case '\u00D7': case '\u00F7':
                    return true;
                default:
                    return false;
            }
        }

        public static bool IsWhiteSpace(string s, int index) => IsWhiteSpace(s[index]);

        public static bool IsDigit(string s, int index) => IsDigit(s[index]);

        public static bool IsLetter(string s, int index) => IsLetter(s[index]);

        /// <summary>Invariant simple case mapping (what .NET 8+ does under invariant globalization).</summary>
        public static char ToUpperInvariant(char c)
        {
            if (c < 0x80) return (uint)(c - 'a') <= 'z' - 'a' ? (char)(c - 0x20) : c;
            if (!IsLatin1OrSurrogate(c)) { Unsupported(c); return c; }
            if (c == '\u00FF') return '\u0178';
            if (c == '\u00B5') return '\u039C';
            if ((uint)(c - 0xE0) <= 0xFE - 0xE0 && c != '\u00F7') return (char)(c - 0x20);
            return c;
        }

        public static char ToLowerInvariant(char c)
        {
            if (c < 0x80) return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c + 0x20) : c;
            if (!IsLatin1OrSurrogate(c)) { Unsupported(c); return c; }
            return IsUpperLatin1(c) ? (char)(c + 0x20) : c;
        }

        public static char ToUpper(char c) => ToUpperInvariant(c);

        public static char ToLower(char c) => ToLowerInvariant(c);

        public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

        public static bool IsBetween(char c, char minInclusive, char maxInclusive) => (uint)(c - minInclusive) <= (uint)(maxInclusive - minInclusive);

        private static bool IsUpperLatin1(char c) => (uint)(c - 'A') <= 'Z' - 'A' || ((uint)(c - 0xC0) <= 0xDE - 0xC0 && c != '\u00D7');

        private static bool IsLowerLatin1(char c) =>
            (uint)(c - 'a') <= 'z' - 'a' || c == '\u00B5' || ((uint)(c - 0xDF) <= 0xFF - 0xDF && c != '\u00F7');

        private static bool IsLatin1OrSurrogate(char c) => c < 0x100 || IsSurrogate(c);

        private static bool Unsupported(char c)
        {
            System.Runtime.ThrowHelpers.ThrowNotSupported("Unicode character data beyond Latin-1 is not in the image (U+" + ((int)c).ToString("X4") + ").");
            return false;
        }
    }
}
