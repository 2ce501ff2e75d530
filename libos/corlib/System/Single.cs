namespace System
{
    public readonly struct Single : IComparable, IComparable<float>, IEquatable<float>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly float m_value;
#pragma warning restore CS0649

        public const float MinValue = -3.40282347E+38f;
        public const float MaxValue = 3.40282347E+38f;
        public const float Epsilon = 1.401298E-45f;
        public const float NegativeInfinity = -1.0f / 0.0f;
        public const float PositiveInfinity = 1.0f / 0.0f;
        public const float NaN = 0.0f / 0.0f;
        public const float NegativeZero = -0.0f;

        private const uint SignMask = 0x8000_0000;
        private const uint ExponentMask = 0x7F80_0000;
        private const uint MagnitudeMask = 0x7FFF_FFFF;

        /// <summary>The shortest string that parses back to the same float, as .NET Core 3.0+ prints it.</summary>
        public override string ToString() => Number.SingleToString(m_value);

        public string ToString(string format) => Number.FormatFloatingPoint(m_value, format, ToString());

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(float obj) => m_value == obj || (IsNaN(m_value) && IsNaN(obj));

        public override int GetHashCode()
        {
            float value = m_value;
            if (value == 0.0f)
                return 0;
            if (IsNaN(value))
                value = NaN;
            return Bits(value);
        }

        public override bool Equals(object obj) => obj is float other && Equals(other);

        /// <summary>NaN sorts before every other value and equals itself, as in .NET.</summary>
        public int CompareTo(float value)
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
            if (value is float other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Single.");
        }

        public static bool IsNaN(float f) => ((uint)Bits(f) & MagnitudeMask) > ExponentMask;

        public static bool IsInfinity(float f) => ((uint)Bits(f) & MagnitudeMask) == ExponentMask;

        public static bool IsPositiveInfinity(float f) => f == PositiveInfinity;

        public static bool IsNegativeInfinity(float f) => f == NegativeInfinity;

        public static bool IsFinite(float f) => ((uint)Bits(f) & ExponentMask) != ExponentMask;

        public static bool IsNegative(float f) => ((uint)Bits(f) & SignMask) != 0;

        public static bool IsSubnormal(float f)
        {
            uint bits = (uint)Bits(f) & MagnitudeMask;
            return bits != 0 && (bits & ExponentMask) == 0;
        }

        public static bool IsNormal(float f)
        {
            uint exponent = (uint)Bits(f) & ExponentMask;
            return exponent != 0 && exponent != ExponentMask;
        }

        private static unsafe int Bits(float f) => *(int*)&f;

        public static float Parse(string s) => Parse(s, System.Globalization.NumberStyles.Float | System.Globalization.NumberStyles.AllowThousands);

        public static float Parse(string s, IFormatProvider provider) => Parse(s);

        public static float Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static unsafe float Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            if (Number.ParseFloatingPoint(s, style, true, out ulong bits) != Number.ParseOk)
                Number.ThrowParseFailure(Number.ParseFormatError, s, null);
            int raw = (int)bits;
            return *(float*)&raw;
        }

        public static bool TryParse(string s, out float result) =>
            TryParse(s, System.Globalization.NumberStyles.Float | System.Globalization.NumberStyles.AllowThousands, null, out result);

        public static unsafe bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out float result)
        {
            result = 0;
            if (s == null || Number.ParseFloatingPoint(s, style, true, out ulong bits) != Number.ParseOk) return false;
            int raw = (int)bits;
            result = *(float*)&raw;
            return true;
        }
    }
}
