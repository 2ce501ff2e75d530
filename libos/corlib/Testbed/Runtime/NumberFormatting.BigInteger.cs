namespace Testbed.Runtime
{
    /// <summary>
    /// Just enough unsigned bignum arithmetic for <see cref="ShortestDigits"/>, over stack buffers:
    /// word 0 holds the number of used words, words 1… the value in base 2^32, least significant
    /// first, with no leading zero words (zero has length 0).
    /// </summary>
    internal static unsafe partial class NumberFormatting
    {
        // The largest operand is r for the smallest subnormal double: 2^54 × 10^323 < 2^1128, plus
        // one word for the normalisation shift and one for a ×10 before the digit is taken out.
        private const int BigCapacity = 40;
        private const int BigStride = BigCapacity + 1;

        private static void BigSet(uint* a, ulong value)
        {
            a[1] = (uint)value;
            a[2] = (uint)(value >> 32);
            a[0] = a[2] != 0 ? 2u : (a[1] != 0 ? 1u : 0u);
        }

        private static void BigCopy(uint* destination, uint* source)
        {
            int length = (int)source[0];
            for (int i = 0; i <= length; i++)
                destination[i] = source[i];
        }

        private static void BigShiftLeft(uint* a, int bits)
        {
            int length = (int)a[0];
            if (length == 0 || bits == 0)
                return;
            int wordShift = bits >> 5;
            int bitShift = bits & 31;
            uint* w = a + 1;

            if (bitShift == 0)
            {
                for (int i = length - 1; i >= 0; i--)
                    w[i + wordShift] = w[i];
            }
            else
            {
                uint carryOut = w[length - 1] >> (32 - bitShift);
                for (int i = length - 1; i > 0; i--)
                    w[i + wordShift] = (w[i] << bitShift) | (w[i - 1] >> (32 - bitShift));
                w[wordShift] = w[0] << bitShift;
                w[length + wordShift] = carryOut;
                if (carryOut != 0)
                    length++;
            }
            for (int i = 0; i < wordShift; i++)
                w[i] = 0;
            a[0] = (uint)(length + wordShift);
        }

        private static void BigMulSmall(uint* a, uint factor)
        {
            int length = (int)a[0];
            uint* w = a + 1;
            ulong carry = 0;
            for (int i = 0; i < length; i++)
            {
                ulong product = (ulong)w[i] * factor + carry;
                w[i] = (uint)product;
                carry = product >> 32;
            }
            if (carry != 0)
            {
                w[length] = (uint)carry;
                a[0] = (uint)(length + 1);
            }
        }

        private static void BigMulPow10(uint* a, int power)
        {
            // 10^9 is the largest power of ten that fits a word.
            while (power >= 9)
            {
                BigMulSmall(a, 1_000_000_000);
                power -= 9;
            }
            uint factor = 1;
            while (power > 0)
            {
                factor *= 10;
                power--;
            }
            if (factor != 1)
                BigMulSmall(a, factor);
        }

        /// <summary>sum = a + b; sum may not alias a or b.</summary>
        private static void BigAdd(uint* sum, uint* a, uint* b)
        {
            if (a[0] < b[0])
            {
                uint* t = a;
                a = b;
                b = t;
            }
            int longer = (int)a[0];
            int shorter = (int)b[0];
            ulong carry = 0;
            for (int i = 1; i <= longer; i++)
            {
                ulong total = (ulong)a[i] + (i <= shorter ? b[i] : 0u) + carry;
                sum[i] = (uint)total;
                carry = total >> 32;
            }
            if (carry != 0)
            {
                sum[longer + 1] = (uint)carry;
                longer++;
            }
            sum[0] = (uint)longer;
        }

        private static int BigCompare(uint* a, uint* b)
        {
            if (a[0] != b[0])
                return a[0] > b[0] ? 1 : -1;
            for (int i = (int)a[0]; i >= 1; i--)
            {
                if (a[i] != b[i])
                    return a[i] > b[i] ? 1 : -1;
            }
            return 0;
        }

        /// <summary>
        /// How far to shift s left so that its top word lies in [2^27, 2^28): ten times the top word
        /// then still fits a word, and the quotient estimate in <see cref="BigDivRemDigit"/> is at most
        /// one too small.
        /// </summary>
        private static int NormalizationShift(uint* s)
        {
            int topBit = 63 - LeadingZeroCount(s[s[0]]);
            return topBit <= 27 ? 27 - topBit : 59 - topBit;
        }

        /// <summary>
        /// Divides r by s where 0 ≤ r &lt; 10s and s is normalised: returns the quotient (a digit) and
        /// leaves the remainder in r.
        /// </summary>
        private static uint BigDivRemDigit(uint* r, uint* s)
        {
            int length = (int)s[0];
            if ((int)r[0] < length)
                return 0;

            // r < 10s and 10 × s's top word < 2^32, so r has no more words than s. Dividing top
            // words, with the divisor rounded up, never overestimates the quotient.
            uint quotient = r[length] / (s[length] + 1);
            if (quotient != 0)
            {
                ulong borrow = 0;
                ulong carry = 0;
                for (int i = 1; i <= length; i++)
                {
                    ulong product = (ulong)s[i] * quotient + carry;
                    carry = product >> 32;
                    ulong difference = (ulong)r[i] - (uint)product - borrow;
                    r[i] = (uint)difference;
                    borrow = (difference >> 32) & 1;
                }
                TrimLength(r);
            }

            while (BigCompare(r, s) >= 0)
            {
                BigSubtract(r, s);
                quotient++;
            }
            return quotient;
        }

        /// <summary>a -= b, where a ≥ b.</summary>
        private static void BigSubtract(uint* a, uint* b)
        {
            int length = (int)a[0];
            int shorter = (int)b[0];
            ulong borrow = 0;
            for (int i = 1; i <= length; i++)
            {
                ulong difference = (ulong)a[i] - (i <= shorter ? b[i] : 0u) - borrow;
                a[i] = (uint)difference;
                borrow = (difference >> 32) & 1;
            }
            TrimLength(a);
        }

        private static void TrimLength(uint* a)
        {
            int length = (int)a[0];
            while (length > 0 && a[length] == 0)
                length--;
            a[0] = (uint)length;
        }
    }
}
