namespace System
{
    /// <summary>
    /// Custom numeric format strings ("0.00", "#,##0", "0.#%", "00E+0", "'lit'", "pos;neg;zero"), a
    /// transcription of .NET's NumberToStringFormat over its number buffer: ASCII digits without the
    /// point, Scale = the decimal exponent after the last integer digit. Doubles enter with 15
    /// significant digits, as .NET's custom formatting takes them, then round half away from zero.
    /// </summary>
    internal static unsafe partial class Number
    {
        private const int CustomDigitsCapacity = 400;

        internal static string FormatCustomInteger(bool negative, ulong magnitude, string format)
        {
            char* digits = stackalloc char[CustomDigitsCapacity];
            byte* raw = stackalloc byte[20];
            int count = magnitude == 0 ? 0 : IntegerDigits(magnitude, raw);
            for (int i = 0; i < count; i++) digits[i] = (char)('0' + raw[i]);
            digits[count] = '\0';
            return FormatCustom(digits, count, negative, false, format);
        }

        internal static string FormatCustomFloatingPoint(double value, string format)
        {
            char* digits = stackalloc char[CustomDigitsCapacity];
            byte* raw = stackalloc byte[CustomDigitsCapacity];
            int count = 0, k = 0;
            if (value != 0)
                count = Testbed.Runtime.NumberFormatting.ExactDigits(value, false, 15, raw, CustomDigitsCapacity - 1, out k);
            while (count > 0 && raw[count - 1] == 0) count--;
            for (int i = 0; i < count; i++) digits[i] = (char)('0' + raw[i]);
            digits[count] = '\0';
            return FormatCustom(digits, count == 0 ? 0 : k + 1, double.IsNegative(value), true, format);
        }

        private static int FindSection(string format, int section)
        {
            if (section == 0) return 0;
            int src = 0;
            while (true)
            {
                if (src >= format.Length) return 0;
                char ch = format[src++];
                switch (ch)
                {
                    case '\'':
                    case '"':
                        while (src < format.Length && format[src] != 0 && format[src++] != ch) { }
                        break;
                    case '\\':
                        if (src < format.Length && format[src] != 0) src++;
                        break;
                    case ';':
                        if (--section != 0) break;
                        if (src < format.Length && format[src] != 0 && format[src] != ';') return src;
                        return 0;
                    case '\0':
                        return 0;
                }
            }
        }

        /// <summary>RoundNumber with isCorrectlyRounded false: half away from zero on the digits; trailing zeros dropped.</summary>
        private static void RoundDigits(char* dig, ref int scale, ref bool negative, bool floatingPoint, int pos)
        {
            int i = 0;
            while (i < pos && dig[i] != '\0') i++;
            if (i == pos && dig[i] != '\0' && dig[i] >= '5')
            {
                while (i > 0 && dig[i - 1] == '9') i--;
                if (i > 0) dig[i - 1]++;
                else
                {
                    scale++;
                    dig[0] = '1';
                    i = 1;
                }
            }
            else
            {
                while (i > 0 && dig[i - 1] == '0') i--;
            }
            if (i == 0)
            {
                if (!floatingPoint) negative = false;
                scale = 0;
            }
            dig[i] = '\0';
        }

