namespace Testbed.Runtime
{
    /// <summary>
    /// Conversions between decimal and double/float/integers and from parsed digits, with .NET 10's
    /// results: a double enters with 15 significant digits and a float with 7 (rounded half to even
    /// in double arithmetic, trailing zeros dropped), a decimal leaves as (low 64 bits + high 32 bits
    /// × 2^64) / 10^scale in double arithmetic.
    /// </summary>
    internal static unsafe partial class DecimalArithmetic
    {
        private static readonly double[] DoublePowers10 =
        {
            1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9,
            1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
            1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28,
        };

        internal static DecimalParts FromDouble(double value)
        {
            ulong bits = *(ulong*)&value;
            return FromBinary(value, (int)((bits >> 52) & 0x7FF) - 1022, 15);
        }

        internal static DecimalParts FromSingle(float value)
        {
            uint bits = *(uint*)&value;
            return FromBinary(value, (int)((bits >> 23) & 0xFF) - 126, 7);
        }

        /// <summary>
        /// value rounded to 'digits' significant digits: scaled by a power of ten estimated from the
        /// binary exponent (e·log10(2) as e·19728 / 2^16), bumped once if one digit short, rounded to
        /// an integer half to even; tiny values are zero (positive, scale 0), NaN, infinities and
        /// values from 2^96 up overflow.
        /// </summary>
        private static DecimalParts FromBinary(double value, int exponent, int digits)
        {
            if (exponent < -94) return default;
            if (exponent > 96) ThrowOverflow();
            bool negative = value < 0;
            double d = negative ? -value : value;
            double upper = DoublePowers10[digits], lower = DoublePowers10[digits - 1];
            int power = digits - 1 - ((exponent * 19728) >> 16);
            if (power >= 0)
            {
                if (power > MaxScale) power = MaxScale;
                d *= DoublePowers10[power];
            }
            else if (power != -1 || d >= upper)
            {
                d /= DoublePowers10[-power];
            }
            else
            {
                power = 0;
            }
            if (d < lower && power < MaxScale)
            {
                d *= 10;
                power++;
            }
            ulong mantissa = (ulong)(long)d;
            double fraction = d - (long)mantissa;
            if (fraction > 0.5 || (fraction == 0.5 && (mantissa & 1) != 0)) mantissa++;
            if (mantissa == 0) return default;
            uint* a = stackalloc uint[BigWords];
            a[0] = (uint)mantissa;
            a[1] = (uint)(mantissa >> 32);
            a[2] = 0;
            if (power < 0)
            {
                int length = MultiplyPow10(a, Trim(a, 2), -power);
                if (Trim(a, length) > 3) ThrowOverflow();
                return Make(a[0], a[1], a[2], negative, 0);
            }
            // At most digits - 1 zeros go (rounding up to 10^digits leaves one more).
            for (int stripped = 0; stripped < digits - 1 && power > 0 && mantissa % 10 == 0; stripped++)
            {
                mantissa /= 10;
                power--;
            }
            return Make((uint)mantissa, (uint)(mantissa >> 32), 0, negative, power);
        }

        internal static double ToDouble(in DecimalParts x)
        {
            ulong low64 = ((ulong)x.Mid << 32) | x.Lo;
            double d = ((double)low64 + (double)x.Hi * 1.8446744073709552e19) / DoublePowers10[x.Scale];
            return x.IsNegative ? -d : d;
        }

        /// <summary>The integer part (toward zero) as a magnitude; false when it needs more than 64 bits.</summary>
        internal static bool TruncateToUInt64(in DecimalParts x, out ulong magnitude)
        {
            DecimalParts t = Round(x, 0, 2);
            magnitude = ((ulong)t.Mid << 32) | t.Lo;
            return t.Hi == 0;
        }

        /// <summary>
        /// Parsed digits (no leading zeros, trailing zeros kept; the value is 0.d1d2… × 10^pointScale)
        /// to a decimal as .NET's NumberToDecimal does: as many digits as fit in 96 bits and scale 28
        /// (all integer digits required), rounded half to even on the rest (nonZeroTail: digits beyond
        /// those given were not all zero). False on overflow.
        /// </summary>
        internal static bool FromDigits(byte* digits, int count, int pointScale, bool nonZeroTail, bool negative, out DecimalParts result)
        {
            result = default;
            if (count == 0)
            {
                int zeroScale = -pointScale;
                result = Make(0, 0, 0, negative, zeroScale < 0 ? 0 : zeroScale > MaxScale ? MaxScale : zeroScale);
                return true;
            }
            if (pointScale > 29) return false;
            uint* a = stackalloc uint[BigWords];
            a[0] = a[1] = a[2] = a[3] = 0;
            int length = 0;
            int e = pointScale;
            int next = 0;
            uint* limit = stackalloc uint[3];
            // floor((2^96 - 1) / 10): a coefficient at most this can take one more digit (≤ 5 when equal).
            limit[0] = 0x9999_9999;
            limit[1] = 0x9999_9999;
            limit[2] = 0x1999_9999;
            uint* small = stackalloc uint[1];
            while (e > 0 || (next < count && e > -MaxScale))
            {
                uint digit = next < count ? digits[next] : 0u;
                int c = Compare(a, length, limit, 3);
                if (c > 0 || (c == 0 && digit > 5)) break;
                length = MultiplySmall(a, length, 10);
                small[0] = digit;
                length = Add(a, length, small, 1);
                if (next < count) next++;
                e--;
            }
            if (next < count && digits[next] >= 5)
            {
                bool roundUp = true;
                if (digits[next] == 5 && (a[0] & 1) == 0 && !nonZeroTail)
                {
                    roundUp = false;
                    for (int i = next + 1; i < count; i++)
                    {
                        if (digits[i] != 0) roundUp = true;
                    }
                }
                if (roundUp)
                {
                    small[0] = 1;
                    length = Add(a, length, small, 1);
                    if (Trim(a, length) > 3)
                    {
                        // 2^96: one digit fewer, 2^96 / 10 rounded up.
                        a[0] = 0x9999_999A;
                        a[1] = 0x9999_9999;
                        a[2] = 0x1999_9999;
                        e++;
                    }
                }
            }
            if (e > 0) return false;
            if (e <= -(MaxScale + 1))
            {
                result = Make(0, 0, 0, negative, MaxScale);
                return true;
            }
            result = Make(a[0], a[1], a[2], negative, -e);
            return true;
        }
    }
}
