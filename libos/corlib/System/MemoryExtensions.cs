using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    public static class MemoryExtensions
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
    }
}
