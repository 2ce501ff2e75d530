using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    public static unsafe class MemoryExtensions
    {
        public static Span<T> AsSpan<T>(this T[] array) => new Span<T>(array);

        public static Span<T> AsSpan<T>(this T[] array, int start)
        {
            if (array == null)
            {
                if (start != 0)
                    ThrowHelpers.ThrowArgumentOutOfRange();
                return default;
            }
            if ((uint)start > (uint)array.Length)
                ThrowHelpers.ThrowArgumentOutOfRange();
            return new Span<T>(array, start, array.Length - start);
        }

        public static Span<T> AsSpan<T>(this T[] array, int start, int length) => new Span<T>(array, start, length);

        // Built explicitly: C# 14 lowers the implicit string -> ReadOnlySpan<char> conversion to a call
        // of this very method, so "=> text" would recurse forever.
        public static ReadOnlySpan<char> AsSpan(this string text) =>
            text == null ? default : new ReadOnlySpan<char>(ref text.GetRawStringData(), text.Length);

        public static ReadOnlySpan<char> AsSpan(this string text, int start)
        {
            if (text == null)
            {
                if (start != 0)
                    ThrowHelpers.ThrowArgumentOutOfRange(nameof(start));
                return default;
            }
            if ((uint)start > (uint)text.Length)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(start));
            return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), start), text.Length - start);
        }

        public static ReadOnlySpan<char> AsSpan(this string text, int start, int length)
        {
            if (text == null)
            {
                if (start != 0 || length != 0)
                    ThrowHelpers.ThrowArgumentOutOfRange(nameof(start));
                return default;
            }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)text.Length)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(start));
            return new ReadOnlySpan<char>(ref Unsafe.Add(ref text.GetRawStringData(), start), length);
        }

        // The search helpers are declared on ReadOnlySpan<T> only: C# 14's first-class span
        // conversions apply them to Span<T> and arrays too. T : IEquatable<T> (as in .NET) makes
        // value.Equals(x) a direct call for every T, with no boxing. Where Equals is equality of
        // bytes (RuntimeHelpers.IsBitwiseEquatable, a compile-time constant per T), spans of 1- and
        // 2-byte elements are searched 16 bytes at a time (SpanHelpers.Search.cs).

        public static int IndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            if (RuntimeHelpers.IsBitwiseEquatable<T>() && Unsafe.SizeOf<T>() == 1)
                return SpanHelpers.IndexOfByte(BytesOf(span), span.Length, Unsafe.As<T, byte>(ref value));
            if (RuntimeHelpers.IsBitwiseEquatable<T>() && Unsafe.SizeOf<T>() == 2)
                return SpanHelpers.IndexOfChar(CharsOf(span), span.Length, Unsafe.As<T, char>(ref value));
            for (int i = 0; i < span.Length; i++)
            {
                if (EqualsOrBothNull(span[i], value)) return i;
            }
            return -1;
        }

        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            if (RuntimeHelpers.IsBitwiseEquatable<T>() && Unsafe.SizeOf<T>() == 1)
                return SpanHelpers.LastIndexOfByte(BytesOf(span), span.Length, Unsafe.As<T, byte>(ref value));
            if (RuntimeHelpers.IsBitwiseEquatable<T>() && Unsafe.SizeOf<T>() == 2)
                return SpanHelpers.LastIndexOfChar(CharsOf(span), span.Length, Unsafe.As<T, char>(ref value));
            for (int i = span.Length - 1; i >= 0; i--)
            {
                if (EqualsOrBothNull(span[i], value)) return i;
            }
            return -1;
        }

        public static int IndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            for (int i = 0; i <= span.Length - value.Length; i++)
            {
                if (span.Slice(i, value.Length).SequenceEqual(value)) return i;
            }
            return -1;
        }

        public static int LastIndexOf<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T>
        {
            for (int i = span.Length - value.Length; i >= 0; i--)
            {
                if (span.Slice(i, value.Length).SequenceEqual(value)) return i;
            }
            return -1;
        }

        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1) where T : IEquatable<T>
        {
            if (RuntimeHelpers.IsBitwiseEquatable<T>() && Unsafe.SizeOf<T>() == 1)
                return SpanHelpers.IndexOfAnyByte(BytesOf(span), span.Length, Unsafe.As<T, byte>(ref value0), Unsafe.As<T, byte>(ref value1), Unsafe.As<T, byte>(ref value1));
            if (RuntimeHelpers.IsBitwiseEquatable<T>() && Unsafe.SizeOf<T>() == 2)
                return SpanHelpers.IndexOfAnyChar(CharsOf(span), span.Length, Unsafe.As<T, char>(ref value0), Unsafe.As<T, char>(ref value1), Unsafe.As<T, char>(ref value1));
            for (int i = 0; i < span.Length; i++)
            {
                if (EqualsOrBothNull(span[i], value0) || EqualsOrBothNull(span[i], value1)) return i;
            }
            return -1;
        }

        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, T value0, T value1, T value2) where T : IEquatable<T>
        {
            if (RuntimeHelpers.IsBitwiseEquatable<T>() && Unsafe.SizeOf<T>() == 1)
                return SpanHelpers.IndexOfAnyByte(BytesOf(span), span.Length, Unsafe.As<T, byte>(ref value0), Unsafe.As<T, byte>(ref value1), Unsafe.As<T, byte>(ref value2));
            if (RuntimeHelpers.IsBitwiseEquatable<T>() && Unsafe.SizeOf<T>() == 2)
                return SpanHelpers.IndexOfAnyChar(CharsOf(span), span.Length, Unsafe.As<T, char>(ref value0), Unsafe.As<T, char>(ref value1), Unsafe.As<T, char>(ref value2));
            for (int i = 0; i < span.Length; i++)
            {
                if (EqualsOrBothNull(span[i], value0) || EqualsOrBothNull(span[i], value1) || EqualsOrBothNull(span[i], value2)) return i;
            }
            return -1;
        }

        public static int IndexOfAny<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> values) where T : IEquatable<T>
        {
            switch (values.Length)
            {
                case 0: return -1;
                case 1: return span.IndexOf(values[0]);
                case 2: return span.IndexOfAny(values[0], values[1]);
                case 3: return span.IndexOfAny(values[0], values[1], values[2]);
            }
            for (int i = 0; i < span.Length; i++)
            {
                if (values.IndexOf(span[i]) >= 0) return i;
            }
            return -1;
        }

        public static int IndexOfAnyExcept<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            for (int i = 0; i < span.Length; i++)
            {
                if (!EqualsOrBothNull(span[i], value)) return i;
            }
            return -1;
        }

        public static bool Contains<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T> => span.IndexOf(value) >= 0;

        /// <summary>.NET 10's overload for any T: the comparer decides (the default one when null).</summary>
        public static bool Contains<T>(this ReadOnlySpan<T> span, T value, System.Collections.Generic.IEqualityComparer<T> comparer = null)
        {
            comparer ??= System.Collections.Generic.EqualityComparer<T>.Default;
            for (int i = 0; i < span.Length; i++)
                if (comparer.Equals(span[i], value)) return true;
            return false;
        }

        public static int Count<T>(this ReadOnlySpan<T> span, T value) where T : IEquatable<T>
        {
            int count = 0;
            for (int i = 0; i < span.Length; i++)
            {
                if (EqualsOrBothNull(span[i], value)) count++;
            }
            return count;
        }

        public static bool SequenceEqual<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IEquatable<T>
        {
            if (span.Length != other.Length) return false;
            if (RuntimeHelpers.IsBitwiseEquatable<T>())
                return Memory.CompareForEquality(BytesOf(span), BytesOf(other), (nuint)span.Length * (nuint)Unsafe.SizeOf<T>()) == 0;
            for (int i = 0; i < span.Length; i++)
            {
                if (!EqualsOrBothNull(span[i], other[i])) return false;
            }
            return true;
        }

        public static int SequenceCompareTo<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> other) where T : IComparable<T>
        {
            int n = span.Length < other.Length ? span.Length : other.Length;
            for (int i = 0; i < n; i++)
            {
                int c = span[i].CompareTo(other[i]);
                if (c != 0) return c;
            }
            return span.Length.CompareTo(other.Length);
        }

        public static bool StartsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> =>
            value.Length <= span.Length && span.Slice(0, value.Length).SequenceEqual(value);

        public static bool EndsWith<T>(this ReadOnlySpan<T> span, ReadOnlySpan<T> value) where T : IEquatable<T> =>
            value.Length <= span.Length && span.Slice(span.Length - value.Length).SequenceEqual(value);

        public static void Reverse<T>(this Span<T> span)
        {
            for (int i = 0, j = span.Length - 1; i < j; i++, j--)
            {
                T t = span[i];
                span[i] = span[j];
                span[j] = t;
            }
        }

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span) => span.TrimStart().TrimEnd();

        public static ReadOnlySpan<char> TrimStart(this ReadOnlySpan<char> span)
        {
            int start = 0;
            while (start < span.Length && char.IsWhiteSpace(span[start])) start++;
            return span.Slice(start);
        }

        public static ReadOnlySpan<char> TrimEnd(this ReadOnlySpan<char> span)
        {
            int end = span.Length - 1;
            while (end >= 0 && char.IsWhiteSpace(span[end])) end--;
            return span.Slice(0, end + 1);
        }

        public static ReadOnlySpan<char> Trim(this ReadOnlySpan<char> span, char trimChar)
        {
            int start = 0, end = span.Length - 1;
            while (start <= end && span[start] == trimChar) start++;
            while (end >= start && span[end] == trimChar) end--;
            return span.Slice(start, end - start + 1);
        }

        public static bool Equals(this ReadOnlySpan<char> span, ReadOnlySpan<char> other, StringComparison comparisonType) =>
            string.Equals(string.Concat(span, default), string.Concat(other, default), comparisonType);

        private static byte* BytesOf<T>(ReadOnlySpan<T> span) => (byte*)Unsafe.AsPointer(ref span._reference);

        private static char* CharsOf<T>(ReadOnlySpan<T> span) => (char*)Unsafe.AsPointer(ref span._reference);

        /// <summary>Null-safe equality for reference T (a null element equals only null), as .NET's span helpers.</summary>
        private static bool EqualsOrBothNull<T>(T a, T b) where T : IEquatable<T>
        {
            if (!System.Collections.Generic.TypeTraits<T>.IsValueType)
            {
                if (a == null) return b == null;
            }
            return a.Equals(b);
        }
    }
}
