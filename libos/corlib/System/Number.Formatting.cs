using System.Runtime;

namespace System
{
    /// <summary>
    /// The standard numeric format strings for integers ("D5", "X8", "N2", "F", "E3", "G4", "P", "C"),
    /// laid out as .NET's invariant culture does: '-' sign, ',' groups of three, '.' decimal point,
    /// "¤" currency with "(...)" for negatives, "n %" percent. Custom formats ("0.00", "#,##0") are not
    /// provided and throw NotSupportedException rather than print something different.
    /// </summary>
    internal static unsafe partial class Number
    {
        /// <summary>.NET accepts up to 999,999,999; beyond this the stack buffer would be too large.</summary>
        private const int MaxSupportedPrecision = 1000;

        internal static string FormatInt64(long value, string format, int sizeInBytes)
        {
            if (format == null || format.Length == 0)
                return Int64ToString(value);
            ulong magnitude = value < 0 ? (ulong)(-(value + 1)) + 1 : (ulong)value;
            ulong bits = sizeInBytes == 8 ? (ulong)value : (ulong)value & ((1UL << (sizeInBytes * 8)) - 1);
            return FormatInteger(value < 0, magnitude, bits, format);
        }

        internal static string FormatUInt64(ulong value, string format)
        {
            if (format == null || format.Length == 0)
                return UInt64ToString(value);
            return FormatInteger(false, value, value, format);
        }

        /// <summary>Splits "X8" into 'X' and 8; -1 when no precision is given. Returns '\0' for a custom format.</summary>
        internal static char ParseStandardFormat(string format, out int precision)
        {
            precision = -1;
            char letter = format[0];
            if (!char.IsAsciiLetter(letter))
                return '\0';
            if (format.Length > 1)
            {
                int p = 0;
                for (int i = 1; i < format.Length; i++)
                {
                    char c = format[i];
                    if (!char.IsAsciiDigit(c))
                        return '\0';
                    if (p < 1_000_000_000) p = p * 10 + (c - '0');
                }
                if (p > 999_999_999)
                    throw new FormatException("Format specifier was invalid.");
                precision = p;
            }
            if (precision > MaxSupportedPrecision)
                ThrowHelpers.ThrowNotSupported("A format precision above " + Int64ToString(MaxSupportedPrecision) + " is not supported.");
            return letter;
        }

        private static string FormatInteger(bool negative, ulong magnitude, ulong bits, string format)
        {
            char letter = ParseStandardFormat(format, out int precision);
            if (letter == '\0')
                return FormatCustomInteger(negative, magnitude, format);
            byte* digits = stackalloc byte[20];
            int count = IntegerDigits(magnitude, digits);
            char* buffer = stackalloc char[2 * MaxSupportedPrecision + 64];
            int length = 0;
            switch (letter)
            {
                case 'D': case 'd':
                    if (negative) buffer[length++] = '-';
                    for (int i = count; i < precision; i++) buffer[length++] = '0';
                    for (int i = 0; i < count; i++) buffer[length++] = (char)('0' + digits[i]);
                    break;
                case 'X': case 'x':
                {
                    char a = letter == 'X' ? 'A' : 'a';
                    int hexCount = 1;
                    while (hexCount < 16 && (bits >> (4 * hexCount)) != 0) hexCount++;
                    for (int i = hexCount; i < precision; i++) buffer[length++] = '0';
                    for (int i = hexCount - 1; i >= 0; i--)
                    {
                        int nibble = (int)(bits >> (4 * i)) & 0xF;
                        buffer[length++] = (char)(nibble < 10 ? '0' + nibble : a + nibble - 10);
                    }
                    break;
                }
                case 'N': case 'n':
                    if (negative) buffer[length++] = '-';
                    length = WriteFixed(digits, count, count, precision < 0 ? 2 : precision, true, buffer, length);
                    break;
                case 'F': case 'f':
                    if (negative) buffer[length++] = '-';
                    length = WriteFixed(digits, count, count, precision < 0 ? 2 : precision, false, buffer, length);
                    break;
                case 'P': case 'p':
                    if (negative) buffer[length++] = '-';
                    // Times 100: two more integer digits (none when the value is zero).
                    length = WriteFixed(digits, count, magnitude == 0 ? count : count + 2, precision < 0 ? 2 : precision, true, buffer, length);
                    buffer[length++] = ' ';
                    buffer[length++] = '%';
                    break;
                case 'C': case 'c':
                    if (negative) buffer[length++] = '(';
                    buffer[length++] = '\u00A4';
                    length = WriteFixed(digits, count, count, precision < 0 ? 2 : precision, true, buffer, length);
                    if (negative) buffer[length++] = ')';
                    break;
                case 'E': case 'e':
                    if (negative) buffer[length++] = '-';
                    length = WriteScientific(digits, count, count - 1, precision < 0 ? 6 : precision, letter == 'E' ? 'E' : 'e', 3, false, buffer, length);
                    break;
                case 'G': case 'g': case 'R': case 'r':
                    // .NET treats "R" on an integer as "G": the plain digits.
                    if (letter == 'R' || letter == 'r') precision = -1;
                    if (negative) buffer[length++] = '-';
                    if (precision <= 0 || precision >= count)
                    {
                        for (int i = 0; i < count; i++) buffer[length++] = (char)('0' + digits[i]);
                    }
                    else
                    {
                        length = WriteScientific(digits, count, count - 1, precision - 1, letter == 'G' ? 'E' : 'e', 2, true, buffer, length);
                    }
                    break;
                default:
                    throw new FormatException("Format specifier was invalid.");
            }
            return string.CreateFromChars(buffer, length);
        }

