using System;
using System.Globalization;

namespace Kv.Util
{
    /// <summary>
    /// Number text exactly as Redis reads and writes it: integers strictly (no sign '+', no leading zeros
    /// or spaces, as string2ll), doubles as strtod without surrounding space or NaN, replies with C's
    /// "%.17g" (Redis 7.0's addReplyDouble), INCRBYFLOAT's "%.17Lf" with trailing zeros cut.
    /// </summary>
    internal static class Numbers
    {
        public static bool TryParseInt64(ReadOnlySpan<byte> s, out long value)
        {
            value = 0;
            if (s.Length == 0 || s.Length > 20)
                return false;
            if (s.Length == 1 && s[0] == (byte)'0')
                return true;
            int i = 0;
            bool negative = false;
            if (s[0] == (byte)'-')
            {
                negative = true;
                i = 1;
                if (s.Length == 1)
                    return false;
            }
            if (s[i] < (byte)'1' || s[i] > (byte)'9')
                return false;
            ulong v = 0;
            for (; i < s.Length; i++)
            {
                uint d = (uint)(s[i] - (byte)'0');
                if (d > 9)
                    return false;
                if (v > (ulong.MaxValue - d) / 10)
                    return false;
                v = v * 10 + d;
            }
            if (negative)
            {
                if (v > (ulong)long.MaxValue + 1)
                    return false;
                value = (long)(0 - v);
            }
            else
            {
                if (v > long.MaxValue)
                    return false;
                value = (long)v;
            }
            return true;
        }

        /// <summary>
        /// A score range bound as zslParseRange reads it: plain strtod over the whole text, so leading
        /// spaces are skipped, an empty text is 0 and out-of-range values become ±inf or 0.
        /// </summary>
        public static bool TryParseRangeBound(ReadOnlySpan<byte> s, out double value)
        {
            value = 0;
            if (s.Length == 0)
                return true;
            int i = 0;
            while (i < s.Length && IsSpace(s[i])) i++;
            return TryParseDouble(s.Slice(i), out value, true);
        }

        public static bool TryParseDouble(ReadOnlySpan<byte> s, out double value) => TryParseDouble(s, out value, false);

        private static bool TryParseDouble(ReadOnlySpan<byte> s, out double value, bool allowRangeErrors)
        {
            value = 0;
            if (s.Length == 0 || s.Length > 5000 || IsSpace(s[0]) || IsSpace(s[s.Length - 1]))
                return false;
            string text = Ascii(s);
            string lower = text.ToLowerInvariant();
            switch (lower)
            {
                case "inf": case "+inf": case "infinity": case "+infinity":
                    value = double.PositiveInfinity;
                    return true;
                case "-inf": case "-infinity":
                    value = double.NegativeInfinity;
                    return true;
            }
            int start = lower.Length > 0 && (lower[0] == '-' || lower[0] == '+') ? 1 : 0;
            if (lower.Length > start + 1 && lower[start] == '0' && lower[start + 1] == 'x')
                return TryParseHex(lower, start + 2, lower[0] == '-', out value) || (allowRangeErrors && HexInRangeError(lower, start + 2, lower[0] == '-', out value));
            // strtod's syntax: sign, digits with one optional point, optional exponent. Checking the
            // characters first keeps .NET's extra spellings ("NaN", "Infinity", "∞", thousands) out.
            bool nonZeroDigit = false;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (c == 'e' || c == 'E')
                    break;
                if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '+'))
                    return false;
                if (c >= '1' && c <= '9')
                    nonZeroDigit = true;
            }
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (!((c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '-' || c == '+'))
                    return false;
            }
            if (!double.TryParse(text, NumberStyles.Float, null, out value))
                return false;
            // strtod's ERANGE cases, which Redis rejects: overflow to infinity, underflow to zero.
            if (!allowRangeErrors && (double.IsInfinity(value) || (value == 0 && nonZeroDigit)))
                return false;
            return !double.IsNaN(value);
        }

        /// <summary>A hexadecimal float that failed only for its range: the ±inf or 0 strtod returns.</summary>
        private static bool HexInRangeError(string s, int i, bool negative, out double value) => TryParseHex(s, i, negative, out value, true);

        private static bool TryParseHex(string s, int i, bool negative, out double value) => TryParseHex(s, i, negative, out value, false);

        /// <summary>strtod's hexadecimal form: 0x1.8p3, 0xA, 0x.8 (the prefix already read).</summary>
        private static bool TryParseHex(string s, int i, bool negative, out double value, bool syntaxOnly)
        {
            value = 0;
            ulong mantissa = 0;
            int exponent = 0, digits = 0;
            bool point = false;
            for (; i < s.Length; i++)
            {
                char c = s[i];
                int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
                if (d >= 0)
                {
                    digits++;
                    if (mantissa >> 56 == 0) { mantissa = mantissa * 16 + (ulong)d; if (point) exponent -= 4; }
                    else if (!point) exponent += 4;
                }
                else if (c == '.' && !point) point = true;
                else break;
            }
            if (digits == 0)
                return false;
            if (i < s.Length && s[i] == 'p')
            {
                int j = i + 1;
                bool expNegative = j < s.Length && s[j] == '-';
                if (j < s.Length && (s[j] == '-' || s[j] == '+')) j++;
                if (j >= s.Length || s[j] < '0' || s[j] > '9')
                    return false;
                long x = 0;
                for (; j < s.Length && s[j] >= '0' && s[j] <= '9'; j++)
                    if (x < 100000) x = x * 10 + (s[j] - '0');
                exponent += (int)(expNegative ? -x : x);
                i = j;
            }
            if (i != s.Length)
                return false;
            value = Math.ScaleB((double)mantissa, exponent);
            if (negative) value = -value;
            return syntaxOnly || (!double.IsInfinity(value) && !(value == 0 && mantissa != 0));
        }

        /// <summary>C's printf("%.17g"): .NET's "G17" spells the exponent with a capital E.</summary>
        public static string FormatG17(double d)
        {
            if (double.IsPositiveInfinity(d)) return "inf";
            if (double.IsNegativeInfinity(d)) return "-inf";
            // Invariant formatting: the core library has only the invariant culture, and the CoreCLR build
            // runs with InvariantGlobalization.
            string s = d.ToString("G17");
            return s.IndexOf('E') >= 0 ? s.Replace('E', 'e') : s;
        }

        /// <summary>
        /// INCRBYFLOAT's result: Redis adds in long double and prints "%.17Lf" without trailing zeros;
        /// LongDouble reproduces both bit for bit. <paramref name="notFloat"/> tells a bad operand from a
        /// NaN or infinite sum.
        /// </summary>
        public static bool TryIncrByFloat(ReadOnlySpan<byte> current, ReadOnlySpan<byte> increment, out string result, out bool notFloat)
        {
            result = null;
            notFloat = false;
            if (!LongDouble.TryParse(current, out LongDouble a) || !LongDouble.TryParse(increment, out LongDouble b))
            {
                notFloat = true;
                return false;
            }
            LongDouble sum = LongDouble.Add(a, b);
            if (sum.Infinite)
                return false;
            result = sum.ToHumanString();
            return true;
        }

        private static bool IsSpace(byte b) => b == (byte)' ' || (b >= 9 && b <= 13);

        public static string Ascii(ReadOnlySpan<byte> s)
        {
            var chars = new char[s.Length];
            for (int i = 0; i < s.Length; i++)
                chars[i] = (char)s[i];
            return new string(chars);
        }
    }
}