        private static string FormatCustom(char* dig, int scale, bool negative, bool floatingPoint, string format)
        {
            int digitCount, decimalPos, firstDigit, lastDigit, digPos, thousandPos, thousandCount = 0, scaleAdjust, adjust, src;
            bool scientific, thousandSeps;
            int section = FindSection(format, dig[0] == '\0' ? 2 : negative ? 1 : 0);
            while (true)
            {
                digitCount = 0;
                decimalPos = -1;
                firstDigit = 0x7FFFFFFF;
                lastDigit = 0;
                scientific = false;
                thousandPos = -1;
                thousandSeps = false;
                scaleAdjust = 0;
                src = section;
                char ch;
                while (src < format.Length && (ch = format[src++]) != 0 && ch != ';')
                {
                    switch (ch)
                    {
                        case '#': digitCount++; break;
                        case '0':
                            if (firstDigit == 0x7FFFFFFF) firstDigit = digitCount;
                            digitCount++;
                            lastDigit = digitCount;
                            break;
                        case '.':
                            if (decimalPos < 0) decimalPos = digitCount;
                            break;
                        case ',':
                            if (digitCount > 0 && decimalPos < 0)
                            {
                                if (thousandPos >= 0)
                                {
                                    if (thousandPos == digitCount)
                                    {
                                        thousandCount++;
                                        break;
                                    }
                                    thousandSeps = true;
                                }
                                thousandPos = digitCount;
                                thousandCount = 1;
                            }
                            break;
                        case '%': scaleAdjust += 2; break;
                        case '\u2030': scaleAdjust += 3; break;
                        case '\'':
                        case '"':
                            while (src < format.Length && format[src] != 0 && format[src++] != ch) { }
                            break;
                        case '\\':
                            if (src < format.Length && format[src] != 0) src++;
                            break;
                        case 'E':
                        case 'e':
                            if ((src < format.Length && format[src] == '0') ||
                                (src + 1 < format.Length && (format[src] == '+' || format[src] == '-') && format[src + 1] == '0'))
                            {
                                while (++src < format.Length && format[src] == '0') { }
                                scientific = true;
                            }
                            break;
                    }
                }
                if (decimalPos < 0) decimalPos = digitCount;
                if (thousandPos >= 0)
                {
                    if (thousandPos == decimalPos) scaleAdjust -= thousandCount * 3;
                    else thousandSeps = true;
                }
                if (dig[0] != '\0')
                {
                    scale += scaleAdjust;
                    int pos = scientific ? digitCount : scale + digitCount - decimalPos;
                    RoundDigits(dig, ref scale, ref negative, floatingPoint, pos);
                    if (dig[0] == '\0')
                    {
                        src = FindSection(format, 2);
                        if (src != section)
                        {
                            section = src;
                            continue;
                        }
                    }
                }
                else
                {
                    if (!floatingPoint) negative = false;
                    scale = 0;
                }
                break;
            }
            firstDigit = firstDigit < decimalPos ? decimalPos - firstDigit : 0;
            lastDigit = lastDigit > decimalPos ? decimalPos - lastDigit : 0;
            if (scientific)
            {
                digPos = decimalPos;
                adjust = 0;
            }
            else
            {
                digPos = scale > decimalPos ? scale : decimalPos;
                adjust = scale - decimalPos;
            }
            src = section;
            // Where group separators go, counted in digits left of the point (groups of three).
            int[] separatorPositions = null;
            int separatorIndex = -1;
            if (thousandSeps)
            {
                int totalDigits = digPos + (adjust < 0 ? adjust : 0);
                int numDigits = firstDigit > totalDigits ? firstDigit : totalDigits;
                separatorPositions = new int[numDigits / 3 + 1];
                for (int total = 3; numDigits > total; total += 3) separatorPositions[++separatorIndex] = total;
            }
            var result = new System.Text.StringBuilder();
            if (negative && section == 0 && scale != 0) result.Append('-');
            bool decimalWritten = false;
            char* cur = dig;
            char c;
            while (src < format.Length && (c = format[src++]) != 0 && c != ';')
            {
                if (adjust > 0 && (c == '#' || c == '0' || c == '.'))
                {
                    while (adjust > 0)
                    {
                        result.Append(*cur != '\0' ? *cur++ : '0');
                        if (thousandSeps && digPos > 1 && separatorIndex >= 0 && digPos == separatorPositions[separatorIndex] + 1)
                        {
                            result.Append(',');
                            separatorIndex--;
                        }
                        digPos--;
                        adjust--;
                    }
                }
                switch (c)
                {
                    case '#':
                    case '0':
                    {
                        char d;
                        if (adjust < 0)
                        {
                            adjust++;
                            d = digPos <= firstDigit ? '0' : '\0';
                        }
                        else
                        {
                            d = *cur != '\0' ? *cur++ : digPos > lastDigit ? '0' : '\0';
                        }
                        if (d != '\0')
                        {
                            result.Append(d);
                            if (thousandSeps && digPos > 1 && separatorIndex >= 0 && digPos == separatorPositions[separatorIndex] + 1)
                            {
                                result.Append(',');
                                separatorIndex--;
                            }
                        }
                        digPos--;
                        break;
                    }
                    case '.':
                        if (digPos != 0 || decimalWritten) break;
                        if (lastDigit < 0 || (decimalPos < digitCount && *cur != '\0'))
                        {
                            result.Append('.');
                            decimalWritten = true;
                        }
                        break;
                    case '\u2030': result.Append('\u2030'); break;
                    case '%': result.Append('%'); break;
                    case ',': break;
                    case '\'':
                    case '"':
                        while (src < format.Length && format[src] != 0 && format[src] != c) result.Append(format[src++]);
                        if (src < format.Length && format[src] != 0) src++;
                        break;
                    case '\\':
                        if (src < format.Length && format[src] != 0) result.Append(format[src++]);
                        break;
                    case 'E':
                    case 'e':
                    {
                        bool positiveSign = false;
                        int minDigits = 0;
                        if (scientific)
                        {
                            if (src < format.Length && format[src] == '0') minDigits++;
                            else if (src + 1 < format.Length && format[src] == '+' && format[src + 1] == '0') positiveSign = true;
                            else if (src + 1 < format.Length && format[src] == '-' && format[src + 1] == '0') { }
                            else
                            {
                                result.Append(c);
                                break;
                            }
                            while (++src < format.Length && format[src] == '0') minDigits++;
                            if (minDigits > 10) minDigits = 10;
                            int exp = dig[0] == '\0' ? 0 : scale - decimalPos;
                            result.Append(c);
                            if (exp < 0)
                            {
                                result.Append('-');
                                exp = -exp;
                            }
                            else if (positiveSign) result.Append('+');
                            string expText = Int64ToString(exp);
                            for (int i = expText.Length; i < minDigits; i++) result.Append('0');
                            result.Append(expText);
                            scientific = false;
                        }
                        else
                        {
                            result.Append(c);
                            if (src < format.Length)
                            {
                                if (format[src] == '+' || format[src] == '-') result.Append(format[src++]);
                                while (src < format.Length && format[src] == '0') result.Append(format[src++]);
                            }
                        }
                        break;
                    }
                    default:
                        result.Append(c);
                        break;
                }
            }
            if (negative && section == 0 && scale == 0 && result.Length > 0) result.Insert(0, "-");
            return result.ToString();
        }
    }
}
