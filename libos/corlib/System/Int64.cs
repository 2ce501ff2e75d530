namespace System
{
    public readonly partial struct Int64 : IComparable, IComparable<long>, IEquatable<long>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly long m_value;
#pragma warning restore CS0649

        public const long MaxValue = 0x7FFFFFFFFFFFFFFF;
        public const long MinValue = unchecked((long)0x8000000000000000);

        public override string ToString() => Number.Int64ToString(m_value);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 8);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(long obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

        public override bool Equals(object obj) => obj is long other && Equals(other);

        public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is long other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int64.");
        }

        public static long Parse(string s) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static long Parse(string s, IFormatProvider provider) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static long Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static long Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            int status = Number.ParseSigned(s, style, 64, out long value);
            if (status != Number.ParseOk) Number.ThrowParseFailure(status, s, "Value was either too large or too small for an Int64.");
            return (long)value;
        }

        public static bool TryParse(string s, out long result) => TryParse(s, System.Globalization.NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out long result)
        {
            result = 0;
            if (s == null || Number.ParseSigned(s, style, 64, out long value) != Number.ParseOk) return false;
            result = (long)value;
            return true;
        }
    }
}
