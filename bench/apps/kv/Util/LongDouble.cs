using System;

namespace Kv.Util
{
    /// <summary>
    /// x86's 80-bit long double, emulated exactly for INCRBYFLOAT: Redis parses both operands with strtold,
    /// adds in long double and prints "%.17Lf" with trailing zeros cut, so "5.6" + "1e3" is
    /// "1005.59999999999999998". A value is sign × m × 2^e with a 64-bit significand m; every step is
    /// computed exactly (BigNat) and rounded once to nearest, ties to even, as the x87 unit and glibc do.
    /// The exponent range is not limited except at parse time (strtold's overflow and underflow, which
    /// Redis rejects), so subnormal long doubles are not modelled.
    /// </summary>
    internal readonly struct LongDouble
    {
        public readonly bool Negative;
        public readonly ulong M;      // 0, or with bit 63 set
        public readonly int E;
        public readonly bool Infinite;

        private LongDouble(bool negative, ulong m, int e, bool infinite)
        {
            Negative = negative;
            M = m;
            E = e;
            Infinite = infinite;
        }

        private static LongDouble Infinity(bool negative) => new LongDouble(negative, 0, 0, true);

        /// <summary>Rounds n × 2^e (with <paramref name="sticky"/>: something nonzero was below n) to 64 bits.</summary>
        private static LongDouble Round(bool negative, BigNat n, int e, bool sticky)
        {
            if (n.IsZero) return new LongDouble(negative, 0, 0, false);
            int bl = n.BitLength;
            if (bl <= 64)
                return new LongDouble(negative, n.Low64 << (64 - bl), e - (64 - bl), false);
            int shift = bl - 64;
            ulong m = n.ShiftRight(shift).Low64;
            bool half = n.Bit(shift - 1);
            bool lower = sticky || n.AnyBitBelow(shift - 1);
            if (half && (lower || (m & 1) != 0))
            {
                m++;
                if (m == 0) { m = 0x8000000000000000UL; shift++; }
            }
            return new LongDouble(negative, m, e + shift, false);
        }

        /// <summary>strtold with string2ld's checks: false for anything that is not entirely a finite or infinite number.</summary>
        public static bool TryParse(ReadOnlySpan<byte> s, out LongDouble value)
        {
            value = default;
            if (s.Length == 0 || s.Length >= 5 * 1024) return false;
            int i = 0;
            bool negative = false;
            if (s[0] == (byte)'+' || s[0] == (byte)'-') { negative = s[0] == (byte)'-'; i = 1; }
            string rest = Numbers.Ascii(s.Slice(i)).ToLowerInvariant();
            if (rest == "inf" || rest == "infinity") { value = Infinity(negative); return true; }
            if (rest.StartsWith("0x"))
            {
                // strtold's hexadecimal form, read through double: exact up to 53 significant bits.
                if (!Numbers.TryParseDouble(s, out double d)) return false;
                value = FromDouble(d);
                return true;
            }
            BigNat digits = BigNat.Zero;
            int exp10 = 0, significant = 0, seen = 0;
            bool point = false;
            for (; i < s.Length; i++)
            {
                byte c = s[i];
                if (c >= (byte)'0' && c <= (byte)'9')
                {
                    seen++;
                    // Past 800 significant digits the rest can only act as a sticky bit, which a 64-bit
                    // rounding cannot notice at such lengths: they are dropped (strtold reads them all).
                    if (significant < 800)
                    {
                        digits = digits.MultiplyAdd(10, (uint)(c - '0'));
                        if (point) exp10--;
                        if (!digits.IsZero) significant++;
                    }
                    else if (!point)
                    {
                        exp10++;
                    }
                }
                else if (c == (byte)'.' && !point) point = true;
                else break;
            }
            if (seen == 0)
                return false;
            if (i < s.Length && (s[i] == (byte)'e' || s[i] == (byte)'E'))
            {
                int j = i + 1;
                bool expNegative = false;
                if (j < s.Length && (s[j] == (byte)'+' || s[j] == (byte)'-')) { expNegative = s[j] == (byte)'-'; j++; }
                if (j < s.Length && s[j] >= (byte)'0' && s[j] <= (byte)'9')
                {
                    long x = 0;
                    for (; j < s.Length && s[j] >= (byte)'0' && s[j] <= (byte)'9'; j++)
                        if (x < 100000) x = x * 10 + (s[j] - '0');
                    exp10 += (int)(expNegative ? -x : x);
                    i = j;
                }
            }
            if (i != s.Length) return false;
            if (digits.IsZero) { value = new LongDouble(negative, 0, 0, false); return true; }
            // Magnitude in decimal: reject what strtold reports as ERANGE (overflow, or underflow to zero).
            int magnitude = exp10 + digits.ToString().Length;
            if (magnitude > 4933) return false;
            if (magnitude < -4950) return false;
            if (exp10 >= 0)
            {
                value = Round(negative, Multiply(digits, BigNat.Pow10(exp10)), 0, false);
            }
            else
            {
                BigNat p = BigNat.Pow10(-exp10);
                int shift = Math.Max(0, p.BitLength - digits.BitLength + 66);
                BigNat q = BigNat.DivRem(digits.ShiftLeft(shift), p, out BigNat r);
                value = Round(negative, q, -shift, !r.IsZero);
            }
            if (value.E + 64 > 16384) return false;
            return true;
        }

        private static LongDouble FromDouble(double d)
        {
            long bits = BitConverter.DoubleToInt64Bits(d);
            bool negative = bits < 0;
            int exponent = (int)((bits >> 52) & 0x7FF);
            ulong fraction = (ulong)bits & 0xFFFFFFFFFFFFFUL;
            if (exponent == 0x7FF) return Infinity(negative);
            if (exponent == 0) return Round(negative, BigNat.From(fraction), -1074, false);
            return Round(negative, BigNat.From(fraction | (1UL << 52)), exponent - 1075, false);
        }

        private static BigNat Multiply(BigNat a, BigNat b)
        {
            // Shift-and-add over b's bits: only for 10^k with small k in practice.
            BigNat r = BigNat.Zero;
            for (int i = b.BitLength - 1; i >= 0; i--)
            {
                r = r.ShiftLeft(1);
                if (b.Bit(i)) r = BigNat.Add(r, a);
            }
            return r;
        }

        public static LongDouble Add(LongDouble a, LongDouble b)
        {
            if (a.Infinite || b.Infinite)
            {
                if (a.Infinite && b.Infinite && a.Negative != b.Negative) return new LongDouble(false, 1, 0, true); // NaN: infinite with M = 1
                return a.Infinite ? a : b;
            }
            if (a.M == 0) return b.M == 0 ? new LongDouble(a.Negative && b.Negative, 0, 0, false) : b;
            if (b.M == 0) return a;
            // A term more than 130 bits below the other is far under half an ulp: it cannot change the rounding.
            if ((long)a.E - b.E > 130) return a;
            if ((long)b.E - a.E > 130) return b;
            int e = Math.Min(a.E, b.E);
            BigNat x = BigNat.From(a.M).ShiftLeft(a.E - e);
            BigNat y = BigNat.From(b.M).ShiftLeft(b.E - e);
            if (a.Negative == b.Negative)
                return Round(a.Negative, BigNat.Add(x, y), e, false);
            int cmp = BigNat.Compare(x, y);
            if (cmp == 0) return new LongDouble(false, 0, 0, false);
            return cmp > 0 ? Round(a.Negative, BigNat.Subtract(x, y), e, false) : Round(b.Negative, BigNat.Subtract(y, x), e, false);
        }

        public bool IsNaN => Infinite && M == 1;

        public bool IsInfinity => Infinite && M == 0;

        /// <summary>Redis's ld2string(LD_STR_HUMAN): printf("%.17Lf") without trailing zeros (and "-0" as "0").</summary>
        public string ToHumanString()
        {
            // value × 10^17, rounded to an integer, half to even.
            BigNat scaled = BigNat.From(M);
            for (int i = 0; i < 17; i++) scaled = scaled.MultiplyAdd(10, 0);
            BigNat q;
            if (E >= 0)
            {
                q = scaled.ShiftLeft(E);
            }
            else
            {
                q = scaled.ShiftRight(-E);
                bool half = scaled.Bit(-E - 1);
                bool lower = scaled.AnyBitBelow(-E - 1);
                if (half && (lower || q.Bit(0)))
                    q = BigNat.Add(q, BigNat.From(1));
            }
            string digits = q.ToString().PadLeft(18, '0');
            string text = digits.Substring(0, digits.Length - 17) + "." + digits.Substring(digits.Length - 17);
            int end = text.Length;
            while (text[end - 1] == '0') end--;
            if (text[end - 1] == '.') end--;
            text = text.Substring(0, end);
            if (Negative && text != "0") text = "-" + text;
            return text;
        }
    }
}
