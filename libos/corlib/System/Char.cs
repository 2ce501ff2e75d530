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

        // Only the ASCII and UTF-16 predicates: the Unicode category tables behind IsDigit, IsLetter
        // and IsWhiteSpace are not in the image.
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
    }
}
