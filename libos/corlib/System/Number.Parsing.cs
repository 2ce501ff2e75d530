using System.Globalization;
using System.Runtime;

namespace System
{
    /// <summary>
    /// Integer parsing as .NET does it under the invariant culture: white space (U+0009..U+000D and
    /// space) around, one leading '+' or '-', ASCII digits, trailing NULs ignored; hexadecimal and
    /// binary digits with those styles; ',' group separators with AllowThousands. A malformed string
    /// is a FormatException even when its digits would also overflow.
    /// </summary>
    internal static unsafe partial class Number
    {
        internal const int ParseOk = 0;
        internal const int ParseFormatError = 1;
        internal const int ParseOverflow = 2;

        private const NumberStyles SupportedIntegerStyles = NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite
            | NumberStyles.AllowLeadingSign | NumberStyles.AllowThousands | NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier;

        private static bool IsWhite(char c) => c == ' ' || (uint)(c - '\t') <= '\r' - '\t';

        /// <summary>Parses a magnitude and sign; the caller range-checks it for its type.</summary>
        internal static int ParseInteger(string s, NumberStyles styles, out bool negative, out ulong magnitude)
        {
            negative = false;
            magnitude = 0;
            if ((styles & ~SupportedIntegerStyles) != 0)
                ThrowHelpers.ThrowNotSupported("Only the integer number styles (white space, leading sign, thousands, hexadecimal, binary) are supported.");
            int i = 0, n = s.Length;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0) while (i < n && IsWhite(s[i])) i++;
            bool hex = (styles & NumberStyles.AllowHexSpecifier) != 0;
            bool binary = (styles & NumberStyles.AllowBinarySpecifier) != 0;
            if (!hex && !binary && (styles & NumberStyles.AllowLeadingSign) != 0 && i < n && (s[i] == '-' || s[i] == '+'))
            {
                negative = s[i] == '-';
                i++;
            }
            int digits = 0;
            bool overflow = false;
            while (i < n)
            {
                char c = s[i];
                int d;
                if (hex)
                {
                    if (char.IsAsciiDigit(c)) d = c - '0';
                    else if ((uint)((c | 0x20) - 'a') <= 5) d = (c | 0x20) - 'a' + 10;
                    else break;
                    if ((magnitude >> 60) != 0) overflow = true;
                    magnitude = (magnitude << 4) | (uint)d;
                }
                else if (binary)
                {
                    if (c != '0' && c != '1') break;
                    if ((magnitude >> 63) != 0) overflow = true;
                    magnitude = (magnitude << 1) | (uint)(c - '0');
                }
                else
                {
                    if (c == ',' && digits > 0 && (styles & NumberStyles.AllowThousands) != 0) { i++; continue; }
                    if (!char.IsAsciiDigit(c)) break;
                    d = c - '0';
                    if (magnitude > (ulong.MaxValue - (ulong)d) / 10) overflow = true;
                    else magnitude = magnitude * 10 + (ulong)d;
                }
                digits++;
                i++;
            }
            if (digits == 0) return ParseFormatError;
            if ((styles & NumberStyles.AllowTrailingWhite) != 0) while (i < n && IsWhite(s[i])) i++;
            while (i < n && s[i] == '\0') i++;
            if (i != n) return ParseFormatError;
            return overflow ? ParseOverflow : ParseOk;
        }

        /// <summary>Signed: the magnitude must fit [-(max+1), max]; hexadecimal and binary digits are the two's complement bits of the type.</summary>
        internal static int ParseSigned(string s, NumberStyles styles, int bits, out long result)
        {
            result = 0;
            int status = ParseInteger(s, styles, out bool negative, out ulong magnitude);
            if (status != ParseOk) return status;
            ulong max = (1UL << (bits - 1)) - 1;
            if ((styles & (NumberStyles.AllowHexSpecifier | NumberStyles.AllowBinarySpecifier)) != 0)
            {
                if (bits < 64 && magnitude >> bits != 0) return ParseOverflow;
                result = bits == 64 ? (long)magnitude : (long)(magnitude << (64 - bits)) >> (64 - bits);
                return ParseOk;
            }
            if (negative)
            {
                if (magnitude > max + 1) return ParseOverflow;
                result = (long)(0 - magnitude);
                return ParseOk;
            }
            if (magnitude > max) return ParseOverflow;
            result = (long)magnitude;
            return ParseOk;
        }

        /// <summary>Unsigned: "-0" is zero, any other negative number overflows.</summary>
        internal static int ParseUnsigned(string s, NumberStyles styles, int bits, out ulong result)
        {
            result = 0;
            int status = ParseInteger(s, styles, out bool negative, out ulong magnitude);
            if (status != ParseOk) return status;
            if (negative && magnitude != 0) return ParseOverflow;
            if (bits < 64 && magnitude >> bits != 0) return ParseOverflow;
            result = magnitude;
            return ParseOk;
        }

        internal static void ThrowParseFailure(int status, string s, string overflowMessage)
        {
            if (status == ParseFormatError)
                throw new FormatException("The input string '" + s + "' was not in a correct format.");
            throw new OverflowException(overflowMessage);
        }

