using System.Collections.Generic;
using System.Runtime;

namespace System
{
    public abstract partial class Array
    {
        public static void Sort<T>(T[] array)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            ArraySortHelper<T>.Sort(array, 0, array.Length, null);
        }

        public static void Sort<T>(T[] array, IComparer<T> comparer)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            ArraySortHelper<T>.Sort(array, 0, array.Length, comparer);
        }

        public static void Sort<T>(T[] array, Comparison<T> comparison)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (comparison == null) ThrowHelpers.ThrowArgumentNull(nameof(comparison));
            ArraySortHelper<T>.Sort(array, 0, array.Length, new ComparisonComparer<T>(comparison));
        }

        public static void Sort<T>(T[] array, int index, int length) => Sort(array, index, length, null);

        public static void Sort<T>(T[] array, int index, int length, IComparer<T> comparer)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (index < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Non-negative number required.");
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), "Non-negative number required.");
            if (array.Length - index < length) ThrowHelpers.ThrowArgument(null, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            ArraySortHelper<T>.Sort(array, index, length, comparer);
        }

        public static int BinarySearch<T>(T[] array, T value) => BinarySearch(array, 0, array == null ? 0 : array.Length, value, null);

        public static int BinarySearch<T>(T[] array, T value, IComparer<T> comparer) =>
            BinarySearch(array, 0, array == null ? 0 : array.Length, value, comparer);

        public static int BinarySearch<T>(T[] array, int index, int length, T value, IComparer<T> comparer)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (index < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Non-negative number required.");
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), "Non-negative number required.");
            if (array.Length - index < length) ThrowHelpers.ThrowArgument(null, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            comparer ??= Comparer<T>.Default;
            int lo = index, hi = index + length - 1;
            while (lo <= hi)
            {
                int i = lo + ((hi - lo) >> 1);
                int order = comparer.Compare(array[i], value);
                if (order == 0) return i;
                if (order < 0) lo = i + 1;
                else hi = i - 1;
            }
            return ~lo;
        }
    }

    /// <summary>
    /// .NET's introspective sort (ArraySortHelper&lt;T&gt;), step for step: insertion sort at 16 elements
    /// or fewer, median-of-three pivots, heapsort past 2·(log2 n + 1) levels. The sort is unstable, and
    /// following .NET exactly makes the order of equal keys the same as on CoreCLR too.
    /// </summary>
    internal static class ArraySortHelper<T>
    {
        private const int IntrosortSizeThreshold = 16;

        internal static void Sort(T[] keys, int index, int length, IComparer<T> comparer)
        {
            comparer ??= Comparer<T>.Default;
            try
            {
                if (length > 1)
                    IntroSort(keys, index, length, 2 * (Log2((uint)length) + 1), comparer);
            }
            catch (IndexOutOfRangeException)
            {
                throw new ArgumentException("Unable to sort because the IComparer.Compare() method returns inconsistent results. Either a value does not compare equal to itself, or one value repeatedly compared to another value yields different results. IComparer: '" + comparer.ToString() + "'.");
            }
            catch (Exception e)
            {
                throw new InvalidOperationException("Failed to compare two elements in the array.", e);
            }
        }

        private static int Log2(uint value)
        {
            int log = 0;
            while ((value >>= 1) != 0) log++;
            return log;
        }

        private static void IntroSort(T[] keys, int lo, int length, int depthLimit, IComparer<T> comparer)
        {
            int partitionSize = length;
            while (partitionSize > 1)
            {
                if (partitionSize <= IntrosortSizeThreshold)
                {
                    if (partitionSize == 2)
                    {
                        SwapIfGreater(keys, comparer, lo, lo + 1);
                        return;
                    }
                    if (partitionSize == 3)
                    {
                        SwapIfGreater(keys, comparer, lo, lo + 1);
                        SwapIfGreater(keys, comparer, lo, lo + 2);
                        SwapIfGreater(keys, comparer, lo + 1, lo + 2);
                        return;
                    }
                    InsertionSort(keys, lo, partitionSize, comparer);
                    return;
                }
                if (depthLimit == 0)
                {
                    HeapSort(keys, lo, partitionSize, comparer);
                    return;
                }
                depthLimit--;
                int p = PickPivotAndPartition(keys, lo, partitionSize, comparer);
                IntroSort(keys, lo + p + 1, partitionSize - (p + 1), depthLimit, comparer);
                partitionSize = p;
            }
        }

        private static void SwapIfGreater(T[] keys, IComparer<T> comparer, int i, int j)
        {
            if (comparer.Compare(keys[i], keys[j]) > 0)
            {
                T key = keys[i];
                keys[i] = keys[j];
                keys[j] = key;
            }
        }

        private static void Swap(T[] a, int i, int j)
        {
            T t = a[i];
            a[i] = a[j];
            a[j] = t;
        }

        /// <summary>Returns the pivot's final position relative to lo.</summary>
        private static int PickPivotAndPartition(T[] keys, int lo, int length, IComparer<T> comparer)
        {
            int hi = lo + length - 1;
            int middle = lo + ((length - 1) >> 1);
            SwapIfGreater(keys, comparer, lo, middle);
            SwapIfGreater(keys, comparer, lo, hi);
            SwapIfGreater(keys, comparer, middle, hi);
            T pivot = keys[middle];
            Swap(keys, middle, hi - 1);
            int left = lo, right = hi - 1;
            while (left < right)
            {
                while (comparer.Compare(keys[++left], pivot) < 0) { }
                while (comparer.Compare(pivot, keys[--right]) < 0) { }
                if (left >= right) break;
                Swap(keys, left, right);
            }
            if (left != hi - 1) Swap(keys, left, hi - 1);
            return left - lo;
        }

        private static void HeapSort(T[] keys, int lo, int n, IComparer<T> comparer)
        {
            for (int i = n >> 1; i >= 1; i--) DownHeap(keys, lo, i, n, comparer);
            for (int i = n; i > 1; i--)
            {
                Swap(keys, lo, lo + i - 1);
                DownHeap(keys, lo, 1, i - 1, comparer);
            }
        }

        private static void DownHeap(T[] keys, int lo, int i, int n, IComparer<T> comparer)
        {
            T d = keys[lo + i - 1];
            while (i <= n >> 1)
            {
                int child = 2 * i;
                if (child < n && comparer.Compare(keys[lo + child - 1], keys[lo + child]) < 0) child++;
                if (!(comparer.Compare(d, keys[lo + child - 1]) < 0)) break;
                keys[lo + i - 1] = keys[lo + child - 1];
                i = child;
            }
            keys[lo + i - 1] = d;
        }

        private static void InsertionSort(T[] keys, int lo, int length, IComparer<T> comparer)
        {
            for (int i = 0; i < length - 1; i++)
            {
                T t = keys[lo + i + 1];
                int j = i;
                while (j >= 0 && comparer.Compare(t, keys[lo + j]) < 0)
                {
                    keys[lo + j + 1] = keys[lo + j];
                    j--;
                }
                keys[lo + j + 1] = t;
            }
        }
    }
}
