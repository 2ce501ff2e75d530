using System.Globalization;
using System.Runtime;
using Testbed.Runtime;

namespace System
{
    public readonly struct Char : IComparable, IComparable<char>, IEquatable<char>
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly char m_value;
#pragma warning restore CS0649

        public const char MaxValue = (char)0xFFFF;
        public const char MinValue = (char)0x00;

        public override string ToString() => string.CreateFromChar(m_value);

        public static string ToString(char c) => string.CreateFromChar(c);

        public bool Equals(char obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value | ((int)m_value << 16);

        public override bool Equals(object obj) => obj is char other && Equals(other);

        // .NET returns the difference for types narrower than int, and programs may print it.
        public int CompareTo(char value) => m_value - value;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is char other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Char.");
        }

        public static bool IsAscii(char c) => c <= '\x007f';

        public static bool IsAsciiDigit(char c) => (uint)(c - '0') <= 9;

        public static bool IsAsciiLetter(char c) => (uint)((c | 0x20) - 'a') <= 'z' - 'a';

        public static bool IsAsciiLetterLower(char c) => (uint)(c - 'a') <= 'z' - 'a';

        public static bool IsAsciiLetterUpper(char c) => (uint)(c - 'A') <= 'Z' - 'A';

        public static bool IsAsciiHexDigit(char c) => IsAsciiDigit(c) || (uint)((c | 0x20) - 'a') <= 'f' - 'a';

        public static bool IsHighSurrogate(char c) => (uint)(c - 0xD800) <= 0x3FF;

        public static bool IsLowSurrogate(char c) => (uint)(c - 0xDC00) <= 0x3FF;

        public static bool IsSurrogate(char c) => (uint)(c - 0xD800) <= 0x7FF;

        public static bool IsSurrogatePair(char highSurrogate, char lowSurrogate) =>
            IsHighSurrogate(highSurrogate) && IsLowSurrogate(lowSurrogate);

        // Latin-1 is answered from the bits; beyond it from Unicode's tables (Testbed.Runtime.UnicodeData,
        // generated from .NET's own data, so every answer is .NET's).

        public static bool IsWhiteSpace(char c)
        {
            if (c < 0x100) return c == ' ' || (uint)(c - '\t') <= '\r' - '\t' || c == '\u00A0' || c == '\u0085';
            return c == '\u1680' || (uint)(c - 0x2000) <= 0x0A || c == '\u2028' || c == '\u2029' || c == '\u202F' || c == '\u205F' || c == '\u3000';
        }

        public static UnicodeCategory GetUnicodeCategory(char c) => UnicodeData.Category(c);

        public static UnicodeCategory GetUnicodeCategory(string s, int index) => CharUnicodeInfo.GetUnicodeCategory(s, index);

        public static bool IsDigit(char c) => c < 0x100 ? IsAsciiDigit(c) : UnicodeData.Category(c) == UnicodeCategory.DecimalDigitNumber;

        public static bool IsNumber(char c) =>
            c < 0x100 ? IsAsciiDigit(c) || c == '\u00B2' || c == '\u00B3' || c == '\u00B9' || (uint)(c - 0xBC) <= 2 : IsNumber(UnicodeData.Category(c));

        public static bool IsLetter(char c) => c < 0x100 ? IsUpperLatin1(c) || IsLowerLatin1(c) || c == '\u00AA' || c == '\u00BA' : IsLetter(UnicodeData.Category(c));

        public static bool IsLetterOrDigit(char c) => IsLetter(c) || IsDigit(c);

        public static bool IsUpper(char c) => c < 0x100 ? IsUpperLatin1(c) : UnicodeData.Category(c) == UnicodeCategory.UppercaseLetter;

        public static bool IsLower(char c) => c < 0x100 ? IsLowerLatin1(c) : UnicodeData.Category(c) == UnicodeCategory.LowercaseLetter;

        public static bool IsControl(char c) => c < 0x20 || (uint)(c - 0x7F) < 0x21;

        public static bool IsPunctuation(char c)
        {
            if (c >= 0x100) return IsPunctuation(UnicodeData.Category(c));
            switch (c)
            {
                case '!': case '"': case '#': case '%': case '&': case '\'': case '(': case ')': case '*': case ',':
                case '-': case '.': case '/': case ':': case ';': case '?': case '@': case '[': case '\\': case ']':
                case '_': case '{': case '}': case '\u00A1': case '\u00A7': case '\u00AB': case '\u00B6': case '\u00B7':
                case '\u00BB': case '\u00BF':
                    return true;
                default:
                    return false;
            }
        }

        public static bool IsSeparator(char c) => c < 0x100 ? c == ' ' || c == '\u00A0' : IsSeparator(UnicodeData.Category(c));

        public static bool IsSymbol(char c)
        {
            if (c >= 0x100) return IsSymbol(UnicodeData.Category(c));
            switch (c)
            {
                case '$': case '+': case '<': case '=': case '>': case '^': case '`': case '|': case '~':
                case '\u00A2': case '\u00A3': case '\u00A4': case '\u00A5': case '\u00A6': case '\u00A8': case '\u00A9':
                case '\u00AC': case '\u00AE': case '\u00AF': case '\u00B0': case '\u00B1': case '\u00B4': case '\u00B8':
                case '\u00D7': case '\u00F7':
                    return true;
                default:
                    return false;
            }
        }