        /// <summary>Decimal digits of value, most significant first ("0" for zero).</summary>
        private static int IntegerDigits(ulong value, byte* digits)
        {
            int count = 0;
            do { digits[count++] = (byte)(value % 10); value /= 10; } while (value != 0);
            for (int i = 0, j = count - 1; i < j; i++, j--) { byte t = digits[i]; digits[i] = digits[j]; digits[j] = t; }
            return count;
        }

        /// <summary>
        /// The integer part (digits[0..integerDigits), zeros past count) optionally grouped, then
        /// 'decimals' fraction digits (zeros past count).
        /// </summary>
        private static int WriteFixed(byte* digits, int count, int integerDigits, int decimals, bool group, char* buffer, int length)
        {
            for (int i = 0; i < integerDigits; i++)
            {
                if (group && i > 0 && (integerDigits - i) % 3 == 0) buffer[length++] = ',';
                buffer[length++] = i < count ? (char)('0' + digits[i]) : '0';
            }
            if (decimals > 0)
            {
                buffer[length++] = '.';
                for (int i = 0; i < decimals; i++)
                {
                    int k = integerDigits + i;
                    buffer[length++] = k < count ? (char)('0' + digits[k]) : '0';
                }
            }
            return length;
        }

        /// <summary>
        /// d.ddd E+xxx with 'decimals' fraction digits, rounding half away from zero as .NET's
        /// RoundNumber does on exact digits; G trims trailing zeros and the point.
        /// </summary>
        private static int WriteScientific(byte* digits, int count, int exponent, int decimals, char e, int minExponentDigits, bool trim, char* buffer, int length)
        {
            int keep = decimals + 1;
            byte* rounded = stackalloc byte[keep + 1];
            for (int i = 0; i < keep; i++) rounded[i] = i < count ? digits[i] : (byte)0;
            if (keep < count && digits[keep] >= 5)
            {
                int i = keep - 1;
                while (i >= 0 && rounded[i] == 9) rounded[i--] = 0;
                if (i >= 0) rounded[i]++;
                else { rounded[0] = 1; exponent++; }
            }
            if (count == 1 && digits[0] == 0) exponent = 0;
            int shown = keep;
            if (trim) while (shown > 1 && rounded[shown - 1] == 0) shown--;
            buffer[length++] = (char)('0' + rounded[0]);
            if (shown > 1)
            {
                buffer[length++] = '.';
                for (int i = 1; i < shown; i++) buffer[length++] = (char)('0' + rounded[i]);
            }
            buffer[length++] = e;
            buffer[length++] = exponent < 0 ? '-' : '+';
            int magnitude = exponent < 0 ? -exponent : exponent;
            byte* expDigits = stackalloc byte[10];
            int expCount = IntegerDigits((ulong)magnitude, expDigits);
            for (int i = expCount; i < minExponentDigits; i++) buffer[length++] = '0';
            for (int i = 0; i < expCount; i++) buffer[length++] = (char)('0' + expDigits[i]);
            return length;
        }

