namespace System
{
    public readonly struct Byte : IComparable, IComparable<byte>, IEquatable<byte>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly byte m_value;
#pragma warning restore CS0649

        public const byte MaxValue = 255;
        public const byte MinValue = 0;

        public override string ToString() => Number.UInt64ToString(m_value);

        public string ToString(string format) => Number.FormatUInt64(m_value, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(byte obj) => m_value == obj;

        public override int GetHashCode() => m_value;

        public override bool Equals(object obj) => obj is byte other && Equals(other);

        // .NET returns the difference for types narrower than int, and programs may print it.
        public int CompareTo(byte value) => m_value - value;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is byte other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Byte.");
        }

        public static byte Parse(string s) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static byte Parse(string s, IFormatProvider provider) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static byte Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static byte Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            int status = Number.ParseUnsigned(s, style, 8, out ulong value);
            if (status != Number.ParseOk) Number.ThrowParseFailure(status, s, "Value was either too large or too small for an unsigned byte.");
            return (byte)value;
        }

        public static bool TryParse(string s, out byte result) => TryParse(s, System.Globalization.NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out byte result)
        {
            result = 0;
            if (s == null || Number.ParseUnsigned(s, style, 8, out ulong value) != Number.ParseOk) return false;
            result = (byte)value;
            return true;
        }
    }
}
