namespace Testbed.Runtime
{
    internal static unsafe partial class NumberFormatting
    {
        /// <summary>
        /// The shortest decimal digits d1…dn with 0.d1…dn × 10^scale inside the rounding interval of
        /// v = mantissa × 2^exponent (the numbers that parse back to v), and of those the closest to v.
        /// Returns n; the digits are stored as values 0–9.
        /// </summary>
        /// <remarks>
        /// Steele &amp; White's free-format algorithm as refined by Burger &amp; Dybvig ("Printing
        /// floating-point numbers quickly and accurately", PLDI 1996), in exact integer arithmetic:
        /// v = r/s, and the half-gaps to the neighbouring floating-point values are mMinus/s and
        /// mPlus/s. Each step multiplies r and the gaps by 10 and takes the integer part of r/s as the
        /// next digit; it stops as soon as truncating here (r within mMinus) or rounding the digit up
        /// (s − r within mPlus) lands inside the interval. The interval's ends count as inside when
        /// the mantissa is even, because round-to-nearest-even parsing maps them back to v.
        /// Exact arithmetic makes it correct for every input with no fallback path, at the price of
        /// bignums of up to ~1100 bits for extreme exponents; integers below 2^53 skip all of it.
        /// </remarks>
        private static int ShortestDigits(ulong mantissa, int exponent, bool lowerGapIsSmaller, byte* digits, out int scale)
        {
            if (exponent <= 0 && exponent > -64 && (mantissa & ((1UL << -exponent) - 1)) == 0)
                return IntegerDigits(mantissa >> -exponent, digits, out scale);

            uint* r = stackalloc uint[BigStride];
            uint* s = stackalloc uint[BigStride];
            uint* mMinus = stackalloc uint[BigStride];
            uint* mPlusStorage = stackalloc uint[BigStride];
            uint* sum = stackalloc uint[BigStride];

            // Scale v, the gaps and 1 by 2 (or 4 when the lower gap is the smaller one) so that all
            // four are integers: v = r/s, half-gaps mMinus/s and mPlus/s.
            int gapShift = lowerGapIsSmaller ? 2 : 1;
            if (exponent >= 0)
            {
                BigSet(r, mantissa);
                BigShiftLeft(r, exponent + gapShift);
                BigSet(s, 1UL << gapShift);
                BigSet(mMinus, 1);
                BigShiftLeft(mMinus, exponent);
            }
            else
            {
                BigSet(r, mantissa << gapShift);
                BigSet(s, 1);
                BigShiftLeft(s, gapShift - exponent);
                BigSet(mMinus, 1);
            }
            // With equal gaps mPlus is mMinus itself, which saves a third of the bignum work.
            uint* mPlus = mMinus;
            if (lowerGapIsSmaller)
            {
                mPlus = mPlusStorage;
                BigCopy(mPlus, mMinus);
                BigShiftLeft(mPlus, 1);
            }

            bool even = (mantissa & 1) == 0;

            // Estimate k = the number of digits before the decimal point from the binary exponent
            // (never too large), scale so that v/10^k < 1, then correct upwards while the interval
            // still reaches 10^k.
            int k = FloorLog10Pow2(63 - LeadingZeroCount(mantissa) + exponent) + 1;
            if (k >= 0)
            {
                BigMulPow10(s, k);
            }
            else
            {
                BigMulPow10(r, -k);
                BigMulPow10(mMinus, -k);
                if (mPlus != mMinus)
                    BigMulPow10(mPlus, -k);
            }
            while (ReachesUp(r, mPlus, s, sum, even))
            {
                BigMulSmall(s, 10);
                k++;
            }

            // Shifting everything by the same amount changes no ratio but lets BigDivRemDigit
            // estimate each quotient from the top words alone.
            int shift = NormalizationShift(s);
            BigShiftLeft(s, shift);
            BigShiftLeft(r, shift);
            BigShiftLeft(mMinus, shift);
            if (mPlus != mMinus)
                BigShiftLeft(mPlus, shift);

            int count = 0;
            while (true)
            {
                BigMulSmall(r, 10);
                BigMulSmall(mMinus, 10);
                if (mPlus != mMinus)
                    BigMulSmall(mPlus, 10);
                uint digit = BigDivRemDigit(r, s);

                int lowCompare = BigCompare(r, mMinus);
                bool low = even ? lowCompare <= 0 : lowCompare < 0;
                bool high = ReachesUp(r, mPlus, s, sum, even);
                if (!low && !high)
                {
                    digits[count++] = (byte)digit;
                    continue;
                }

                if (high)
                {
                    if (!low)
                    {
                        digit++;
                    }
                    else
                    {
                        // Both digit and digit + 1 parse back to v: take the closer one. An exact
                        // tie needs an interval wider than a digit step around a value halfway
                        // between two steps, which no binary32/64 value has; half-even settles it anyway.
                        BigAdd(sum, r, r);
                        int half = BigCompare(sum, s);
                        if (half > 0 || (half == 0 && (digit & 1) != 0))
                            digit++;
                    }
                }
                digits[count++] = (byte)digit;
                break;
            }

            // Rounding the last digit up can carry (…9 + 1); the carry never adds a digit in front
            // except for all nines, which become a single 1 one place further left.
            while (count > 1 && digits[count - 1] == 10)
            {
                count--;
                digits[count - 1]++;
            }
            if (digits[0] == 10)
            {
                digits[0] = 1;
                k++;
            }
            while (count > 1 && digits[count - 1] == 0)
                count--;

            scale = k;
            return count;
        }

        /// <summary>Whether r + mPlus reaches s, i.e. rounding up from here stays inside the interval.</summary>
        private static bool ReachesUp(uint* r, uint* mPlus, uint* s, uint* sum, bool inclusive)
        {
            BigAdd(sum, r, mPlus);
            int compare = BigCompare(sum, s);
            return inclusive ? compare >= 0 : compare > 0;
        }

        /// <summary>
        /// Digits of an integer value below 2^53 (2^24 for float). Such a value is at most one unit in
        /// the last place from its neighbours, so no shorter decimal lies within half a gap of it: its
        /// shortest form is the integer itself without trailing zeros.
        /// </summary>
        private static int IntegerDigits(ulong value, byte* digits, out int scale)
        {
            int length = CountDecimalDigits(value);
            for (int i = length - 1; i >= 0; i--)
            {
                ulong quotient = value / 10;
                digits[i] = (byte)(value - quotient * 10);
                value = quotient;
            }
            scale = length;
            while (length > 1 && digits[length - 1] == 0)
                length--;
            return length;
        }

        /// <summary>
        /// floor(e × log10 2), exact for |e| ≤ 1650 (78913 / 2^18 is a close enough underestimate of
        /// log10 2). Floating-point logarithms would do too, but integers need no math library.
        /// </summary>
        private static int FloorLog10Pow2(int e)
        {
            if (e >= 0)
                return (e * 78913) >> 18;
            // e × log10 2 is never an integer for e ≠ 0, so floor(-x) = -floor(x) - 1.
            return -((-e * 78913) >> 18) - 1;
        }

        private static int LeadingZeroCount(ulong value)
        {
            int count = 0;
            if ((value >> 32) == 0) { count += 32; value <<= 32; }
            if ((value >> 48) == 0) { count += 16; value <<= 16; }
            if ((value >> 56) == 0) { count += 8; value <<= 8; }
            if ((value >> 60) == 0) { count += 4; value <<= 4; }
            if ((value >> 62) == 0) { count += 2; value <<= 2; }
            if ((value >> 63) == 0) count += 1;
            return count;
        }
    }
}