        private static bool IsLetter(UnicodeCategory c) => (uint)c <= (uint)UnicodeCategory.OtherLetter;
        private static bool IsNumber(UnicodeCategory c) => (uint)(c - UnicodeCategory.DecimalDigitNumber) <= UnicodeCategory.OtherNumber - UnicodeCategory.DecimalDigitNumber;
        private static bool IsPunctuation(UnicodeCategory c) => (uint)(c - UnicodeCategory.ConnectorPunctuation) <= UnicodeCategory.OtherPunctuation - UnicodeCategory.ConnectorPunctuation;
        private static bool IsSeparator(UnicodeCategory c) => (uint)(c - UnicodeCategory.SpaceSeparator) <= UnicodeCategory.ParagraphSeparator - UnicodeCategory.SpaceSeparator;
        private static bool IsSymbol(UnicodeCategory c) => (uint)(c - UnicodeCategory.MathSymbol) <= UnicodeCategory.OtherSymbol - UnicodeCategory.MathSymbol;

        // The (string, index) forms read a surrogate pair at the index as one code point, as .NET does.

        public static bool IsWhiteSpace(string s, int index) => IsWhiteSpace(CharAt(s, index));

        public static bool IsDigit(string s, int index) =>
            CharAt(s, index) < 0x100 ? IsAsciiDigit(s[index]) : UnicodeData.Category(s, index) == UnicodeCategory.DecimalDigitNumber;

        public static bool IsLetter(string s, int index) => CharAt(s, index) < 0x100 ? IsLetter(s[index]) : IsLetter(UnicodeData.Category(s, index));

        public static bool IsLetterOrDigit(string s, int index) => IsLetter(s, index) || IsDigit(s, index);

        public static bool IsUpper(string s, int index) => CharAt(s, index) < 0x100 ? IsUpperLatin1(s[index]) : UnicodeData.Category(s, index) == UnicodeCategory.UppercaseLetter;

        public static bool IsLower(string s, int index) => CharAt(s, index) < 0x100 ? IsLowerLatin1(s[index]) : UnicodeData.Category(s, index) == UnicodeCategory.LowercaseLetter;

        private static char CharAt(string s, int index)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNull(nameof(s));
            if ((uint)index >= (uint)s.Length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index));
            return s[index];
        }

        /// <summary>Invariant simple case mapping (what .NET 8+ does under invariant globalization).</summary>
        public static char ToUpperInvariant(char c)
        {
            if (c < 0x80) return (uint)(c - 'a') <= 'z' - 'a' ? (char)(c - 0x20) : c;
            return UnicodeData.ToUpper(c);
        }

        public static char ToLowerInvariant(char c)
        {
            if (c < 0x80) return (uint)(c - 'A') <= 'Z' - 'A' ? (char)(c + 0x20) : c;
            return UnicodeData.ToLower(c);
        }

        public static char ToUpper(char c) => ToUpperInvariant(c);

        public static char ToLower(char c) => ToLowerInvariant(c);

        private const string InvalidUtf32 = "A valid UTF32 value is between 0x000000 and 0x10ffff, inclusive, and should not include surrogate codepoint values (0x00d800 ~ 0x00dfff).";

        public static int ConvertToUtf32(char highSurrogate, char lowSurrogate)
        {
            if (!IsHighSurrogate(highSurrogate))
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(highSurrogate), "A valid high surrogate character is between 0xd800 and 0xdbff, inclusive.");
            if (!IsLowSurrogate(lowSurrogate))
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(lowSurrogate), "A valid low surrogate character is between 0xdc00 and 0xdfff, inclusive.");
            return ((highSurrogate - 0xD800) << 10) + (lowSurrogate - 0xDC00) + 0x10000;
        }

        public static int ConvertToUtf32(string s, int index)
        {
            if (s == null) ThrowHelpers.ThrowArgumentNull(nameof(s));
            if ((uint)index >= (uint)s.Length)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
            char c = s[index];
            if (!IsSurrogate(c)) return c;
            if (IsHighSurrogate(c))
            {
                if (index + 1 < s.Length && IsLowSurrogate(s[index + 1])) return ConvertToUtf32(c, s[index + 1]);
                ThrowHelpers.ThrowArgument(nameof(s), "Found a high surrogate char without a following low surrogate at index: " + index.ToString() + ". The input may not be in this encoding, or may not contain valid Unicode (UTF-16) characters.");
            }
            ThrowHelpers.ThrowArgument(nameof(s), "Found a low surrogate char without a preceding high surrogate at index: " + index.ToString() + ". The input may not be in this encoding, or may not contain valid Unicode (UTF-16) characters.");
            return 0;
        }

        public static string ConvertFromUtf32(int utf32)
        {
            if ((uint)utf32 > 0x10FFFF || (uint)(utf32 - 0xD800) <= 0x7FF)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(utf32), InvalidUtf32);
            if (utf32 < 0x10000) return string.CreateFromChar((char)utf32);
            utf32 -= 0x10000;
            return string.Concat(string.CreateFromChar((char)(0xD800 + (utf32 >> 10))), string.CreateFromChar((char)(0xDC00 + (utf32 & 0x3FF))));
        }

        public static bool IsAsciiLetterOrDigit(char c) => IsAsciiLetter(c) || IsAsciiDigit(c);

        public static bool IsBetween(char c, char minInclusive, char maxInclusive) => (uint)(c - minInclusive) <= (uint)(maxInclusive - minInclusive);

        private static bool IsUpperLatin1(char c) => (uint)(c - 'A') <= 'Z' - 'A' || ((uint)(c - 0xC0) <= 0xDE - 0xC0 && c != '\u00D7');

        private static bool IsLowerLatin1(char c) =>
            (uint)(c - 'a') <= 'z' - 'a' || c == '\u00B5' || ((uint)(c - 0xDF) <= 0xFF - 0xDF && c != '\u00F7');

    }
}
