using System.Collections;
using System.Collections.Generic;

namespace System
{
    /// <summary>
    /// The generic collection interfaces of a one-dimensional array T[] (IList&lt;T&gt; and the
    /// interfaces it extends, IReadOnlyList&lt;T&gt;), as .NET gives every array. Each method is
    /// static and takes the array first: in a vtable or interface map that is exactly the shape of
    /// an instance method of the array, so the compiler puts these straight into each array type's
    /// interface map (frontend/ArrayInterfaces.cs), for the interfaces the program uses.
    /// </summary>
    internal static class SZArrayHelper<T>
    {
        public static IEnumerator<T> GetEnumerator(T[] array) => new ArrayEnumerator(array);

        public static IEnumerator NonGenericGetEnumerator(T[] array) => new ArrayEnumerator(array);

        public static int get_Count(T[] array) => array.Length;

        public static bool get_IsReadOnly(T[] array) => true;

        public static T get_Item(T[] array, int index)
        {
            if ((uint)index >= (uint)array.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            return array[index];
        }

        public static void set_Item(T[] array, int index, T value)
        {
            if ((uint)index >= (uint)array.Length) throw new ArgumentOutOfRangeException("index", "Index was out of range. Must be non-negative and less than the size of the collection.");
            array[index] = value;
        }

        public static int IndexOf(T[] array, T value)
        {
            var comparer = EqualityComparer<T>.Default;
            for (int i = 0; i < array.Length; i++)
                if (comparer.Equals(array[i], value)) return i;
            return -1;
        }

        public static bool Contains(T[] array, T value) => IndexOf(array, value) >= 0;

        public static void CopyTo(T[] array, T[] destination, int index)
        {
            if (destination == null) throw new ArgumentNullException("destination");
            if (index < 0 || index > destination.Length - array.Length)
                throw new ArgumentException("Destination array was not long enough. Check the destination index, length, and the array's lower bounds.", "destinationArray");
            for (int i = 0; i < array.Length; i++) destination[index + i] = array[i];
        }

        public static void Add(T[] array, T value) => throw FixedSize();

        public static void Insert(T[] array, int index, T value) => throw FixedSize();

        public static bool Remove(T[] array, T value) => throw FixedSize();

        public static void RemoveAt(T[] array, int index) => throw FixedSize();

        public static void Clear(T[] array) => throw FixedSize();

        private static NotSupportedException FixedSize() => new NotSupportedException("Collection was of a fixed size.");

        private sealed class ArrayEnumerator : IEnumerator<T>
        {
            private readonly T[] array;
            private int index = -1;

            public ArrayEnumerator(T[] array) { this.array = array; }

            public bool MoveNext()
            {
                if (index < array.Length) index++;
                return index < array.Length;
            }

            public T Current
            {
                get
                {
                    if (index < 0) throw new InvalidOperationException("Enumeration has not started. Call MoveNext.");
                    if (index >= array.Length) throw new InvalidOperationException("Enumeration already finished.");
                    return array[index];
                }
            }

            object IEnumerator.Current => Current;

            public void Reset() => index = -1;

            public void Dispose() { }
        }
    }
}
