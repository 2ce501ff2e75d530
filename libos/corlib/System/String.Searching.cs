using System.Runtime;

namespace System
{
    /// <summary>Searching and comparing: ordinal, or ordinal ignoring case (see StringComparison).</summary>
    public sealed unsafe partial class String
    {
        public bool Contains(string value)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            return IndexOfOrdinal(value, 0, _stringLength, false) >= 0;
        }

        public bool Contains(string value, StringComparison comparisonType)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            return IndexOfOrdinal(value, 0, _stringLength, IgnoreCase(comparisonType)) >= 0;
        }

        public bool Contains(char value, StringComparison comparisonType) => IndexOf(CreateFromChar(value), comparisonType) >= 0;

        public int IndexOf(char value, int startIndex, int count)
        {
            if ((uint)startIndex > (uint)_stringLength)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            if ((uint)count > (uint)(_stringLength - startIndex))
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            int found = SpanHelpers.IndexOfChar(GetCharPointer() + startIndex, count, value);
            return found < 0 ? -1 : startIndex + found;
        }

        public int IndexOf(string value) => IndexOf(value, 0, StringComparison.CurrentCulture);

        public int IndexOf(string value, int startIndex) => IndexOf(value, startIndex, StringComparison.CurrentCulture);

        public int IndexOf(string value, StringComparison comparisonType) => IndexOf(value, 0, comparisonType);

        public int IndexOf(string value, int startIndex, StringComparison comparisonType)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            if ((uint)startIndex > (uint)_stringLength)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            return IndexOfOrdinal(value, startIndex, _stringLength - startIndex, IgnoreCase(comparisonType));
        }

        public int IndexOf(string value, int startIndex, int count)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            if ((uint)startIndex > (uint)_stringLength)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            if ((uint)count > (uint)(_stringLength - startIndex))
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Count must be positive and count must refer to a location within the string/array/collection.");
            return IndexOfOrdinal(value, startIndex, count, false);
        }

        public int IndexOfAny(char[] anyOf) => IndexOfAny(anyOf, 0);

        public int IndexOfAny(char[] anyOf, int startIndex)
        {
            if (anyOf == null) ThrowHelpers.ThrowArgumentNull(nameof(anyOf));
            if ((uint)startIndex > (uint)_stringLength)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            char* p = GetCharPointer();
            if (anyOf.Length is > 0 and <= 3)
            {
                char last = anyOf[anyOf.Length - 1];
                int found = SpanHelpers.IndexOfAnyChar(p + startIndex, _stringLength - startIndex, anyOf[0], anyOf.Length > 1 ? anyOf[1] : last, last);
                return found < 0 ? -1 : startIndex + found;
            }
            for (int i = startIndex; i < _stringLength; i++)
            {
                if (Array.IndexOfCore(anyOf, p[i], 0, anyOf.Length) >= 0) return i;
            }
            return -1;
        }

        public int LastIndexOf(char value) => SpanHelpers.LastIndexOfChar(GetCharPointer(), _stringLength, value);

        public int LastIndexOf(string value) => LastIndexOf(value, StringComparison.CurrentCulture);

        public int LastIndexOf(string value, StringComparison comparisonType)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            bool ignoreCase = IgnoreCase(comparisonType);
            for (int i = _stringLength - value._stringLength; i >= 0; i--)
            {
                if (MatchesAt(i, value, ignoreCase)) return i;
            }
            return -1;
        }

        public int LastIndexOfAny(char[] anyOf)
        {
            if (anyOf == null) ThrowHelpers.ThrowArgumentNull(nameof(anyOf));
            char* p = GetCharPointer();
            for (int i = _stringLength - 1; i >= 0; i--)
            {
                if (Array.IndexOfCore(anyOf, p[i], 0, anyOf.Length) >= 0) return i;
            }
            return -1;
        }

        public bool StartsWith(char value) => _stringLength != 0 && _firstChar == value;

        public bool StartsWith(string value) => StartsWith(value, StringComparison.CurrentCulture);

        public bool StartsWith(string value, StringComparison comparisonType)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            return value._stringLength <= _stringLength && MatchesAt(0, value, IgnoreCase(comparisonType));
        }

        public bool EndsWith(char value) => _stringLength != 0 && GetCharPointer()[_stringLength - 1] == value;

        public bool EndsWith(string value) => EndsWith(value, StringComparison.CurrentCulture);

        public bool EndsWith(string value, StringComparison comparisonType)
        {
            if (value == null) ThrowHelpers.ThrowArgumentNull(nameof(value));
            return value._stringLength <= _stringLength && MatchesAt(_stringLength - value._stringLength, value, IgnoreCase(comparisonType));
        }

        public bool Equals(string value, StringComparison comparisonType) => Equals(this, value, comparisonType);

        public static bool Equals(string a, string b, StringComparison comparisonType)
        {
            bool ignoreCase = IgnoreCase(comparisonType);
            if (!ignoreCase) return EqualsCore(a, b);
            if ((object)a == b) return true;
            if (a == null || b == null || a._stringLength != b._stringLength) return false;
            return a.MatchesAt(0, b, true);
        }

        public static int Compare(string strA, string strB, bool ignoreCase) =>
            Compare(strA, strB, ignoreCase ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal);

        public static int Compare(string strA, string strB, StringComparison comparisonType)
        {
            if (!IgnoreCase(comparisonType))
                return comparisonType == StringComparison.Ordinal ? CompareOrdinal(strA, strB) : CompareCulture(strA, strB);
            if ((object)strA == strB) return 0;
            if (strA == null) return -1;
            if (strB == null) return 1;
            int n = strA._stringLength < strB._stringLength ? strA._stringLength : strB._stringLength;
            int difference = CompareIgnoreCase(strA.GetCharPointer(), strB.GetCharPointer(), n);
            return difference != 0 ? difference : strA._stringLength - strB._stringLength;
        }

        public static int CompareOrdinal(string strA, int indexA, string strB, int indexB, int length)
        {
            if (strA == null || strB == null)
            {
                if ((object)strA == strB) return 0;
                return strA == null ? -1 : 1;
            }
            if (length < 0) ThrowHelpers.ThrowNegativeArgument(nameof(length), length);
            if (indexA < 0 || indexB < 0)
                ThrowHelpers.ThrowArgumentOutOfRange(indexA < 0 ? nameof(indexA) : nameof(indexB), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            int lengthA = Math.Min(length, strA._stringLength - indexA);
            int lengthB = Math.Min(length, strB._stringLength - indexB);
            if (lengthA < 0 || lengthB < 0)
                ThrowHelpers.ThrowArgumentOutOfRange(lengthA < 0 ? nameof(indexA) : nameof(indexB), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            if (length == 0 || ((object)strA == strB && indexA == indexB)) return 0;
            return CompareOrdinalRanges(strA.GetCharPointer() + indexA, lengthA, strB.GetCharPointer() + indexB, lengthB);
        }

        /// <summary>The difference of the first chars that differ, else of the lengths (.NET's SequenceCompareTo).</summary>
        private static int CompareOrdinalRanges(char* a, int lengthA, char* b, int lengthB)
        {
            int n = lengthA < lengthB ? lengthA : lengthB;
            for (int i = 0; i < n; i++)
            {
                if (a[i] != b[i]) return a[i] - b[i];
            }
            return lengthA - lengthB;
        }

        /// <summary>Culture-sensitive in .NET, which under invariant globalization (the only mode here) is ordinal.</summary>
        public static int Compare(string strA, int indexA, string strB, int indexB, int length) =>
            Compare(strA, indexA, strB, indexB, length, false);

        /// <summary>
        /// .NET clips each length at its string's end and hands the ranges to CompareInfo, whose checks
        /// (and their parameter names: length1, offset1, string1, ...) are what a bad argument reports.
        /// </summary>
        public static int Compare(string strA, int indexA, string strB, int indexB, int length, bool ignoreCase)
        {
            int lengthA = length, lengthB = length;
            if (strA != null) lengthA = Math.Min(lengthA, strA._stringLength - indexA);
            if (strB != null) lengthB = Math.Min(lengthB, strB._stringLength - indexB);
            if (!IsRange(strA, indexA, lengthA) || !IsRange(strB, indexB, lengthB))
            {
                if (lengthA < 0) ThrowHelpers.ThrowNegativeArgument("length1", lengthA);
                if (lengthB < 0) ThrowHelpers.ThrowNegativeArgument("length2", lengthB);
                if (indexA < 0) ThrowHelpers.ThrowNegativeArgument("offset1", indexA);
                if (indexB < 0) ThrowHelpers.ThrowNegativeArgument("offset2", indexB);
                const string OffsetLength = "Offset and length must refer to a position in the string.";
                ThrowHelpers.ThrowArgumentOutOfRange(IsRange(strA, indexA, lengthA) ? "string2" : "string1", OffsetLength);
            }
            if (strA == null || strB == null) return strA == null ? (strB == null ? 0 : -1) : 1;
            return CompareRanges(strA, indexA, lengthA, strB, indexB, lengthB, ignoreCase);
        }

        /// <summary>CompareInfo's bounds check; a null string is an empty range at 0.</summary>
        private static bool IsRange(string s, int offset, int count)
        {
            if (s == null) return offset == 0 && count == 0;
            return (uint)offset <= (uint)s._stringLength && (uint)count <= (uint)(s._stringLength - offset);
        }

        public static int Compare(string strA, int indexA, string strB, int indexB, int length, StringComparison comparisonType)
        {
            bool ignoreCase = IgnoreCase(comparisonType);
            if (strA == null || strB == null)
            {
                if ((object)strA == strB) return 0;
                return strA == null ? -1 : 1;
            }
            if (length < 0) ThrowHelpers.ThrowNegativeArgument(nameof(length), length);
            if (indexA < 0 || indexB < 0)
                ThrowHelpers.ThrowArgumentOutOfRange(indexA < 0 ? nameof(indexA) : nameof(indexB), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            if (strA._stringLength - indexA < 0 || strB._stringLength - indexB < 0)
                ThrowHelpers.ThrowArgumentOutOfRange(strA._stringLength - indexA < 0 ? nameof(indexA) : nameof(indexB), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            if (length == 0 || ((object)strA == strB && indexA == indexB)) return 0;
            int lengthA = Math.Min(length, strA._stringLength - indexA);
            int lengthB = Math.Min(length, strB._stringLength - indexB);
            return CompareRanges(strA, indexA, lengthA, strB, indexB, lengthB, ignoreCase);
        }

        private static int CompareRanges(string strA, int indexA, int lengthA, string strB, int indexB, int lengthB, bool ignoreCase)
        {
            char* a = strA.GetCharPointer() + indexA;
            char* b = strB.GetCharPointer() + indexB;
            if (!ignoreCase) return CompareOrdinalRanges(a, lengthA, b, lengthB);
            int difference = CompareIgnoreCase(a, b, lengthA < lengthB ? lengthA : lengthB);
            return difference != 0 ? difference : lengthA - lengthB;
        }

        /// <summary>
        /// Ordinal comparison after invariant upper-casing, a surrogate pair in both strings as one
        /// code point (.NET's OrdinalIgnoreCase): the difference of the first code units that differ.
        /// </summary>
        private static int CompareIgnoreCase(char* p, char* q, int length)
        {
            for (int i = 0; i < length; i++)
            {
                char a = p[i], b = q[i];
                if (a == b && !char.IsHighSurrogate(a)) continue;
                if (char.IsHighSurrogate(a) && char.IsHighSurrogate(b) && i + 1 < length && char.IsLowSurrogate(p[i + 1]) && char.IsLowSurrogate(q[i + 1]))
                {
                    int upperA = Testbed.Runtime.UnicodeData.ToUpper(char.ConvertToUtf32(a, p[i + 1])) - 0x10000;
                    int upperB = Testbed.Runtime.UnicodeData.ToUpper(char.ConvertToUtf32(b, q[i + 1])) - 0x10000;
                    if (upperA >> 10 != upperB >> 10) return (upperA >> 10) - (upperB >> 10);
                    if ((upperA & 0x3FF) != (upperB & 0x3FF)) return (upperA & 0x3FF) - (upperB & 0x3FF);
                    i++;
                    continue;
                }
                a = char.ToUpperInvariant(a);
                b = char.ToUpperInvariant(b);
                if (a != b) return a - b;
            }
            return 0;
        }

        public static bool IsNullOrWhiteSpace(string value)
        {
            if (value == null) return true;
            for (int i = 0; i < value._stringLength; i++)
            {
                if (!char.IsWhiteSpace(value.GetCharPointer()[i])) return false;
            }
            return true;
        }

        private static bool IgnoreCase(StringComparison comparisonType)
        {
            if ((uint)comparisonType > (uint)StringComparison.OrdinalIgnoreCase)
                ThrowHelpers.ThrowArgument(nameof(comparisonType), "The string comparison type passed in is currently not supported.");
            return ((int)comparisonType & 1) != 0;
        }

        internal int IndexOfOrdinal(string value, int startIndex, int count, bool ignoreCase)
        {
            int last = startIndex + count - value._stringLength;
            for (int i = startIndex; i <= last; i++)
            {
                if (MatchesAt(i, value, ignoreCase)) return i;
            }
            return -1;
        }

        private bool MatchesAt(int index, string value, bool ignoreCase)
        {
            char* p = GetCharPointer() + index;
            char* q = value.GetCharPointer();
            if (!ignoreCase) return Memory.Compare(p, q, (nuint)value._stringLength * sizeof(char)) == 0;
            return CompareIgnoreCase(p, q, value._stringLength) == 0;
        }
    }
}
