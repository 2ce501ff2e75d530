namespace System
{
    public readonly struct SByte : IComparable, IComparable<sbyte>, IEquatable<sbyte>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly sbyte m_value;
#pragma warning restore CS0649

        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;

        public override string ToString() => Number.Int64ToString(m_value);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 1);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(sbyte obj) => m_value == obj;

        public override int GetHashCode() => m_value;

        public override bool Equals(object obj) => obj is sbyte other && Equals(other);

        // .NET returns the difference for types narrower than int, and programs may print it.
        public int CompareTo(sbyte value) => m_value - value;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is sbyte other) return CompareTo(other);
            throw new ArgumentException("Object must be of type SByte.");
        }

        public static sbyte Parse(string s) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static sbyte Parse(string s, IFormatProvider provider) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static sbyte Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static sbyte Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            int status = Number.ParseSigned(s, style, 8, out long value);
            if (status != Number.ParseOk) Number.ThrowParseFailure(status, s, "Value was either too large or too small for a signed byte.");
            return (sbyte)value;
        }

        public static bool TryParse(string s, out sbyte result) => TryParse(s, System.Globalization.NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out sbyte result)
        {
            result = 0;
            if (s == null || Number.ParseSigned(s, style, 8, out long value) != Number.ParseOk) return false;
            result = (sbyte)value;
            return true;
        }
    }
}
