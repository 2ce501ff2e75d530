namespace Testbed.Runtime
{
    /// <summary>
    /// Decimal text to the nearest double or float, exactly: the digits D and exponent E give the
    /// rational D·10^E, long division yields the significand plus a round bit and a sticky bit, and
    /// rounding is half to even, once, also for subnormals. Up to 800 significant digits are kept;
    /// a non-zero tail beyond them only matters as stickiness, which an extra digit 1 provides.
    /// </summary>
    internal static unsafe partial class NumberFormatting
    {
        internal const int ParseMaxDigits = 800;

        // 10^(800+330) is below 2^3760; with the 55-bit shift and slack, 130 words are enough.
        private const int ParseBigStride = 131;

        /// <summary>
        /// The bits of the nearest binary value to digits × 10^exponent (digits most significant
        /// first, no leading zeros): double when single is false, float otherwise; infinity on overflow.
        /// </summary>
        internal static ulong DecimalToBinary(byte* digits, int count, int exponent, bool single)
        {
            int mantissaBits = single ? 24 : 53;
            int exponentBias = single ? 150 : 1075;
            ulong infinity = single ? 0x7F80_0000UL : 0x7FF0_0000_0000_0000UL;
            if (count == 0) return 0;
            if (exponent + count > 310) return infinity;
            if (exponent + count < -330) return 0;
            uint* n = stackalloc uint[ParseBigStride];
            uint* d = stackalloc uint[ParseBigStride];
            uint* t = stackalloc uint[ParseBigStride];
            n[0] = 0;
            for (int i = 0; i < count; i++)
            {
                BigMulSmall(n, 10);
                BigAddSmall(n, digits[i]);
            }
            BigSet(d, 1);
            if (exponent >= 0) BigMulPow10(n, exponent);
            else BigMulPow10(d, -exponent);
            // Scale so that q = floor(n·2^s / d) has mantissaBits + 1 or + 2 bits.
            int s = mantissaBits + 1 - (BitLength(n) - BitLength(d));
            if (s > 0) BigShiftLeft(n, s);
            else BigShiftLeft(d, -s);
            ulong q = 0;
            for (int bit = mantissaBits + 2; bit >= 0; bit--)
            {
                BigCopy(t, d);
                BigShiftLeft(t, bit);
                if (BigCompare(n, t) >= 0)
                {
                    BigSubtract(n, t);
                    q |= 1UL << bit;
                }
            }
            bool sticky = n[0] != 0;
            if (q >> (mantissaBits + 1) != 0)
            {
                sticky |= (q & 1) != 0;
                q >>= 1;
                s--;
            }
            // Now q has mantissaBits + 1 bits and value ≈ q·2^-s; the significand m = q >> 1 has weight 2^(1-s).
            int biased = 1 - s + exponentBias;
            // A normal number needs m's leading bit at 2^(mantissaBits-1), i.e. biased ≥ 1.
            int extraShift = biased < 1 ? 1 - biased : 0;
            if (extraShift > mantissaBits + 1) return 0;
            int drop = 1 + extraShift;
            ulong m = q >> drop;
            bool roundBit = ((q >> (drop - 1)) & 1) != 0;
            sticky |= (q & ((1UL << (drop - 1)) - 1)) != 0;
            if (roundBit && (sticky || (m & 1) != 0)) m++;
            ulong bits;
            if (extraShift > 0) bits = m;
            else bits = ((ulong)(biased - 1) << (mantissaBits - 1)) + m;
            return bits >= infinity ? infinity : bits;
        }

        private static void BigAddSmall(uint* a, uint value)
        {
            int length = (int)a[0];
            ulong carry = value;
            for (int i = 1; i <= length && carry != 0; i++)
            {
                ulong total = a[i] + carry;
                a[i] = (uint)total;
                carry = total >> 32;
            }
            if (carry != 0)
            {
                a[length + 1] = (uint)carry;
                a[0] = (uint)(length + 1);
            }
        }

        private static int BitLength(uint* a)
        {
            int length = (int)a[0];
            if (length == 0) return 0;
            uint top = a[length];
            int bits = 32;
            while ((top & 0x8000_0000u) == 0)
            {
                top <<= 1;
                bits--;
            }
            return (length - 1) * 32 + bits;
        }
    }
}
