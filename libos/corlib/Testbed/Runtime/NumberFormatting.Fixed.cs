namespace Testbed.Runtime
{
    /// <summary>
    /// Exact decimal digits of a double for the precision formats ("F2", "E3", "N0", "G5"): the
    /// binary value v = N/D is scaled into [1, 10) and digits are taken out one by one, then rounded
    /// half to even on the exact remainder, which is what .NET Core 3.0+ prints.
    /// </summary>
    internal static unsafe partial class NumberFormatting
    {
        /// <summary>
        /// Digits of |value| (finite, non-zero): <paramref name="count"/> significant digits, or with
        /// <paramref name="fixedPoint"/> every digit down to 10^-count. The first digit has weight
        /// 10^exponent; returns how many digits were written (0 when the value rounds to zero).
        /// </summary>
        internal static int ExactDigits(double value, bool fixedPoint, int count, byte* digits, int capacity, out int exponent)
        {
            ulong bits = *(ulong*)&value & 0x7FFF_FFFF_FFFF_FFFF;
            int biased = (int)(bits >> 52);
            ulong mantissa = bits & 0xF_FFFF_FFFF_FFFF;
            int e;
            if (biased == 0) e = -1074;
            else
            {
                mantissa |= 1UL << 52;
                e = biased - 1075;
            }
            uint* n = stackalloc uint[BigStride];
            uint* d = stackalloc uint[BigStride];
            BigSet(n, mantissa);
            BigSet(d, 1);
            if (e >= 0) BigShiftLeft(n, e);
            else BigShiftLeft(d, -e);
            int k = FloorLog10Pow2(e + 63 - LeadingZeroCount(mantissa));
            if (k >= 0) BigMulPow10(d, k);
            else BigMulPow10(n, -k);
            uint* tenD = stackalloc uint[BigStride];
            BigCopy(tenD, d);
            BigMulSmall(tenD, 10);
            if (BigCompare(n, tenD) >= 0)
            {
                k++;
                BigCopy(d, tenD);
            }
            exponent = k;
            int wanted = fixedPoint ? k + 1 + count : count;
            if (wanted > capacity) wanted = capacity;
            if (wanted < 0) return 0;
            if (wanted == 0)
            {
                // Below one unit of the last place: rounds up only above half of it (v/10 > 1/2).
                BigCopy(tenD, d);
                BigMulSmall(tenD, 5);
                if (BigCompare(n, tenD) <= 0) return 0;
                digits[0] = 1;
                exponent = k + 1;
                return 1;
            }
            for (int i = 0; i < wanted; i++)
            {
                byte digit = 0;
                while (BigCompare(n, d) >= 0)
                {
                    BigSubtract(n, d);
                    digit++;
                }
                digits[i] = digit;
                BigMulSmall(n, i + 1 < wanted ? 10u : 2u);
            }
            int order = BigCompare(n, d);
            if (order > 0 || (order == 0 && (digits[wanted - 1] & 1) != 0))
            {
                int i = wanted - 1;
                while (i >= 0 && digits[i] == 9) digits[i--] = 0;
                if (i >= 0) digits[i]++;
                else
                {
                    digits[0] = 1;
                    exponent = k + 1;
                    if (fixedPoint && wanted < capacity) digits[wanted++] = 0;
                }
            }
            return wanted;
        }
    }
}