        /// <summary>
        /// The shortest round-trip form for null, "", "R" and "G" (what .NET Core 3.0+ prints), else
        /// the standard formats on the exact binary value, rounded half to even as .NET does.
        /// </summary>
        internal static string FormatFloatingPoint(double value, string format, string shortest)
        {
            if (format == null || format.Length == 0)
                return shortest;
            char letter = ParseStandardFormat(format, out int precision);
            if (letter == '\0')
                return double.IsNaN(value) || double.IsInfinity(value) ? shortest : FormatCustomFloatingPoint(value, format);
            if ((letter == 'G' || letter == 'g' || letter == 'R' || letter == 'r') && precision <= 0)
                return letter == 'g' ? LowerExponent(shortest) : shortest;
            if (double.IsNaN(value) || double.IsInfinity(value))
                return shortest;
            bool negative = double.IsNegative(value);
            int capacity = 2 * MaxSupportedPrecision + 400;
            byte* digits = stackalloc byte[capacity];
            char* buffer = stackalloc char[2 * capacity + 64];
            int length = 0;
            int k = 0, count = 0;
            switch (letter)
            {
                case 'F': case 'f': case 'N': case 'n': case 'P': case 'p': case 'C': case 'c':
                {
                    int decimals = precision < 0 ? 2 : precision;
                    bool percent = letter == 'P' || letter == 'p';
                    if (value != 0)
                        count = Testbed.Runtime.NumberFormatting.ExactDigits(value, true, percent ? decimals + 2 : decimals, digits, capacity, out k);
                    if (count == 0) k = -1;
                    else if (percent) k += 2;
                    bool currency = letter == 'C' || letter == 'c';
                    if (negative) buffer[length++] = currency ? '(' : '-';
                    if (currency) buffer[length++] = '\u00A4';
                    length = WriteFixedFromDigits(digits, count, k, decimals, letter != 'F' && letter != 'f', buffer, length);
                    if (percent) { buffer[length++] = ' '; buffer[length++] = '%'; }
                    if (currency && negative) buffer[length++] = ')';
                    break;
                }
                case 'E': case 'e':
                {
                    int decimals = precision < 0 ? 6 : precision;
                    if (value != 0)
                        count = Testbed.Runtime.NumberFormatting.ExactDigits(value, false, decimals + 1, digits, capacity, out k);
                    else { digits[0] = 0; count = 1; }
                    if (negative) buffer[length++] = '-';
                    length = WriteScientific(digits, count, k, decimals, letter == 'E' ? 'E' : 'e', 3, false, buffer, length);
                    break;
                }
                case 'G': case 'g': case 'R': case 'r':
                {
                    if (value != 0)
                        count = Testbed.Runtime.NumberFormatting.ExactDigits(value, false, precision, digits, capacity, out k);
                    else { digits[0] = 0; count = 1; }
                    while (count > 1 && digits[count - 1] == 0) count--;
                    if (negative) buffer[length++] = '-';
                    // .NET switches to scientific when the decimal point would sit more than three zeros before the digits.
                    if (k >= precision || k < -4)
                        length = WriteScientific(digits, count, k, count - 1, letter == 'g' ? 'e' : 'E', 2, true, buffer, length);
                    else
                        length = WriteFixedFromDigits(digits, count, k, count - 1 - k > 0 ? count - 1 - k : 0, false, buffer, length);
                    break;
                }
                default:
                    throw new FormatException("Format specifier was invalid.");
            }
            return string.CreateFromChars(buffer, length);
        }

        /// <summary>Digits with weight 10^k for the first, laid out with 'decimals' fraction digits (zeros where digits run out).</summary>
        private static int WriteFixedFromDigits(byte* digits, int count, int k, int decimals, bool group, char* buffer, int length)
        {
            int integerDigits = k >= 0 ? k + 1 : 0;
            if (integerDigits == 0) buffer[length++] = '0';
            for (int i = 0; i < integerDigits; i++)
            {
                if (group && i > 0 && (integerDigits - i) % 3 == 0) buffer[length++] = ',';
                buffer[length++] = i < count ? (char)('0' + digits[i]) : '0';
            }
            if (decimals > 0)
            {
                buffer[length++] = '.';
                for (int i = 1; i <= decimals; i++)
                {
                    // The i-th fraction digit has weight 10^-i, which is digit index k + i.
                    int index = k + i;
                    buffer[length++] = index >= 0 && index < count ? (char)('0' + digits[index]) : '0';
                }
            }
            return length;
        }

        private static string LowerExponent(string text)
        {
            int e = text.IndexOf('E');
            return e < 0 ? text : text.Substring(0, e) + "e" + text.Substring(e + 1);
        }
    }
}
