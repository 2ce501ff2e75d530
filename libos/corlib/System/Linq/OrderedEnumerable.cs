using System.Collections;
using System.Collections.Generic;

namespace System.Linq
{
    /// <summary>
    /// OrderBy and its ThenBy refinements. Enumerating buffers the source, computes every element's
    /// primary key, then every element's secondary key and so on (the order in which .NET runs the key
    /// selectors), and sorts the indices stably: equal keys keep their source order. First and Last
    /// scan once without sorting and compute the keys of later levels only on ties, as .NET does.
    /// </summary>
    internal abstract class OrderedEnumerable<TElement> : IOrderedEnumerable<TElement>
    {
        internal readonly IEnumerable<TElement> _source;

        protected OrderedEnumerable(IEnumerable<TElement> source) { _source = source; }

        /// <summary>The sort levels from this one (and its parents) down to <paramref name="next"/>.</summary>
        internal abstract SortLevel<TElement> BuildLevels(SortLevel<TElement> next);

        internal abstract ScanLevel<TElement> BuildScan(ScanLevel<TElement> next);

        public IOrderedEnumerable<TElement> CreateOrderedEnumerable<TKey>(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending)
        {
            if (keySelector == null) throw LinqErrors.ArgumentNull("keySelector");
            return new OrderedEnumerable<TElement, TKey>(_source, keySelector, comparer, descending, this);
        }

        private int[] SortedMap(TElement[] buffer)
        {
            SortLevel<TElement> levels = BuildLevels(null);
            levels.ComputeKeys(buffer);
            int[] map = new int[buffer.Length];
            for (int i = 0; i < map.Length; i++) map[i] = i;
            int[] scratch = new int[buffer.Length];
            MergeSort(levels, map, scratch, 0, map.Length);
            return map;
        }

        private static void MergeSort(SortLevel<TElement> levels, int[] map, int[] scratch, int lo, int hi)
        {
            if (hi - lo < 2) return;
            int mid = lo + (hi - lo) / 2;
            MergeSort(levels, map, scratch, lo, mid);
            MergeSort(levels, map, scratch, mid, hi);
            if (levels.Compare(map[mid - 1], map[mid]) <= 0) return;
            int a = lo, b = mid, k = lo;
            while (a < mid && b < hi)
                scratch[k++] = levels.Compare(map[a], map[b]) <= 0 ? map[a++] : map[b++];
            while (a < mid) scratch[k++] = map[a++];
            while (b < hi) scratch[k++] = map[b++];
            Array.Copy(scratch, lo, map, lo, hi - lo);
        }

        public IEnumerator<TElement> GetEnumerator()
        {
            TElement[] buffer = _source.ToArray();
            if (buffer.Length == 0) yield break;
            int[] map = SortedMap(buffer);
            for (int i = 0; i < map.Length; i++)
                yield return buffer[map[i]];
        }

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

        internal TElement TryGetFirst(out bool found)
        {
            ScanLevel<TElement> scan = BuildScan(null);
            using IEnumerator<TElement> e = _source.GetEnumerator();
            if (!e.MoveNext())
            {
                found = false;
                return default;
            }
            TElement value = e.Current;
            scan.SetElement(value);
            while (e.MoveNext())
            {
                TElement x = e.Current;
                if (scan.Compare(x, true) < 0) value = x;
            }
            found = true;
            return value;
        }

        internal TElement TryGetLast(out bool found)
        {
            ScanLevel<TElement> scan = BuildScan(null);
            using IEnumerator<TElement> e = _source.GetEnumerator();
            if (!e.MoveNext())
            {
                found = false;
                return default;
            }
            TElement value = e.Current;
            scan.SetElement(value);
            while (e.MoveNext())
            {
                TElement x = e.Current;
                if (scan.Compare(x, false) >= 0) value = x;
            }
            found = true;
            return value;
        }

        internal TElement TryGetElementAt(int index, out bool found)
        {
            TElement[] buffer = _source.ToArray();
            if (index < 0 || index >= buffer.Length)
            {
                found = false;
                return default;
            }
            found = true;
            return buffer[SortedMap(buffer)[index]];
        }
    }

