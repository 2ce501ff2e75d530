using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>
    /// Elements grouped by key, the groups in the order their keys first appeared, the elements of a
    /// group in source order. Null keys are allowed (hashed as 0), unlike in a Dictionary.
    /// </summary>
    public class Lookup<TKey, TElement> : ILookup<TKey, TElement>
    {
        private readonly IEqualityComparer<TKey> _comparer;
        private Grouping<TKey, TElement>[] _buckets;
        private Grouping<TKey, TElement> _first;   // groups in order of appearance
        private Grouping<TKey, TElement> _last;
        private int _count;

        internal Lookup(IEqualityComparer<TKey> comparer)
        {
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
            _buckets = new Grouping<TKey, TElement>[7];
        }

        internal static Lookup<TKey, TElement> Create<TSource>(IEnumerable<TSource> source, Func<TSource, TKey> keySelector,
            Func<TSource, TElement> elementSelector, IEqualityComparer<TKey> comparer)
        {
            var lookup = new Lookup<TKey, TElement>(comparer);
            foreach (TSource item in source)
                lookup.GetGrouping(keySelector(item), true).Add(elementSelector(item));
            return lookup;
        }

        /// <summary>For Join and GroupJoin: elements with a null key can match nothing, so they are left out.</summary>
        internal static Lookup<TKey, TElement> CreateForJoin(IEnumerable<TElement> source, Func<TElement, TKey> keySelector, IEqualityComparer<TKey> comparer)
        {
            var lookup = new Lookup<TKey, TElement>(comparer);
            foreach (TElement item in source)
            {
                TKey key = keySelector(item);
                if (key != null) lookup.GetGrouping(key, true).Add(item);
            }
            return lookup;
        }

        public int Count => _count;

        public IEnumerable<TElement> this[TKey key] => (IEnumerable<TElement>)GetGrouping(key, false) ?? Array.Empty<TElement>();

        public bool Contains(TKey key) => GetGrouping(key, false) != null;

        private int HashOf(TKey key) => key == null ? 0 : _comparer.GetHashCode(key) & 0x7FFFFFFF;

        internal Grouping<TKey, TElement> GetGrouping(TKey key, bool create)
        {
            int hash = HashOf(key);
            for (Grouping<TKey, TElement> g = _buckets[hash % _buckets.Length]; g != null; g = g._hashNext)
                if (g._hashCode == hash && _comparer.Equals(g._key, key)) return g;
            if (!create) return null;
            if (_count == _buckets.Length) Resize();
            var grouping = new Grouping<TKey, TElement>(key, hash);
            int bucket = hash % _buckets.Length;
            grouping._hashNext = _buckets[bucket];
            _buckets[bucket] = grouping;
            if (_last == null) _first = grouping;
            else _last._next = grouping;
            _last = grouping;
            _count++;
            return grouping;
        }

        private void Resize()
        {
            var buckets = new Grouping<TKey, TElement>[checked(_count * 2 + 1)];
            for (Grouping<TKey, TElement> g = _first; g != null; g = g._next)
            {
                int bucket = g._hashCode % buckets.Length;
                g._hashNext = buckets[bucket];
                buckets[bucket] = g;
            }
            _buckets = buckets;
        }

        public IEnumerable<TResult> ApplyResultSelector<TResult>(Func<TKey, IEnumerable<TElement>, TResult> resultSelector)
        {
            for (Grouping<TKey, TElement> g = _first; g != null; g = g._next)
                yield return resultSelector(g._key, g);
        }

        public IEnumerator<IGrouping<TKey, TElement>> GetEnumerator()
        {
            for (Grouping<TKey, TElement> g = _first; g != null; g = g._next)
                yield return g;
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }

    /// <summary>One group: its key and its elements, a read-only list.</summary>
    internal sealed class Grouping<TKey, TElement> : IGrouping<TKey, TElement>, IList<TElement>, IReadOnlyList<TElement>
    {
        internal readonly TKey _key;
        internal readonly int _hashCode;
        internal Grouping<TKey, TElement> _hashNext;
        internal Grouping<TKey, TElement> _next;
        private TElement[] _elements;
        private int _count;

        internal Grouping(TKey key, int hashCode)
        {
            _key = key;
            _hashCode = hashCode;
            _elements = new TElement[1];
        }

        internal void Add(TElement element)
        {
            if (_count == _elements.Length) Array.Resize(ref _elements, checked(_count * 2));
            _elements[_count++] = element;
        }

        public TKey Key => _key;

        public int Count => _count;

        public bool IsReadOnly => true;

        public TElement this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_count) throw new ArgumentOutOfRangeException("index");
                return _elements[index];
            }
            set => throw new NotSupportedException("Specified method is not supported.");
        }

        public int IndexOf(TElement item) => Array.IndexOf(_elements, item, 0, _count);

        public bool Contains(TElement item) => IndexOf(item) >= 0;

        public void CopyTo(TElement[] array, int arrayIndex) => Array.Copy(_elements, 0, array, arrayIndex, _count);

        void ICollection<TElement>.Add(TElement item) => throw new NotSupportedException("Specified method is not supported.");

        void ICollection<TElement>.Clear() => throw new NotSupportedException("Specified method is not supported.");

        void IList<TElement>.Insert(int index, TElement item) => throw new NotSupportedException("Specified method is not supported.");

        bool ICollection<TElement>.Remove(TElement item) => throw new NotSupportedException("Specified method is not supported.");

        void IList<TElement>.RemoveAt(int index) => throw new NotSupportedException("Specified method is not supported.");

        public IEnumerator<TElement> GetEnumerator()
        {
            for (int i = 0; i < _count; i++) yield return _elements[i];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
