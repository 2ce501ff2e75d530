namespace System
{
    public readonly partial struct UInt64 : IComparable, IComparable<ulong>, IEquatable<ulong>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly ulong m_value;
#pragma warning restore CS0649

        public const ulong MaxValue = 0xFFFFFFFFFFFFFFFF;
        public const ulong MinValue = 0;

        public override string ToString() => Number.UInt64ToString(m_value);

        public string ToString(string format) => Number.FormatUInt64(m_value, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(ulong obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

        public override bool Equals(object obj) => obj is ulong other && Equals(other);

        public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is ulong other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt64.");
        }

        public static ulong Parse(string s) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static ulong Parse(string s, IFormatProvider provider) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static ulong Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static ulong Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            int status = Number.ParseUnsigned(s, style, 64, out ulong value);
            if (status != Number.ParseOk) Number.ThrowParseFailure(status, s, "Value was either too large or too small for a UInt64.");
            return (ulong)value;
        }

        public static bool TryParse(string s, out ulong result) => TryParse(s, System.Globalization.NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out ulong result)
        {
            result = 0;
            if (s == null || Number.ParseUnsigned(s, style, 64, out ulong value) != Number.ParseOk) return false;
            result = (ulong)value;
            return true;
        }
    }
}