    internal sealed class OrderedEnumerable<TElement, TKey> : OrderedEnumerable<TElement>
    {
        private readonly OrderedEnumerable<TElement> _parent;
        private readonly Func<TElement, TKey> _keySelector;
        private readonly IComparer<TKey> _comparer;
        private readonly bool _descending;

        internal OrderedEnumerable(IEnumerable<TElement> source, Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending, OrderedEnumerable<TElement> parent)
            : base(source)
        {
            _parent = parent;
            _keySelector = keySelector;
            _comparer = comparer ?? Comparer<TKey>.Default;
            _descending = descending;
        }

        internal override SortLevel<TElement> BuildLevels(SortLevel<TElement> next)
        {
            SortLevel<TElement> level = new SortLevel<TElement, TKey>(_keySelector, _comparer, _descending, next);
            return _parent == null ? level : _parent.BuildLevels(level);
        }

        internal override ScanLevel<TElement> BuildScan(ScanLevel<TElement> next)
        {
            ScanLevel<TElement> level = new ScanLevel<TElement, TKey>(_keySelector, _comparer, _descending, next);
            return _parent == null ? level : _parent.BuildScan(level);
        }
    }

    /// <summary>One key of a full sort: the keys of all elements, compared by index.</summary>
    internal abstract class SortLevel<TElement>
    {
        internal abstract void ComputeKeys(TElement[] elements);

        /// <summary>Orders two element indices by this key, then the next levels, then the index.</summary>
        internal abstract int Compare(int index1, int index2);
    }

    internal sealed class SortLevel<TElement, TKey> : SortLevel<TElement>
    {
        private readonly Func<TElement, TKey> _keySelector;
        private readonly IComparer<TKey> _comparer;
        private readonly bool _descending;
        private readonly SortLevel<TElement> _next;
        private TKey[] _keys;

        internal SortLevel(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending, SortLevel<TElement> next)
        {
            _keySelector = keySelector;
            _comparer = comparer;
            _descending = descending;
            _next = next;
        }

        internal override void ComputeKeys(TElement[] elements)
        {
            var keys = new TKey[elements.Length];
            for (int i = 0; i < keys.Length; i++) keys[i] = _keySelector(elements[i]);
            _keys = keys;
            _next?.ComputeKeys(elements);
        }

        internal override int Compare(int index1, int index2)
        {
            int c = _comparer.Compare(_keys[index1], _keys[index2]);
            if (c == 0) return _next == null ? index1 - index2 : _next.Compare(index1, index2);
            return _descending != (c > 0) ? 1 : -1;
        }
    }

    /// <summary>
    /// One key of a single pass for First/Last: remembers the key of the best element so far and
    /// computes the next level's key only when this one ties.
    /// </summary>
    internal abstract class ScanLevel<TElement>
    {
        internal abstract void SetElement(TElement element);

        internal abstract int Compare(TElement element, bool cacheLower);
    }

    internal sealed class ScanLevel<TElement, TKey> : ScanLevel<TElement>
    {
        private readonly Func<TElement, TKey> _keySelector;
        private readonly IComparer<TKey> _comparer;
        private readonly bool _descending;
        private readonly ScanLevel<TElement> _next;
        private TKey _lastKey;

        internal ScanLevel(Func<TElement, TKey> keySelector, IComparer<TKey> comparer, bool descending, ScanLevel<TElement> next)
        {
            _keySelector = keySelector;
            _comparer = comparer;
            _descending = descending;
            _next = next;
        }

        internal override void SetElement(TElement element)
        {
            _lastKey = _keySelector(element);
            _next?.SetElement(element);
        }

        internal override int Compare(TElement element, bool cacheLower)
        {
            TKey newKey = _keySelector(element);
            int cmp = _descending ? _comparer.Compare(_lastKey, newKey) : _comparer.Compare(newKey, _lastKey);
            if (cmp == 0 && _next != null) return _next.Compare(element, cacheLower);
            if (cacheLower == cmp < 0)
            {
                _lastKey = newKey;
                _next?.SetElement(element);
            }
            return cmp;
        }
    }
}
