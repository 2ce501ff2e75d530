namespace System
{
    public readonly struct Int16 : IComparable, IComparable<short>, IEquatable<short>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly short m_value;
#pragma warning restore CS0649

        public const short MaxValue = 32767;
        public const short MinValue = -32768;

        public override string ToString() => Number.Int64ToString(m_value);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 2);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(short obj) => m_value == obj;

        public override int GetHashCode() => m_value;

        public override bool Equals(object obj) => obj is short other && Equals(other);

        // .NET returns the difference for types narrower than int, and programs may print it.
        public int CompareTo(short value) => m_value - value;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is short other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int16.");
        }

        public static short Parse(string s) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static short Parse(string s, IFormatProvider provider) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static short Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static short Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            int status = Number.ParseSigned(s, style, 16, out long value);
            if (status != Number.ParseOk) Number.ThrowParseFailure(status, s, "Value was either too large or too small for an Int16.");
            return (short)value;
        }

        public static bool TryParse(string s, out short result) => TryParse(s, System.Globalization.NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out short result)
        {
            result = 0;
            if (s == null || Number.ParseSigned(s, style, 16, out long value) != Number.ParseOk) return false;
            result = (short)value;
            return true;
        }
    }
}
