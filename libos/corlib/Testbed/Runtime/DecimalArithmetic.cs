namespace Testbed.Runtime
{
    /// <summary>
    /// A decimal's bits: a 96-bit coefficient (Lo, Mid, Hi) and Flags laid out as .NET's: the sign in
    /// bit 31, the scale (0..28, the number of digits after the point) in bits 16..23.
    /// </summary>
    internal struct DecimalParts
    {
        internal uint Lo, Mid, Hi, Flags;

        internal int Scale => (int)((Flags >> 16) & 0xFF);

        internal bool IsNegative => (Flags & DecimalArithmetic.SignMask) != 0;

        internal bool IsZero => (Lo | Mid | Hi) == 0;
    }

    /// <summary>
    /// Decimal arithmetic with .NET's results, bit for bit (scale and sign of zero included). Each
    /// operation works on the exact value as a little-endian big integer of 32-bit words and a
    /// power-of-ten scale, then rounds once, half to even, to the largest scale (at most 28) whose
    /// coefficient fits in 96 bits, which is what .NET's chunked algorithms amount to; where .NET's
    /// shortcuts show (a zero product, the trailing zeros a division drops) the same rules are
    /// applied explicitly. Depends only on primitive types and pointers, so it can be compiled into
    /// a host program and compared with the real System.Decimal.
    /// </summary>
    internal static unsafe partial class DecimalArithmetic
    {
        internal const uint SignMask = 0x8000_0000;
        internal const int MaxScale = 28;
        internal const string OverflowMessage = "Value was either too large or too small for a Decimal.";

        // Enough words for a 96-bit value times 10^57 (the widest dividend) with room to spare.
        private const int BigWords = 12;

        internal static DecimalParts Make(uint lo, uint mid, uint hi, bool negative, int scale)
        {
            DecimalParts r;
            r.Lo = lo;
            r.Mid = mid;
            r.Hi = hi;
            r.Flags = (negative ? SignMask : 0) | ((uint)scale << 16);
            return r;
        }

        private static void ThrowOverflow() => throw new System.OverflowException(OverflowMessage);

        internal static uint Pow10(int n)
        {
            uint r = 1;
            while (n-- > 0) r *= 10;
            return r;
        }

        // ---- big integers: words little-endian, a length that may include zero top words ----

        private static int Load(uint* a, in DecimalParts d)
        {
            a[0] = d.Lo;
            a[1] = d.Mid;
            a[2] = d.Hi;
            return Trim(a, 3);
        }

        private static int Trim(uint* a, int length)
        {
            while (length > 0 && a[length - 1] == 0) length--;
            return length;
        }

        private static int MultiplySmall(uint* a, int length, uint factor)
        {
            ulong carry = 0;
            for (int i = 0; i < length; i++)
            {
                ulong t = (ulong)a[i] * factor + carry;
                a[i] = (uint)t;
                carry = t >> 32;
            }
            if (carry != 0) a[length++] = (uint)carry;
            return length;
        }

        private static int MultiplyPow10(uint* a, int length, int power)
        {
            for (; power >= 9; power -= 9) length = MultiplySmall(a, length, 1_000_000_000);
            if (power > 0) length = MultiplySmall(a, length, Pow10(power));
            return length;
        }

        /// <summary>a /= divisor in place; returns the remainder.</summary>
        private static uint DivideSmall(uint* a, int length, uint divisor)
        {
            ulong remainder = 0;
            for (int i = length - 1; i >= 0; i--)
            {
                ulong t = (remainder << 32) | a[i];
                ulong q = t / divisor;
                a[i] = (uint)q;
                remainder = t - q * divisor;
            }
            return (uint)remainder;
        }

        private static int Compare(uint* a, int aLength, uint* b, int bLength)
        {
            aLength = Trim(a, aLength);
            bLength = Trim(b, bLength);
            if (aLength != bLength) return aLength < bLength ? -1 : 1;
            for (int i = aLength - 1; i >= 0; i--)
            {
                if (a[i] != b[i]) return a[i] < b[i] ? -1 : 1;
            }
            return 0;
        }

        /// <summary>a -= b, with a ≥ b.</summary>
        private static void Subtract(uint* a, int aLength, uint* b, int bLength)
        {
            long borrow = 0;
            for (int i = 0; i < aLength; i++)
            {
                long t = (long)a[i] - (i < bLength ? b[i] : 0) + borrow;
                a[i] = (uint)t;
                borrow = t >> 32;
            }
        }

        private static int Add(uint* a, int aLength, uint* b, int bLength)
        {
            int length = aLength > bLength ? aLength : bLength;
            ulong carry = 0;
            for (int i = 0; i < length; i++)
            {
                ulong t = (ulong)(i < aLength ? a[i] : 0) + (i < bLength ? b[i] : 0) + carry;
                a[i] = (uint)t;
                carry = t >> 32;
            }
            if (carry != 0) a[length++] = (uint)carry;
            return length;
        }

        /// <summary>
        /// quotient = numerator / divisor by binary long division; the remainder replaces the
        /// numerator. Returns the quotient's length. The divisor is not zero.
        /// </summary>
        private static int DivideBig(uint* numerator, int length, uint* divisor, int divisorLength, uint* quotient)
        {
            divisorLength = Trim(divisor, divisorLength);
            for (int i = 0; i < BigWords; i++) quotient[i] = 0;
            if (divisorLength == 1)
            {
                for (int i = 0; i < length; i++) quotient[i] = numerator[i];
                uint r = DivideSmall(quotient, length, divisor[0]);
                for (int i = 0; i < length; i++) numerator[i] = 0;
                numerator[0] = r;
                return length;
            }
            uint* remainder = stackalloc uint[BigWords + 1];
            int remainderLength = divisorLength + 1;
            for (int i = 0; i < remainderLength; i++) remainder[i] = 0;
            for (int bit = length * 32 - 1; bit >= 0; bit--)
            {
                // remainder = remainder * 2 + next bit
                uint carry = (numerator[bit >> 5] >> (bit & 31)) & 1;
                for (int i = 0; i < remainderLength; i++)
                {
                    uint top = remainder[i] >> 31;
                    remainder[i] = (remainder[i] << 1) | carry;
                    carry = top;
                }
                if (Compare(remainder, remainderLength, divisor, divisorLength) >= 0)
                {
                    Subtract(remainder, remainderLength, divisor, divisorLength);
                    quotient[bit >> 5] |= 1u << (bit & 31);
                }
            }
            for (int i = 0; i < length; i++) numerator[i] = i < remainderLength ? remainder[i] : 0;
            return length;
        }

        /// <summary>
        /// The exact value a × 10^-scale (plus a non-zero tail below it when sticky) rounded half to
        /// even to the largest scale ≤ 28 at which the coefficient fits in 96 bits; overflow when
        /// even scale 0 is too small.
        /// </summary>
        private static DecimalParts RoundToFit(uint* a, int length, int scale, bool sticky, bool negative)
        {
            length = Trim(a, length);
            bool removed = false;
            uint last = 0;
            while (scale > MaxScale || length > 3)
            {
                if (scale == 0) ThrowOverflow();
                if (last != 0) sticky = true;
                last = DivideSmall(a, length, 10);
                length = Trim(a, length);
                scale--;
                removed = true;
            }
            if (removed && (last > 5 || (last == 5 && (sticky || (a[0] & 1) != 0))))
            {
                uint one = 1;
                length = Add(a, length, &one, 1);
                if (length > 3)
                {
                    // Rounded up to 2^96: one digit fewer (2^96 / 10 rounds up, its last digit is 6).
                    if (scale == 0) ThrowOverflow();
                    DivideSmall(a, length, 10);
                    scale--;
                    a[0]++;
                }
            }
            return Make(a[0], length > 1 ? a[1] : 0, length > 2 ? a[2] : 0, negative, scale);
        }

        // ---- operations ----

        internal static DecimalParts Add(in DecimalParts x, in DecimalParts y, bool subtract)
        {
            bool xNegative = x.IsNegative;
            bool yNegative = y.IsNegative != subtract;
            int xScale = x.Scale, yScale = y.Scale;
            // .NET returns the other operand unchanged when the one with the smaller scale is zero.
            if (xScale < yScale && x.IsZero) return Make(y.Lo, y.Mid, y.Hi, yNegative, yScale);
            if (yScale < xScale && y.IsZero) return x;
            int scale = xScale > yScale ? xScale : yScale;
            uint* a = stackalloc uint[BigWords];
            uint* b = stackalloc uint[BigWords];
            int aLength = MultiplyPow10(a, Load(a, x), scale - xScale);
            int bLength = MultiplyPow10(b, Load(b, y), scale - yScale);
            bool negative;
            if (xNegative == yNegative)
            {
                aLength = Add(a, aLength, b, bLength);
                negative = xNegative;
            }
            else
            {
                int c = Compare(a, aLength, b, bLength);
                if (c == 0)
                {
                    // A zero difference takes the sign of the operand with the smaller scale (x if equal).
                    return Make(0, 0, 0, xScale <= yScale ? xNegative : yNegative, scale);
                }
                if (c > 0)
                {
                    Subtract(a, aLength, b, bLength);
                    negative = xNegative;
                }
                else
                {
                    Subtract(b, bLength, a, aLength);
                    for (int i = 0; i < bLength; i++) a[i] = b[i];
                    aLength = bLength;
                    negative = yNegative;
                }
            }
            return RoundToFit(a, aLength, scale, false, negative);
        }

        internal static DecimalParts Multiply(in DecimalParts x, in DecimalParts y)
        {
            bool negative = x.IsNegative != y.IsNegative;
            int scale = x.Scale + y.Scale;
            if ((x.Mid | x.Hi | y.Mid | y.Hi) == 0)
            {
                // .NET's 32-bit × 32-bit path: a scale above 47 is zero outright (positive, scale 0).
                if (scale > MaxScale + 19) return default;
                ulong product = (ulong)x.Lo * y.Lo;
                if (scale > MaxScale)
                {
                    ulong power = 1;
                    for (int i = MaxScale; i < scale; i++) power *= 10;
                    ulong q = product / power, r = product - q * power;
                    if (r > power / 2 || (r == power / 2 && (q & 1) != 0)) q++;
                    product = q;
                    scale = MaxScale;
                }
                return Make((uint)product, (uint)(product >> 32), 0, negative, scale);
            }
            uint* p = stackalloc uint[BigWords];
            for (int i = 0; i < 6; i++) p[i] = 0;
            uint* xs = stackalloc uint[3];
            uint* ys = stackalloc uint[3];
            Load(xs, x);
            Load(ys, y);
            for (int i = 0; i < 3; i++)
            {
                ulong carry = 0;
                for (int j = 0; j < 3; j++)
                {
                    ulong t = (ulong)xs[i] * ys[j] + p[i + j] + carry;
                    p[i + j] = (uint)t;
                    carry = t >> 32;
                }
                p[i + 3] = (uint)carry;
            }
            if (Trim(p, 6) == 0) return default;
            return RoundToFit(p, 6, scale, false, negative);
        }

        internal static DecimalParts Divide(in DecimalParts x, in DecimalParts y)
        {
            if (y.IsZero) throw new System.DivideByZeroException();
            bool negative = x.IsNegative != y.IsNegative;
            int natural = x.Scale - y.Scale;
            uint* n = stackalloc uint[BigWords];
            uint* d = stackalloc uint[BigWords];
            uint* q = stackalloc uint[BigWords];
            int nLength = Load(n, x);
            int dLength = Load(d, y);
            if (nLength == 0) nLength = 1;
            int qLength = DivideBig(n, nLength, d, dLength, q);
            if (Trim(n, nLength) == 0)
            {
                // Exact at the natural scale: keep it, raised to scale 0 if negative.
                if (natural < 0)
                {
                    qLength = MultiplyPow10(q, Trim(q, qLength), -natural);
                    if (Trim(q, qLength) > 3) ThrowOverflow();
                    natural = 0;
                }
                return Make(q[0], q[1], q[2], negative, natural);
            }
            // Inexact there: the quotient to scale 29 (one digit past the last possible), rounded
            // once with the remainder as sticky, then without trailing zeros.
            nLength = MultiplyPow10(n, Load(n, x), MaxScale + 1 - natural);
            qLength = DivideBig(n, nLength, d, dLength, q);
            bool sticky = Trim(n, nLength) != 0;
            DecimalParts r = RoundToFit(q, qLength, MaxScale + 1, sticky, negative);
            return StripTrailingZeros(r);
        }

        private static DecimalParts StripTrailingZeros(DecimalParts r)
        {
            int scale = r.Scale;
            if (scale == 0) return r;
            uint* a = stackalloc uint[4];
            int length = Load(a, r);
            uint* t = stackalloc uint[4];
            while (scale > 0)
            {
                t[0] = a[0];
                t[1] = a[1];
                t[2] = a[2];
                if (DivideSmall(t, 3, 10) != 0) break;
                a[0] = t[0];
                a[1] = t[1];
                a[2] = t[2];
                scale--;
            }
            return Make(a[0], a[1], a[2], r.IsNegative, scale);
        }

        internal static DecimalParts Remainder(in DecimalParts x, in DecimalParts y)
        {
            if (y.IsZero) throw new System.DivideByZeroException();
            if (x.IsZero) return x;
            int c = CompareMagnitudes(x, y);
            int xScale = x.Scale, yScale = y.Scale;
            int scale = xScale > yScale ? xScale : yScale;
            if (c == 0) return Make(0, 0, 0, x.IsNegative, scale);
            if (c < 0) return x;
            uint* a = stackalloc uint[BigWords];
            uint* b = stackalloc uint[BigWords];
            uint* q = stackalloc uint[BigWords];
            int aLength = MultiplyPow10(a, Load(a, x), scale - xScale);
            int bLength = MultiplyPow10(b, Load(b, y), scale - yScale);
            DivideBig(a, aLength, b, bLength, q);
            return Make(a[0], a[1], a[2], x.IsNegative, scale);
        }

        private static int CompareMagnitudes(in DecimalParts x, in DecimalParts y)
        {
            int xScale = x.Scale, yScale = y.Scale;
            int scale = xScale > yScale ? xScale : yScale;
            uint* a = stackalloc uint[BigWords];
            uint* b = stackalloc uint[BigWords];
            int aLength = MultiplyPow10(a, Load(a, x), scale - xScale);
            int bLength = MultiplyPow10(b, Load(b, y), scale - yScale);
            return Compare(a, aLength, b, bLength);
        }

        /// <summary>-1, 0 or 1; zeros are equal whatever their sign and scale.</summary>
        internal static int Compare(in DecimalParts x, in DecimalParts y)
        {
            bool xZero = x.IsZero, yZero = y.IsZero;
            if (xZero && yZero) return 0;
            int xSign = xZero ? 0 : x.IsNegative ? -1 : 1;
            int ySign = yZero ? 0 : y.IsNegative ? -1 : 1;
            if (xSign != ySign) return xSign < ySign ? -1 : 1;
            int c = CompareMagnitudes(x, y);
            return xSign < 0 ? -c : c;
        }

        /// <summary>.NET's hash: the bits of the value without trailing zeros, XORed; zero is 0.</summary>
        internal static int HashCode(in DecimalParts x)
        {
            if (x.IsZero) return 0;
            DecimalParts r = StripTrailingZeros(x);
            return (int)(r.Flags ^ r.Hi ^ r.Mid ^ r.Lo);
        }

        /// <summary>
        /// Rounds to 'decimals' places (nothing to do when the scale is already that small), keeping
        /// the sign even when the result is zero. Modes as MidpointRounding: 0 ToEven, 1 AwayFromZero,
        /// 2 ToZero, 3 ToNegativeInfinity, 4 ToPositiveInfinity.
        /// </summary>
        internal static DecimalParts Round(in DecimalParts x, int decimals, int mode)
        {
            int drop = x.Scale - decimals;
            if (drop <= 0) return x;
            uint* a = stackalloc uint[4];
            Load(a, x);
            bool sticky = false;
            uint last = 0;
            for (int i = 0; i < drop; i++)
            {
                if (last != 0) sticky = true;
                last = DivideSmall(a, 3, 10);
            }
            bool negative = x.IsNegative;
            bool up;
            switch (mode)
            {
                case 0: up = last > 5 || (last == 5 && (sticky || (a[0] & 1) != 0)); break;
                case 1: up = last >= 5; break;
                case 2: up = false; break;
                case 3: up = negative && (last != 0 || sticky); break;
                default: up = !negative && (last != 0 || sticky); break;
            }
            if (up)
            {
                // Cannot carry past 96 bits: at least one digit was removed.
                if (++a[0] == 0 && ++a[1] == 0) a[2]++;
            }
            return Make(a[0], a[1], a[2], negative, decimals);
        }

        /// <summary>The coefficient's decimal digits, most significant first; none for zero. Returns the count (≤ 29).</summary>
        internal static int Digits(in DecimalParts x, byte* digits)
        {
            uint* a = stackalloc uint[3];
            a[0] = x.Lo;
            a[1] = x.Mid;
            a[2] = x.Hi;
            byte* reversed = stackalloc byte[32];
            int count = 0;
            while ((a[0] | a[1] | a[2]) != 0) reversed[count++] = (byte)DivideSmall(a, 3, 10);
            for (int i = 0; i < count; i++) digits[i] = reversed[count - 1 - i];
            return count;
        }
    }
}
