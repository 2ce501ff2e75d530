namespace System
{
    public readonly partial struct UInt32 : IComparable, IComparable<uint>, IEquatable<uint>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly uint m_value;
#pragma warning restore CS0649

        public const uint MaxValue = 0xFFFFFFFF;
        public const uint MinValue = 0;

        public override string ToString() => Number.UInt64ToString(m_value);

        public string ToString(string format) => Number.FormatUInt64(m_value, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(uint obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value;

        public override bool Equals(object obj) => obj is uint other && Equals(other);

        public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is uint other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt32.");
        }

        public static uint Parse(string s) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static uint Parse(string s, IFormatProvider provider) => Parse(s, System.Globalization.NumberStyles.Integer);

        public static uint Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static uint Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            int status = Number.ParseUnsigned(s, style, 32, out ulong value);
            if (status != Number.ParseOk) Number.ThrowParseFailure(status, s, "Value was either too large or too small for a UInt32.");
            return (uint)value;
        }

        public static bool TryParse(string s, out uint result) => TryParse(s, System.Globalization.NumberStyles.Integer, null, out result);

        public static bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out uint result)
        {
            result = 0;
            if (s == null || Number.ParseUnsigned(s, style, 32, out ulong value) != Number.ParseOk) return false;
            result = (uint)value;
            return true;
        }
    }
}