        internal static void CheckParseArguments(string s)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNull(nameof(s));
        }

        private const NumberStyles SupportedFloatStyles = NumberStyles.Float | NumberStyles.AllowThousands;

        /// <summary>
        /// [white][sign](digits[.digits] | .digits)[(e|E)[sign]digits][white], or [sign]NaN /
        /// [sign]Infinity in any case, as .NET's invariant culture accepts them. Out of range is
        /// ±Infinity or ±0 (never an OverflowException, since .NET Core 3.0).
        /// </summary>
        internal static unsafe int ParseFloatingPoint(string s, NumberStyles styles, bool single, out ulong bits)
        {
            bits = 0;
            if ((styles & ~SupportedFloatStyles) != 0)
                ThrowHelpers.ThrowNotSupported("Only the Float and AllowThousands number styles are supported for floating point.");
            int i = 0, n = s.Length;
            if ((styles & NumberStyles.AllowLeadingWhite) != 0) while (i < n && IsWhite(s[i])) i++;
            int end = n;
            while (end > i && s[end - 1] == '\0') end--;
            if ((styles & NumberStyles.AllowTrailingWhite) != 0) while (end > i && IsWhite(s[end - 1])) end--;
            bool negative = false;
            if ((styles & NumberStyles.AllowLeadingSign) != 0 && i < end && (s[i] == '-' || s[i] == '+'))
            {
                negative = s[i] == '-';
                i++;
            }
            ulong signBit = single ? 0x8000_0000UL : 0x8000_0000_0000_0000UL;
            if (MatchesIgnoringCase(s, i, end, "Infinity"))
            {
                bits = (single ? 0x7F80_0000UL : 0x7FF0_0000_0000_0000UL) | (negative ? signBit : 0);
                return ParseOk;
            }
            if (MatchesIgnoringCase(s, i, end, "NaN"))
            {
                bits = single ? 0xFFC0_0000UL : 0xFFF8_0000_0000_0000UL;
                return ParseOk;
            }
            byte* digits = stackalloc byte[Testbed.Runtime.NumberFormatting.ParseMaxDigits + 1];
            int count = 0, decimalExponent = 0, seen = 0;
            bool nonZeroTail = false;
            bool thousands = (styles & NumberStyles.AllowThousands) != 0;
            for (; i < end; i++)
            {
                char c = s[i];
                if (c == ',' && thousands && seen > 0) continue;
                if (!char.IsAsciiDigit(c)) break;
                seen++;
                AddDigit(c, digits, ref count, ref nonZeroTail, ref decimalExponent, false);
            }
            if (i < end && s[i] == '.' && (styles & NumberStyles.AllowDecimalPoint) != 0)
            {
                i++;
                for (; i < end && char.IsAsciiDigit(s[i]); i++)
                {
                    seen++;
                    AddDigit(s[i], digits, ref count, ref nonZeroTail, ref decimalExponent, true);
                }
            }
            if (seen == 0) return ParseFormatError;
            if (i < end && (s[i] == 'e' || s[i] == 'E') && (styles & NumberStyles.AllowExponent) != 0)
            {
                i++;
                bool negativeExponent = false;
                if (i < end && (s[i] == '-' || s[i] == '+'))
                {
                    negativeExponent = s[i] == '-';
                    i++;
                }
                if (i >= end || !char.IsAsciiDigit(s[i])) return ParseFormatError;
                int e = 0;
                for (; i < end && char.IsAsciiDigit(s[i]); i++)
                {
                    if (e < 100_000) e = e * 10 + (s[i] - '0');
                }
                decimalExponent += negativeExponent ? -e : e;
            }
            if (i != end) return ParseFormatError;
            if (nonZeroTail)
            {
                digits[count++] = 1;
                decimalExponent--;
            }
            bits = Testbed.Runtime.NumberFormatting.DecimalToBinary(digits, count, decimalExponent, single) | (negative ? signBit : 0);
            return ParseOk;
        }

        /// <summary>Keeps significant digits (no leading zeros) up to the limit; the exponent tracks what was dropped or is fractional.</summary>
        private static unsafe void AddDigit(char c, byte* digits, ref int count, ref bool nonZeroTail, ref int exponent, bool fraction)
        {
            int d = c - '0';
            if (count == 0 && d == 0)
            {
                if (fraction) exponent--;
                return;
            }
            if (count < Testbed.Runtime.NumberFormatting.ParseMaxDigits)
            {
                digits[count++] = (byte)d;
                if (fraction) exponent--;
            }
            else
            {
                if (d != 0) nonZeroTail = true;
                if (!fraction) exponent++;
            }
        }

        private static bool MatchesIgnoringCase(string s, int start, int end, string word)
        {
            if (end - start != word.Length) return false;
            for (int k = 0; k < word.Length; k++)
            {
                if (char.ToLowerInvariant(s[start + k]) != char.ToLowerInvariant(word[k])) return false;
            }
            return true;
        }
    }
}
