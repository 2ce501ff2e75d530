using System.Globalization;
using System.Runtime;
using Testbed.Runtime;

namespace System
{
    /// <summary>
    /// decimal ↔ text as .NET's number buffer does it: the coefficient's digits (trailing zeros
    /// included) and Scale = the position of the point after the first digit. ToString() prints every
    /// digit ("1.10"), never in scientific notation; the standard formats round half away from zero
    /// on the digits; custom formats go through the shared engine (Number.CustomFormat.cs). A zero
    /// result never shows a minus sign.
    /// </summary>
    internal static unsafe partial class Number
    {
        private const int DecimalDigitsCapacity = 32;

        internal static string FormatDecimal(in DecimalParts value, string format)
        {
            byte* digits = stackalloc byte[DecimalDigitsCapacity];
            int count = DecimalArithmetic.Digits(value, digits);
            int scale = count - value.Scale;
            bool negative = value.IsNegative;
            char* buffer = stackalloc char[2 * MaxSupportedPrecision + 96];
            int length = 0;
            if (format == null || format.Length == 0)
            {
                if (negative && count > 0) buffer[length++] = '-';
                length = WriteGeneral(digits, count, scale, 0, 'E', true, buffer, length);
                return string.CreateFromChars(buffer, length);
            }
            char letter = ParseStandardFormat(format, out int precision);
            if (letter == '\0')
                return FormatCustomDecimal(digits, count, scale, negative, format);
            switch (letter)
            {
                case 'G': case 'g': case 'R': case 'r':
                {
                    // "R" is not a decimal format; .NET treats it as "G" with no precision.
                    if (letter == 'R' || letter == 'r') precision = -1;
                    if (precision < 0)
                    {
                        if (negative && count > 0) buffer[length++] = '-';
                        length = WriteGeneral(digits, count, scale, 0, 'E', true, buffer, length);
                        break;
                    }
                    int maxDigits = precision == 0 ? count : precision;
                    RoundDecimalDigits(digits, ref count, ref scale, ref negative, maxDigits);
                    if (negative) buffer[length++] = '-';
                    length = WriteGeneral(digits, count, scale, maxDigits, letter == 'g' ? 'e' : 'E', false, buffer, length);
                    break;
                }
                case 'F': case 'f': case 'N': case 'n':
                {
                    int decimals = precision < 0 ? 2 : precision;
                    RoundDecimalDigits(digits, ref count, ref scale, ref negative, scale + decimals);
                    if (negative) buffer[length++] = '-';
                    length = WriteFixedFromDigits(digits, count, scale - 1, decimals, letter == 'N' || letter == 'n', buffer, length);
                    break;
                }
                case 'P': case 'p':
                {
                    int decimals = precision < 0 ? 2 : precision;
                    scale += 2;
                    RoundDecimalDigits(digits, ref count, ref scale, ref negative, scale + decimals);
                    if (negative) buffer[length++] = '-';
                    length = WriteFixedFromDigits(digits, count, scale - 1, decimals, true, buffer, length);
                    buffer[length++] = ' ';
                    buffer[length++] = '%';
                    break;
                }
                case 'C': case 'c':
                {
                    int decimals = precision < 0 ? 2 : precision;
                    RoundDecimalDigits(digits, ref count, ref scale, ref negative, scale + decimals);
                    if (negative) buffer[length++] = '(';
                    buffer[length++] = '\u00A4';
                    length = WriteFixedFromDigits(digits, count, scale - 1, decimals, true, buffer, length);
                    if (negative) buffer[length++] = ')';
                    break;
                }
                case 'E': case 'e':
                {
                    int decimals = precision < 0 ? 6 : precision;
                    RoundDecimalDigits(digits, ref count, ref scale, ref negative, decimals + 1);
                    if (negative) buffer[length++] = '-';
                    length = WriteScientific(digits, count, count == 0 ? 0 : scale - 1, decimals, letter, 3, false, buffer, length);
                    break;
                }
                default:
                    throw new FormatException("Format specifier was invalid.");
            }
            return string.CreateFromChars(buffer, length);
        }

        /// <summary>
        /// .NET's RoundNumber on exact digits: keep 'position' digits (counted from the first),
        /// rounding half away from zero, and drop trailing zeros; nothing left is an unsigned zero.
        /// </summary>
        private static void RoundDecimalDigits(byte* digits, ref int count, ref int scale, ref bool negative, int position)
        {
            int i = 0;
            while (i < position && i < count) i++;
            if (i == position && i < count && digits[i] >= 5)
            {
                while (i > 0 && digits[i - 1] == 9) i--;
                if (i > 0)
                {
                    digits[i - 1]++;
                }
                else
                {
                    scale++;
                    digits[0] = 1;
                    i = 1;
                }
            }
            else
            {
                while (i > 0 && digits[i - 1] == 0) i--;
            }
            if (i == 0)
            {
                negative = false;
                scale = 0;
            }
            count = i;
        }

