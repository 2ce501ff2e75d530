namespace System
{
    public readonly struct Double : IComparable, IComparable<double>, IEquatable<double>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly double m_value;
#pragma warning restore CS0649

        public const double MinValue = -1.7976931348623157E+308;
        public const double MaxValue = 1.7976931348623157E+308;
        public const double Epsilon = 4.9406564584124654E-324;
        public const double NegativeInfinity = -1.0 / 0.0;
        public const double PositiveInfinity = 1.0 / 0.0;
        public const double NaN = 0.0 / 0.0;
        public const double NegativeZero = -0.0;

        private const ulong SignMask = 0x8000_0000_0000_0000;
        private const ulong ExponentMask = 0x7FF0_0000_0000_0000;
        private const ulong MagnitudeMask = 0x7FFF_FFFF_FFFF_FFFF;

        /// <summary>The shortest string that parses back to the same value, as .NET Core 3.0+ prints it.</summary>
        public override string ToString() => Number.DoubleToString(m_value);

        public string ToString(string format) => Number.FormatFloatingPoint(m_value, format, ToString());

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(double obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

        public override int GetHashCode()
        {
            double value = m_value;
            // +0 and -0 are equal, and so are all NaNs: give each class one hash.
            if (value == 0.0)
                return 0;
            if (IsNaN(value))
                value = NaN;
            long bits = Bits(value);
            return (int)bits ^ (int)(bits >> 32);
        }

        public override bool Equals(object obj) => obj is double other && Equals(other);

        /// <summary>NaN sorts before every other value and equals itself, as in .NET.</summary>
        public int CompareTo(double value)
        {
            if (m_value < value) return -1;
            if (m_value > value) return 1;
            if (m_value == value) return 0;
            if (IsNaN(m_value)) return IsNaN(value) ? 0 : -1;
            return 1;
        }

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is double other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Double.");
        }

        public static bool IsNaN(double d) => ((ulong)Bits(d) & MagnitudeMask) > ExponentMask;

        public static bool IsInfinity(double d) => ((ulong)Bits(d) & MagnitudeMask) == ExponentMask;

        public static bool IsPositiveInfinity(double d) => d == PositiveInfinity;

        public static bool IsNegativeInfinity(double d) => d == NegativeInfinity;

        public static bool IsFinite(double d) => ((ulong)Bits(d) & ExponentMask) != ExponentMask;

        public static bool IsNegative(double d) => ((ulong)Bits(d) & SignMask) != 0;

        public static bool IsSubnormal(double d)
        {
            ulong bits = (ulong)Bits(d) & MagnitudeMask;
            return bits != 0 && (bits & ExponentMask) == 0;
        }

        public static bool IsNormal(double d)
        {
            ulong exponent = (ulong)Bits(d) & ExponentMask;
            return exponent != 0 && exponent != ExponentMask;
        }

        private static unsafe long Bits(double d) => *(long*)&d;

        public static double Parse(string s) => Parse(s, System.Globalization.NumberStyles.Float | System.Globalization.NumberStyles.AllowThousands);

        public static double Parse(string s, IFormatProvider provider) => Parse(s);

        public static double Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static unsafe double Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            if (Number.ParseFloatingPoint(s, style, false, out ulong bits) != Number.ParseOk)
                Number.ThrowParseFailure(Number.ParseFormatError, s, null);
            long raw = (long)bits;
            return *(double*)&raw;
        }

        public static bool TryParse(string s, out double result) =>
            TryParse(s, System.Globalization.NumberStyles.Float | System.Globalization.NumberStyles.AllowThousands, null, out result);

        public static unsafe bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out double result)
        {
            result = 0;
            if (s == null || Number.ParseFloatingPoint(s, style, false, out ulong bits) != Number.ParseOk) return false;
            long raw = (long)bits;
            result = *(double*)&raw;
            return true;
        }
    }
}
