namespace System
{
    public readonly partial struct Int32 : IComparable, IComparable<int>, IEquatable<int>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly int m_value;
#pragma warning restore CS0649

        public const int MaxValue = 0x7FFFFFFF;
        public const int MinValue = unchecked((int)0x80000000);

        public override string ToString() => Number.Int64ToString(m_value);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 4);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(int obj) => m_value == obj;

        public override int GetHashCode() => m_value;

        public override bool Equals(object obj) => obj is int other && Equals(other);

        public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is int other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int32.");
        }

        public static int Parse(string s) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static int Parse(string s, IFormatProvider provider) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static int Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static int Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            int status = Number.ParseSigned(s, style, 32, out long value);
            if (status != Number.ParseOk) Number.ThrowParseFailure(status, s, "Value was either too large or too small for an Int32.");
            return (int)value;
        }

        public static bool TryParse(string s, out int result) => TryParse(s, System.Globalization.NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out int result)
        {
            result = 0;
            if (s == null || Number.ParseSigned(s, style, 32, out long value) != Number.ParseOk) return false;
            result = (int)value;
            return true;
        }
    }
}
