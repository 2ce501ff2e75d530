using System.Collections.Generic;

namespace System.Runtime.InteropServices
{
    /// <summary>A list's backing store, unchecked: Roslyn fills a <c>List&lt;T&gt;</c> collection expression through it.</summary>
    public static class CollectionsMarshal
    {
        /// <summary>The list's elements in place; valid until the list next grows.</summary>
        public static Span<T> AsSpan<T>(List<T> list) => list == null ? default : new Span<T>(list._items, 0, list._size);

        /// <summary>Grows or shrinks the count without writing elements; new elements are default (cleared when shrunk, as in .NET).</summary>
        public static void SetCount<T>(List<T> list, int count)
        {
            if (list == null) ThrowHelpers.ThrowArgumentNull(nameof(list));
            if (count < 0) ThrowHelpers.ThrowNegativeArgument(nameof(count), count);
            list._version++;
            if (count > list._items.Length) list.EnsureCapacity(count);
            else if (count < list._size) Array.Clear(list._items, count, list._size - count);
            list._size = count;
        }
    }
}
