using System.Runtime;
using Testbed.Runtime;

namespace System
{
    /// <summary>
    /// .NET's decimal: a 96-bit integer coefficient, a scale of 0..28 (the number of digits after the
    /// point, so trailing zeros are kept: 1.10m prints "1.10") and a sign, laid out as .NET's
    /// (flags, high 32 bits, low 64 bits). The arithmetic is Testbed.Runtime.DecimalArithmetic;
    /// formatting and parsing are in Number.Decimal.cs.
    /// </summary>
    public readonly struct Decimal : IComparable, IComparable<decimal>, IEquatable<decimal>, IFormattable
    {
        private const int ScaleShift = 16;
        private const uint SignMask = 0x8000_0000;

        // C# emits these as static readonly fields with DecimalConstantAttribute, as in .NET.
        public const decimal Zero = 0m;
        public const decimal One = 1m;
        public const decimal MinusOne = -1m;
        public const decimal MaxValue = 79228162514264337593543950335m;
        public const decimal MinValue = -79228162514264337593543950335m;

        private readonly int _flags;
        private readonly uint _hi32;
        private readonly ulong _lo64;

        public Decimal(int value)
        {
            _flags = value < 0 ? unchecked((int)SignMask) : 0;
            _hi32 = 0;
            _lo64 = value < 0 ? (ulong)(uint)(-value) : (ulong)(uint)value;
        }

        public Decimal(uint value)
        {
            _flags = 0;
            _hi32 = 0;
            _lo64 = value;
        }

        public Decimal(long value)
        {
            _flags = value < 0 ? unchecked((int)SignMask) : 0;
            _hi32 = 0;
            _lo64 = value < 0 ? 0UL - (ulong)value : (ulong)value;
        }

        public Decimal(ulong value)
        {
            _flags = 0;
            _hi32 = 0;
            _lo64 = value;
        }

        public Decimal(float value) : this(DecimalArithmetic.FromSingle(value)) { }

        public Decimal(double value) : this(DecimalArithmetic.FromDouble(value)) { }

        public Decimal(int lo, int mid, int hi, bool isNegative, byte scale)
        {
            if (scale > 28)
                ThrowHelpers.ThrowGreaterThan(nameof(scale), scale, 28);
            _flags = (isNegative ? unchecked((int)SignMask) : 0) | (scale << ScaleShift);
            _hi32 = (uint)hi;
            _lo64 = ((ulong)(uint)mid << 32) | (uint)lo;
        }

        /// <summary>From decimal.GetBits' four ints; the flags must hold only a sign and a scale ≤ 28.</summary>
        public Decimal(int[] bits)
        {
            if (bits == null) ThrowHelpers.ThrowArgumentNull(nameof(bits));
            if (bits.Length != 4 || (bits[3] & 0x7F00_FFFF) != 0 || ((bits[3] >> ScaleShift) & 0xFF) > 28)
                ThrowHelpers.ThrowArgument(null, "Decimal constructor requires an array or span of four valid decimal bytes.");
            _flags = bits[3];
            _hi32 = (uint)bits[2];
            _lo64 = ((ulong)(uint)bits[1] << 32) | (uint)bits[0];
        }

        private Decimal(DecimalParts parts)
        {
            _flags = (int)parts.Flags;
            _hi32 = parts.Hi;
            _lo64 = ((ulong)parts.Mid << 32) | parts.Lo;
        }

        internal DecimalParts Parts
        {
            get
            {
                DecimalParts p;
                p.Lo = (uint)_lo64;
                p.Mid = (uint)(_lo64 >> 32);
                p.Hi = _hi32;
                p.Flags = (uint)_flags;
                return p;
            }
        }

        public byte Scale => (byte)(_flags >> ScaleShift);

        public static int[] GetBits(decimal d) => new int[] { (int)(uint)d._lo64, (int)(uint)(d._lo64 >> 32), (int)d._hi32, d._flags };

        // ---- arithmetic ----

        public static decimal Add(decimal d1, decimal d2) => new decimal(DecimalArithmetic.Add(d1.Parts, d2.Parts, false));

        public static decimal Subtract(decimal d1, decimal d2) => new decimal(DecimalArithmetic.Add(d1.Parts, d2.Parts, true));

        public static decimal Multiply(decimal d1, decimal d2) => new decimal(DecimalArithmetic.Multiply(d1.Parts, d2.Parts));

        public static decimal Divide(decimal d1, decimal d2) => new decimal(DecimalArithmetic.Divide(d1.Parts, d2.Parts));

        public static decimal Remainder(decimal d1, decimal d2) => new decimal(DecimalArithmetic.Remainder(d1.Parts, d2.Parts));

        public static decimal Negate(decimal d)
        {
            DecimalParts p = d.Parts;
            p.Flags ^= SignMask;
            return new decimal(p);
        }

        public static decimal Abs(decimal value)
        {
            DecimalParts p = value.Parts;
            p.Flags &= ~SignMask;
            return new decimal(p);
        }

        public static decimal operator +(decimal d) => d;
        public static decimal operator -(decimal d) => Negate(d);
        public static decimal operator ++(decimal d) => Add(d, One);
        public static decimal operator --(decimal d) => Subtract(d, One);
        public static decimal operator +(decimal d1, decimal d2) => Add(d1, d2);
        public static decimal operator -(decimal d1, decimal d2) => Subtract(d1, d2);
        public static decimal operator *(decimal d1, decimal d2) => Multiply(d1, d2);
        public static decimal operator /(decimal d1, decimal d2) => Divide(d1, d2);
        public static decimal operator %(decimal d1, decimal d2) => Remainder(d1, d2);

        // ---- comparison ----

        public static int Compare(decimal d1, decimal d2) => DecimalArithmetic.Compare(d1.Parts, d2.Parts);

        public static bool operator ==(decimal d1, decimal d2) => Compare(d1, d2) == 0;
        public static bool operator !=(decimal d1, decimal d2) => Compare(d1, d2) != 0;
        public static bool operator <(decimal d1, decimal d2) => Compare(d1, d2) < 0;
        public static bool operator <=(decimal d1, decimal d2) => Compare(d1, d2) <= 0;
        public static bool operator >(decimal d1, decimal d2) => Compare(d1, d2) > 0;
        public static bool operator >=(decimal d1, decimal d2) => Compare(d1, d2) >= 0;

        public int CompareTo(decimal value) => Compare(this, value);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is decimal other) return Compare(this, other);
            throw new ArgumentException("Object must be of type Decimal.");
        }

        public bool Equals(decimal value) => Compare(this, value) == 0;

        public override bool Equals(object value) => value is decimal other && Compare(this, other) == 0;

        public static bool Equals(decimal d1, decimal d2) => Compare(d1, d2) == 0;

        /// <summary>.NET's hash, the same for equal values of different scales (1.0m and 1.00m).</summary>
        public override int GetHashCode() => DecimalArithmetic.HashCode(Parts);

        /// <summary>.NET's decimal.Max: the first when equal.</summary>
        public static decimal Max(decimal x, decimal y) => Compare(x, y) >= 0 ? x : y;

        /// <summary>.NET's decimal.Min: the second when equal.</summary>
        public static decimal Min(decimal x, decimal y) => Compare(x, y) < 0 ? x : y;

        public static int Sign(decimal d) => (d._lo64 | d._hi32) == 0 ? 0 : (d._flags >> 31) | 1;

        public static bool IsNegative(decimal d) => d._flags < 0;

        public static bool IsPositive(decimal d) => d._flags >= 0;

        public static bool IsInteger(decimal value) => Equals(value, Truncate(value));

        // ---- rounding ----

        public static decimal Round(decimal d) => Round(d, 0, MidpointRounding.ToEven);

        public static decimal Round(decimal d, int decimals) => Round(d, decimals, MidpointRounding.ToEven);

        public static decimal Round(decimal d, MidpointRounding mode) => Round(d, 0, mode);

        public static decimal Round(decimal d, int decimals, MidpointRounding mode)
        {
            if ((uint)decimals > 28)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(decimals), "Decimal can only round to between 0 and 28 digits of precision.");
            if ((uint)mode > (uint)MidpointRounding.ToPositiveInfinity)
                ThrowHelpers.ThrowArgument(nameof(mode), "The value '" + Number.Int64ToString((int)mode) + "' is not valid for this usage of the type MidpointRounding.");
            return new decimal(DecimalArithmetic.Round(d.Parts, decimals, (int)mode));
        }

        public static decimal Truncate(decimal d) => new decimal(DecimalArithmetic.Round(d.Parts, 0, (int)MidpointRounding.ToZero));

        public static decimal Floor(decimal d) => new decimal(DecimalArithmetic.Round(d.Parts, 0, (int)MidpointRounding.ToNegativeInfinity));

        public static decimal Ceiling(decimal d) => new decimal(DecimalArithmetic.Round(d.Parts, 0, (int)MidpointRounding.ToPositiveInfinity));

        // ---- conversions ----

        public static implicit operator decimal(byte value) => new decimal((uint)value);
        public static implicit operator decimal(sbyte value) => new decimal((int)value);
        public static implicit operator decimal(short value) => new decimal((int)value);
        public static implicit operator decimal(ushort value) => new decimal((uint)value);
        public static implicit operator decimal(char value) => new decimal((uint)value);
        public static implicit operator decimal(int value) => new decimal(value);
        public static implicit operator decimal(uint value) => new decimal(value);
        public static implicit operator decimal(long value) => new decimal(value);
        public static implicit operator decimal(ulong value) => new decimal(value);
        public static explicit operator decimal(float value) => new decimal(value);
        public static explicit operator decimal(double value) => new decimal(value);

        public static explicit operator byte(decimal value) => ToByte(value);
        public static explicit operator sbyte(decimal value) => ToSByte(value);
        public static explicit operator short(decimal value) => ToInt16(value);
        public static explicit operator ushort(decimal value) => ToUInt16(value);
        public static explicit operator int(decimal value) => ToInt32(value);
        public static explicit operator uint(decimal value) => ToUInt32(value);
        public static explicit operator long(decimal value) => ToInt64(value);
        public static explicit operator ulong(decimal value) => ToUInt64(value);
        public static explicit operator float(decimal value) => ToSingle(value);
        public static explicit operator double(decimal value) => ToDouble(value);

        public static explicit operator char(decimal value)
        {
            if (!TryToInteger(value, 0, 0xFFFF, out long result))
                ThrowHelpers.ThrowOverflow("Value was either too large or too small for a character.");
            return (char)result;
        }

        public static double ToDouble(decimal d) => DecimalArithmetic.ToDouble(d.Parts);

        public static float ToSingle(decimal d) => (float)DecimalArithmetic.ToDouble(d.Parts);

        /// <summary>The value truncated toward zero, if it lies in [min, max].</summary>
        private static bool TryToInteger(decimal value, long min, long max, out long result)
        {
            result = 0;
            if (!DecimalArithmetic.TruncateToUInt64(value.Parts, out ulong magnitude)) return false;
            if (value._flags < 0)
            {
                if (magnitude > 0UL - (ulong)min) return false;
                result = (long)(0UL - magnitude);
            }
            else
            {
                if (magnitude > (ulong)max) return false;
                result = (long)magnitude;
            }
            return true;
        }

        private static long ToInteger(decimal value, long min, long max, string typeName)
        {
            if (!TryToInteger(value, min, max, out long result))
                ThrowHelpers.ThrowOverflow("Value was either too large or too small for " + typeName + ".");
            return result;
        }

        public static byte ToByte(decimal value) => (byte)ToInteger(value, 0, byte.MaxValue, "an unsigned byte");

        public static sbyte ToSByte(decimal value) => (sbyte)ToInteger(value, sbyte.MinValue, sbyte.MaxValue, "a signed byte");

        public static short ToInt16(decimal value) => (short)ToInteger(value, short.MinValue, short.MaxValue, "an Int16");

        public static ushort ToUInt16(decimal value) => (ushort)ToInteger(value, 0, ushort.MaxValue, "a UInt16");

        public static int ToInt32(decimal d) => (int)ToInteger(d, int.MinValue, int.MaxValue, "an Int32");

        public static uint ToUInt32(decimal d) => (uint)ToInteger(d, 0, uint.MaxValue, "a UInt32");

        public static long ToInt64(decimal d) => ToInteger(d, long.MinValue, long.MaxValue, "an Int64");

        public static ulong ToUInt64(decimal d)
        {
            if (!DecimalArithmetic.TruncateToUInt64(d.Parts, out ulong magnitude) || (d._flags < 0 && magnitude != 0))
                ThrowHelpers.ThrowOverflow("Value was either too large or too small for a UInt64.");
            return magnitude;
        }

        // ---- text ----

        public override string ToString() => Number.FormatDecimal(Parts, null);

        public string ToString(string format) => Number.FormatDecimal(Parts, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        private const System.Globalization.NumberStyles DefaultStyles = System.Globalization.NumberStyles.Number;

        public static decimal Parse(string s) => Parse(s, DefaultStyles);

        public static decimal Parse(string s, IFormatProvider provider) => Parse(s, DefaultStyles);

        public static decimal Parse(string s, System.Globalization.NumberStyles style, IFormatProvider provider) => Parse(s, style);

        public static decimal Parse(string s, System.Globalization.NumberStyles style)
        {
            Number.CheckParseArguments(s);
            int status = Number.ParseDecimal(s, style, out DecimalParts parts);
            if (status != Number.ParseOk) Number.ThrowParseFailure(status, s, DecimalArithmetic.OverflowMessage);
            return new decimal(parts);
        }

        public static bool TryParse(string s, out decimal result) => TryParse(s, DefaultStyles, null, out result);

        public static bool TryParse(string s, System.Globalization.NumberStyles style, IFormatProvider provider, out decimal result)
        {
            result = default;
            if (s == null || Number.ParseDecimal(s, style, out DecimalParts parts) != Number.ParseOk) return false;
            result = new decimal(parts);
            return true;
        }
    }
}
