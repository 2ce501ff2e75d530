using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    // ToArray, ToList, ToDictionary, ToHashSet; the generators Empty, Range, Repeat.
    public static partial class Enumerable
    {
        public static TSource[] ToArray<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (source is ICollection<TSource> collection)
            {
                int count = collection.Count;
                if (count == 0) return Array.Empty<TSource>();
                var array = new TSource[count];
                collection.CopyTo(array, 0);
                return array;
            }
            return new List<TSource>(source).ToArray();
        }

        public static List<TSource> ToList<TSource>(this IEnumerable<TSource> source)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return new List<TSource>(source);
        }

        public static HashSet<TSource> ToHashSet<TSource>(this IEnumerable<TSource> source) => ToHashSet(source, null);

        public static HashSet<TSource> ToHashSet<TSource>(this IEnumerable<TSource> source, IEqualityComparer<TSource> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            return new HashSet<TSource>(source, comparer);
        }

        public static Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector)
            => ToDictionary(source, keySelector, (IEqualityComparer<TKey>)null);

        public static Dictionary<TKey, TSource> ToDictionary<TSource, TKey>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            var dictionary = new Dictionary<TKey, TSource>(source is ICollection<TSource> c ? c.Count : 0, comparer);
            foreach (TSource item in source) dictionary.Add(keySelector(item), item);
            return dictionary;
        }

        public static Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector, Func<TSource, TElement> elementSelector)
            => ToDictionary(source, keySelector, elementSelector, null);

        public static Dictionary<TKey, TElement> ToDictionary<TSource, TKey, TElement>(this IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            if (elementSelector == null) throw LinqErrors.ArgumentNull("elementSelector");
            var dictionary = new Dictionary<TKey, TElement>(source is ICollection<TSource> c ? c.Count : 0, comparer);
            foreach (TSource item in source) dictionary.Add(keySelector(item), elementSelector(item));
            return dictionary;
        }

        public static Dictionary<TKey, TValue> ToDictionary<TKey, TValue>(this IEnumerable<KeyValuePair<TKey, TValue>> source) => ToDictionary(source, null);

        public static Dictionary<TKey, TValue> ToDictionary<TKey, TValue>(this IEnumerable<KeyValuePair<TKey, TValue>> source, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            var dictionary = new Dictionary<TKey, TValue>(comparer);
            foreach (KeyValuePair<TKey, TValue> pair in source) dictionary.Add(pair.Key, pair.Value);
            return dictionary;
        }

        public static Dictionary<TKey, TValue> ToDictionary<TKey, TValue>(this IEnumerable<(TKey Key, TValue Value)> source) => ToDictionary(source, null);

        public static Dictionary<TKey, TValue> ToDictionary<TKey, TValue>(this IEnumerable<(TKey Key, TValue Value)> source, IEqualityComparer<TKey> comparer)
        {
            if (source == null) throw LinqErrors.ArgumentNull("source");
            var dictionary = new Dictionary<TKey, TValue>(comparer);
            foreach ((TKey Key, TValue Value) pair in source) dictionary.Add(pair.Key, pair.Value);
            return dictionary;
        }

        public static IEnumerable<TResult> Empty<TResult>() => Array.Empty<TResult>();

        public static IEnumerable<int> Range(int start, int count)
        {
            if (count < 0 || (long)start + count - 1 > int.MaxValue) throw LinqErrors.ArgumentOutOfRange("count");
            if (count == 0) return Empty<int>();
            return new GeneratedList<int>(count, start, true);
        }

        public static IEnumerable<TResult> Repeat<TResult>(TResult element, int count)
        {
            if (count < 0) throw LinqErrors.ArgumentOutOfRange("count");
            if (count == 0) return Empty<TResult>();
            return new GeneratedList<TResult>(count, element, false);
        }
    }

    /// <summary>
    /// Range and Repeat: read-only lists computed from the index, as .NET's are (so that Select over
    /// them answers Last, ElementAt and Count from the indices).
    /// </summary>
    internal sealed class GeneratedList<T> : IList<T>, IReadOnlyList<T>
    {
        private readonly int _count;
        private readonly T _value;
        private readonly bool _isRange;   // then T is int and element i is _value + i

        internal GeneratedList(int count, T value, bool isRange)
        {
            _count = count;
            _value = value;
            _isRange = isRange;
        }

        public int Count => _count;

        public bool IsReadOnly => true;

        private T Get(int index)
        {
            if (!_isRange) return _value;
            int start = (int)(object)_value;
            return (T)(object)(start + index);
        }

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_count) throw LinqErrors.ArgumentOutOfRange("index");
                return Get(index);
            }
            set => throw new NotSupportedException("Specified method is not supported.");
        }

        public int IndexOf(T item)
        {
            var comparer = EqualityComparer<T>.Default;
            for (int i = 0; i < _count; i++)
                if (comparer.Equals(Get(i), item)) return i;
            return -1;
        }

        public bool Contains(T item) => IndexOf(item) >= 0;

        public void CopyTo(T[] array, int arrayIndex)
        {
            for (int i = 0; i < _count; i++) array[arrayIndex + i] = Get(i);
        }

        public void Add(T item) => throw new NotSupportedException("Specified method is not supported.");

        public void Clear() => throw new NotSupportedException("Specified method is not supported.");

        public void Insert(int index, T item) => throw new NotSupportedException("Specified method is not supported.");

        public bool Remove(T item) => throw new NotSupportedException("Specified method is not supported.");

        public void RemoveAt(int index) => throw new NotSupportedException("Specified method is not supported.");

        public IEnumerator<T> GetEnumerator()
        {
            for (int i = 0; i < _count; i++) yield return Get(i);
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