        /// <summary>.NET's FormatGeneral: plain unless (when allowed) the point is beyond maxDigits or more than three places left of the first digit.</summary>
        private static int WriteGeneral(byte* digits, int count, int scale, int maxDigits, char exponentChar, bool suppressScientific, char* buffer, int length)
        {
            int position = scale;
            bool scientific = false;
            if (!suppressScientific && (position > maxDigits || position < -3))
            {
                position = 1;
                scientific = true;
            }
            int d = 0;
            if (position > 0)
            {
                do
                {
                    buffer[length++] = d < count ? (char)('0' + digits[d++]) : '0';
                } while (--position > 0);
            }
            else
            {
                buffer[length++] = '0';
            }
            if (d < count || position < 0)
            {
                buffer[length++] = '.';
                for (; position < 0; position++) buffer[length++] = '0';
                while (d < count) buffer[length++] = (char)('0' + digits[d++]);
            }
            if (scientific)
            {
                int exponent = scale - 1;
                buffer[length++] = exponentChar;
                buffer[length++] = exponent < 0 ? '-' : '+';
                if (exponent < 0) exponent = -exponent;
                if (exponent < 10) buffer[length++] = '0';
                length += Testbed.Runtime.NumberFormatting.FormatUInt64((ulong)exponent, buffer + length);
            }
            return length;
        }

        private static string FormatCustomDecimal(byte* digits, int count, int scale, bool negative, string format)
        {
            char* chars = stackalloc char[CustomDigitsCapacity];
            for (int i = 0; i < count; i++) chars[i] = (char)('0' + digits[i]);
            chars[count] = '\0';
            return FormatCustom(chars, scale, negative, false, format);
        }

        private const NumberStyles SupportedDecimalStyles = NumberStyles.Any;

        // More than the 29 coefficient digits plus the rounding digit; beyond, only non-zero-ness counts.
        private const int DecimalParseDigits = 64;

        /// <summary>
        /// [white][sign|(|¤]digits[.digits][e[sign]digits][white|sign|)|¤][NULs] under the invariant
        /// culture, as .NET's number parser reads it for decimal.
        /// </summary>
        internal static int ParseDecimal(string s, NumberStyles styles, out DecimalParts result)
        {
            result = default;
            if ((styles & ~SupportedDecimalStyles) != 0)
                ThrowHelpers.ThrowNotSupported("Hexadecimal and binary number styles are not supported for decimal.");
            int i = 0, n = s.Length;
            bool negative = false, signed = false, parentheses = false, currency = false;
            while (i < n)
            {
                char c = s[i];
                if (IsWhite(c) && (styles & NumberStyles.AllowLeadingWhite) != 0 && (!signed || currency)) i++;
                else if (!signed && (c == '-' || c == '+') && (styles & NumberStyles.AllowLeadingSign) != 0)
                {
                    signed = true;
                    negative = c == '-';
                    i++;
                }
                else if (!signed && c == '(' && (styles & NumberStyles.AllowParentheses) != 0)
                {
                    signed = parentheses = negative = true;
                    i++;
                }
                else if (!currency && c == '\u00A4' && (styles & NumberStyles.AllowCurrencySymbol) != 0)
                {
                    currency = true;
                    i++;
                }
                else break;
            }
            byte* digits = stackalloc byte[DecimalParseDigits];
            int count = 0, pointScale = 0;
            bool anyDigit = false, point = false, nonZeroTail = false;
            while (i < n)
            {
                char c = s[i];
                if (char.IsAsciiDigit(c))
                {
                    anyDigit = true;
                    int d = c - '0';
                    if (d != 0 || count > 0)
                    {
                        if (count < DecimalParseDigits) digits[count++] = (byte)d;
                        else if (d != 0) nonZeroTail = true;
                        if (!point) pointScale++;
                    }
                    else if (point)
                    {
                        pointScale--;
                    }
                }
                else if (c == '.' && !point && (styles & NumberStyles.AllowDecimalPoint) != 0) point = true;
                else if (c == ',' && anyDigit && !point && (styles & NumberStyles.AllowThousands) != 0) { }
                else break;
                i++;
            }
            if (!anyDigit) return ParseFormatError;
            if (i < n && (s[i] == 'e' || s[i] == 'E') && (styles & NumberStyles.AllowExponent) != 0)
            {
                int j = i + 1;
                bool negativeExponent = false;
                if (j < n && (s[j] == '-' || s[j] == '+'))
                {
                    negativeExponent = s[j] == '-';
                    j++;
                }
                if (j < n && char.IsAsciiDigit(s[j]))
                {
                    int e = 0;
                    for (; j < n && char.IsAsciiDigit(s[j]); j++)
                    {
                        if (e < 100_000) e = e * 10 + (s[j] - '0');
                    }
                    pointScale += negativeExponent ? -e : e;
                    i = j;
                }
            }
            while (i < n)
            {
                char c = s[i];
                if (IsWhite(c) && (styles & NumberStyles.AllowTrailingWhite) != 0) i++;
                else if (!signed && (c == '-' || c == '+') && (styles & NumberStyles.AllowTrailingSign) != 0)
                {
                    signed = true;
                    negative = c == '-';
                    i++;
                }
                else if (parentheses && c == ')')
                {
                    parentheses = false;
                    i++;
                }
                else if (!currency && c == '\u00A4' && (styles & NumberStyles.AllowCurrencySymbol) != 0)
                {
                    currency = true;
                    i++;
                }
                else break;
            }
            if (parentheses) return ParseFormatError;
            while (i < n && s[i] == '\0') i++;
            if (i != n) return ParseFormatError;
            return DecimalArithmetic.FromDigits(digits, count, pointScale, nonZeroTail, negative, out result) ? ParseOk : ParseOverflow;
        }
    }
}
