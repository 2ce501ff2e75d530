namespace Testbed.Runtime
{
    /// <summary>
    /// Integer and floating-point formatting exactly as .NET Core 3.0+ prints <c>ToString()</c> under
    /// the invariant culture. Depends on nothing but primitive types and pointers, so that the unit
    /// tests compile these files into an ordinary .NET test and compare against the real runtime.
    /// </summary>
    /// <remarks>
    /// Floating point follows .NET's "R"/"G" shortest mode: the fewest significant digits that parse
    /// back to the same value (<see cref="ShortestDigits"/>), laid out like the "G" format with the
    /// precision raised to the digit count: plain notation while the decimal point falls within
    /// max(digit count, 17) digits (9 for float) of the first digit and no more than five places
    /// after it, scientific ("1E+17", "1.5E-05") otherwise. Non-finite values print NaN, Infinity
    /// and -Infinity, the invariant culture's symbols; -0 keeps its sign.
    /// </remarks>
    internal static unsafe partial class NumberFormatting
    {
        /// <summary>Enough for every long and ulong ("-9223372036854775808", "18446744073709551615").</summary>
        internal const int Int64BufferLength = 20;

        /// <summary>Enough for every double and float; the longest is 24 ("-1.2345678901234567E-308").</summary>
        internal const int FloatingPointBufferLength = 32;

        // .NET widens the "G" precision to at least this many digits before choosing scientific notation.
        private const int DoubleRoundTripDigits = 17;
        private const int SingleRoundTripDigits = 9;

        // Scientific notation below 1E-04, i.e. from five zeros after the decimal point.
        private const int SmallestPlainScale = -3;

        private const int MaxShortestDigits = 20;

        internal static int FormatInt64(long value, char* buffer)
        {
            if (value >= 0)
                return FormatUInt64((ulong)value, buffer);
            buffer[0] = '-';
            // 0 - value in unsigned arithmetic is right for long.MinValue too.
            return 1 + FormatUInt64(0UL - (ulong)value, buffer + 1);
        }

        internal static int FormatUInt64(ulong value, char* buffer)
        {
            int length = CountDecimalDigits(value);
            for (int i = length - 1; i >= 0; i--)
            {
                ulong quotient = value / 10;
                buffer[i] = (char)('0' + (int)(value - quotient * 10));
                value = quotient;
            }
            return length;
        }

        internal static int FormatDouble(double value, char* buffer)
        {
            ulong bits = *(ulong*)&value;
            bool negative = (bits >> 63) != 0;
            int biasedExponent = (int)((bits >> 52) & 0x7FF);
            ulong fraction = bits & 0x000F_FFFF_FFFF_FFFF;

            if (biasedExponent == 0x7FF)
                return fraction != 0 ? WriteNaN(buffer) : WriteInfinity(negative, buffer);

            // Normal numbers have an implicit leading 1 bit; subnormals share the smallest exponent.
            ulong mantissa = biasedExponent == 0 ? fraction : fraction | (1UL << 52);
            int exponent = (biasedExponent == 0 ? 1 : biasedExponent) - 1075;
            // At a power of two the next value down is half as far away as the next value up.
            bool lowerGapIsSmaller = fraction == 0 && biasedExponent > 1 && !Net10TreatsGapsAsEqual(biasedExponent);
            return FormatBinary(negative, mantissa, exponent, lowerGapIsSmaller, DoubleRoundTripDigits, buffer);
        }

        /// <summary>
        /// CoreCLR is the oracle, so its one known formatting bug is reproduced. .NET 10 first tries
        /// Grisu3, which handles powers of two correctly, and falls back to Dragon4, which does not: it
        /// tests for a power of two with <c>1U &lt;&lt; 52</c> (a 32-bit shift, so really 1 &lt;&lt; 20), never
        /// sees one, and gives every double power of two equal gaps (dotnet/runtime PR #131131 fixes it
        /// after .NET 10). Among the 2046 normal powers of two, Grisu3 gives up on exactly two, 2^-25
        /// and 2^-958, which .NET 10 therefore prints as 2.980232238769531E-08 and
        /// 4.104536801298376E-289: strings that parse back to the next smaller double. The unit tests
        /// compare every power of two with the running runtime and will flag this when it changes.
        /// </summary>
        private static bool Net10TreatsGapsAsEqual(int biasedExponent) =>
            biasedExponent == 1023 - 25 || biasedExponent == 1023 - 958;

        internal static int FormatSingle(float value, char* buffer)
        {
            uint bits = *(uint*)&value;
            bool negative = (bits >> 31) != 0;
            int biasedExponent = (int)((bits >> 23) & 0xFF);
            uint fraction = bits & 0x007F_FFFF;

            if (biasedExponent == 0xFF)
                return fraction != 0 ? WriteNaN(buffer) : WriteInfinity(negative, buffer);

            ulong mantissa = biasedExponent == 0 ? fraction : fraction | (1U << 23);
            int exponent = (biasedExponent == 0 ? 1 : biasedExponent) - 150;
            bool lowerGapIsSmaller = fraction == 0 && biasedExponent > 1;
            return FormatBinary(negative, mantissa, exponent, lowerGapIsSmaller, SingleRoundTripDigits, buffer);
        }

        /// <summary>Formats ±mantissa × 2^exponent, a finite value of a binary floating-point type.</summary>
        private static int FormatBinary(bool negative, ulong mantissa, int exponent, bool lowerGapIsSmaller, int roundTripDigits, char* buffer)
        {
            int length = 0;
            if (negative)
                buffer[length++] = '-';
            if (mantissa == 0)
            {
                buffer[length++] = '0';
                return length;
            }

            byte* digits = stackalloc byte[MaxShortestDigits];
            int count = ShortestDigits(mantissa, exponent, lowerGapIsSmaller, digits, out int scale);
            return length + LayOut(digits, count, scale, roundTripDigits, buffer + length);
        }

        /// <summary>
        /// Writes 0.d1d2…dn × 10^scale the way .NET's "G" format does once its precision is widened to
        /// max(n, roundTripDigits): scientific when the exponent would need more places than that
        /// precision, or when the value is below 0.0001.
        /// </summary>
        private static int LayOut(byte* digits, int count, int scale, int roundTripDigits, char* buffer)
        {
            int precision = count > roundTripDigits ? count : roundTripDigits;
            int length = 0;

            if (scale > precision || scale < SmallestPlainScale)
            {
                buffer[length++] = (char)('0' + digits[0]);
                if (count > 1)
                {
                    buffer[length++] = '.';
                    for (int i = 1; i < count; i++)
                        buffer[length++] = (char)('0' + digits[i]);
                }
                int decimalExponent = scale - 1;
                buffer[length++] = 'E';
                buffer[length++] = decimalExponent < 0 ? '-' : '+';
                if (decimalExponent < 0)
                    decimalExponent = -decimalExponent;
                // At least two exponent digits: E+05, E+15, E+308.
                if (decimalExponent < 10)
                    buffer[length++] = '0';
                return length + FormatUInt64((ulong)decimalExponent, buffer + length);
            }

            if (scale <= 0)
            {
                buffer[length++] = '0';
                buffer[length++] = '.';
                for (int i = scale; i < 0; i++)
                    buffer[length++] = '0';
                for (int i = 0; i < count; i++)
                    buffer[length++] = (char)('0' + digits[i]);
                return length;
            }

            for (int i = 0; i < scale; i++)
                buffer[length++] = i < count ? (char)('0' + digits[i]) : '0';
            if (count > scale)
            {
                buffer[length++] = '.';
                for (int i = scale; i < count; i++)
                    buffer[length++] = (char)('0' + digits[i]);
            }
            return length;
        }

        private static int WriteNaN(char* buffer)
        {
            buffer[0] = 'N';
            buffer[1] = 'a';
            buffer[2] = 'N';
            return 3;
        }

        private static int WriteInfinity(bool negative, char* buffer)
        {
            int length = 0;
            if (negative)
                buffer[length++] = '-';
            buffer[length++] = 'I';
            buffer[length++] = 'n';
            buffer[length++] = 'f';
            buffer[length++] = 'i';
            buffer[length++] = 'n';
            buffer[length++] = 'i';
            buffer[length++] = 't';
            buffer[length++] = 'y';
            return length;
        }

        private static int CountDecimalDigits(ulong value)
        {
            int count = 1;
            while (value >= 10)
            {
                value /= 10;
                count++;
            }
            return count;
        }
    }
}
