using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// .NET's HashSet&lt;T&gt;: the same chained-bucket layout as Dictionary, so enumeration order
    /// (insertion order, freed slots reused last-freed-first) matches CoreCLR's.
    /// </summary>
    public class HashSet<T> : ISet<T>, IReadOnlyCollection<T>
    {
        private struct Entry
        {
            public int hashCode;
            public int next;
            public T value;
        }

        private const int StartOfFreeList = -3;

        private int[] _buckets;
        /// <summary>For <see cref="HashHelpers.FastMod"/>: the bucket index without a division per lookup.</summary>
        private ulong _fastModMultiplier;
        private Entry[] _entries;
        private int _count;
        private int _freeList;
        private int _freeCount;
        private int _version;
        private readonly IEqualityComparer<T> _comparer;

        public HashSet() : this((IEqualityComparer<T>)null) { }

        public HashSet(IEqualityComparer<T> comparer) { _comparer = comparer ?? EqualityComparer<T>.Default; }

        public HashSet(int capacity) : this(capacity, null) { }

        public HashSet(int capacity, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (capacity < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(capacity));
            if (capacity > 0) Initialize(capacity);
        }

        public HashSet(IEnumerable<T> collection) : this(collection, null) { }

        public HashSet(IEnumerable<T> collection, IEqualityComparer<T> comparer) : this(comparer)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNull(nameof(collection));
            UnionWith(collection);
        }

        public int Count => _count - _freeCount;

        public IEqualityComparer<T> Comparer => _comparer;

        bool ICollection<T>.IsReadOnly => false;

        private int Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _freeList = -1;
            _buckets = new int[size];
            _fastModMultiplier = HashHelpers.GetFastModMultiplier((uint)size);
            _entries = new Entry[size];
            return size;
        }

        private int HashOf(T item) => !TypeTraits<T>.IsValueType && item == null ? 0 : _comparer.GetHashCode(item);

        private int FindItemIndex(T item)
        {
            if (_buckets == null) return -1;
            int hashCode = HashOf(item);
            int i = GetBucket((uint)hashCode) - 1;
            while (i >= 0)
            {
                ref Entry entry = ref _entries[i];
                if (entry.hashCode == hashCode && _comparer.Equals(entry.value, item)) return i;
                i = entry.next;
            }
            return -1;
        }

        public bool Contains(T item) => FindItemIndex(item) >= 0;

        public bool TryGetValue(T equalValue, out T actualValue)
        {
            int i = FindItemIndex(equalValue);
            actualValue = i >= 0 ? _entries[i].value : default;
            return i >= 0;
        }

        void ICollection<T>.Add(T item) => Add(item);

        public bool Add(T item) => AddIfNotPresent(item, out _);

        /// <summary>Adds item unless present; location is where it is (or now is) in the entries.</summary>
        private bool AddIfNotPresent(T item, out int location)
        {
            if (_buckets == null) Initialize(0);
            int hashCode = HashOf(item);
            int i = GetBucket((uint)hashCode) - 1;
            while (i >= 0)
            {
                ref Entry candidate = ref _entries[i];
                if (candidate.hashCode == hashCode && _comparer.Equals(candidate.value, item))
                {
                    location = i;
                    return false;
                }
                i = candidate.next;
            }
            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeCount--;
                _freeList = StartOfFreeList - _entries[_freeList].next;
            }
            else
            {
                if (_count == _entries.Length) Resize(HashHelpers.ExpandPrime(_count));
                index = _count;
                _count++;
            }
            ref int bucket = ref GetBucket((uint)hashCode);
            ref Entry entry = ref _entries[index];
            entry.hashCode = hashCode;
            entry.next = bucket - 1;
            entry.value = item;
            bucket = index + 1;
            _version++;
            location = index;
            return true;
        }

        private ref int GetBucket(uint hashCode)
        {
            int[] buckets = _buckets;
            return ref buckets[HashHelpers.FastMod(hashCode, (uint)buckets.Length, _fastModMultiplier)];
        }

        private void Resize(int newSize)
        {
            Entry[] entries = new Entry[newSize];
            Array.Copy(_entries, entries, _count);
            _buckets = new int[newSize];
            _fastModMultiplier = HashHelpers.GetFastModMultiplier((uint)newSize);
            for (int i = 0; i < _count; i++)
            {
                if (entries[i].next >= -1)
                {
                    ref int bucket = ref GetBucket((uint)entries[i].hashCode);
                    entries[i].next = bucket - 1;
                    bucket = i + 1;
                }
            }
            _entries = entries;
        }

        public bool Remove(T item)
        {
            if (_buckets == null) return false;
            int hashCode = HashOf(item);
            ref int bucket = ref GetBucket((uint)hashCode);
            int last = -1;
            int i = bucket - 1;
            while (i >= 0)
            {
                ref Entry entry = ref _entries[i];
                if (entry.hashCode == hashCode && _comparer.Equals(entry.value, item))
                {
                    if (last < 0) bucket = entry.next + 1;
                    else _entries[last].next = entry.next;
                    entry.next = StartOfFreeList - _freeList;
                    entry.value = default;
                    _freeList = i;
                    _freeCount++;
                    return true;
                }
                last = i;
                i = entry.next;
            }
            return false;
        }

        public int RemoveWhere(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNull(nameof(match));
            int removed = 0;
            for (int i = 0; i < _count; i++)
            {
                ref Entry entry = ref _entries[i];
                if (entry.next >= -1)
                {
                    T value = entry.value;
                    if (match(value) && Remove(value)) removed++;
                }
            }
            return removed;
        }

        public void Clear()
        {
            int count = _count;
            if (count > 0)
            {
                Array.Clear(_buckets);
                _count = 0;
                _freeList = -1;
                _freeCount = 0;
                Array.Clear(_entries, 0, count);
            }
        }

        /// <summary>The elements of other as an array (an array as it is: the operations only read it).</summary>
        private static T[] Materialize(IEnumerable<T> other)
        {
            if (other == null) ThrowHelpers.ThrowArgumentNull(nameof(other));
            if (other is T[] array) return array;
            var list = new List<T>();
            foreach (T item in other) list.Add(item);
            return list.ToArray();
        }

        public void UnionWith(IEnumerable<T> other)
        {
            foreach (T item in Materialize(other)) Add(item);
        }

        public void ExceptWith(IEnumerable<T> other)
        {
            foreach (T item in Materialize(other)) Remove(item);
        }

        public void IntersectWith(IEnumerable<T> other)
        {
            var keep = new HashSet<T>(Materialize(other), _comparer);
            RemoveWhere(item => !keep.Contains(item));
        }

        /// <summary>
        /// .NET's order of effects: other's new elements are added first (into freed slots), then the
        /// common ones are removed; a HashSet with the same comparer is handled element by element.
        /// </summary>
        public void SymmetricExceptWith(IEnumerable<T> other)
        {
            if (other == null) ThrowHelpers.ThrowArgumentNull(nameof(other));
            if (Count == 0)
            {
                UnionWith(other);
                return;
            }
            if ((object)other == this)
            {
                Clear();
                return;
            }
            if (other is HashSet<T> set && set._comparer.Equals(_comparer))
            {
                foreach (T item in set)
                {
                    if (!Remove(item)) Add(item);
                }
                return;
            }
            int originalCount = _count;
            var toRemove = new bool[originalCount];
            var addedFromOther = new bool[originalCount];
            foreach (T item in Materialize(other))
            {
                if (AddIfNotPresent(item, out int location))
                {
                    if (location < originalCount) addedFromOther[location] = true;
                }
                else if (location < originalCount && !addedFromOther[location])
                {
                    toRemove[location] = true;
                }
            }
            for (int i = 0; i < originalCount; i++)
            {
                if (toRemove[i]) Remove(_entries[i].value);
            }
        }

        public bool Overlaps(IEnumerable<T> other)
        {
            foreach (T item in Materialize(other))
            {
                if (Contains(item)) return true;
            }
            return false;
        }

        public bool IsSubsetOf(IEnumerable<T> other)
        {
            var set = new HashSet<T>(Materialize(other), _comparer);
            foreach (T item in this)
            {
                if (!set.Contains(item)) return false;
            }
            return true;
        }

        public bool IsProperSubsetOf(IEnumerable<T> other)
        {
            var set = new HashSet<T>(Materialize(other), _comparer);
            return set.Count > Count && IsSubsetOf(set);
        }

        public bool IsSupersetOf(IEnumerable<T> other)
        {
            foreach (T item in Materialize(other))
            {
                if (!Contains(item)) return false;
            }
            return true;
        }

        public bool IsProperSupersetOf(IEnumerable<T> other)
        {
            var set = new HashSet<T>(Materialize(other), _comparer);
            return Count > set.Count && IsSupersetOf(set);
        }

        public bool SetEquals(IEnumerable<T> other)
        {
            var set = new HashSet<T>(Materialize(other), _comparer);
            return set.Count == Count && IsSupersetOf(set);
        }

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(T[] array, int arrayIndex)
        {
            Dictionary<int, int>.CheckCopyTo(array == null ? -1 : array.Length, arrayIndex, Count);
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].next >= -1) array[arrayIndex++] = _entries[i].value;
            }
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly HashSet<T> _set;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(HashSet<T> set)
            {
                _set = set;
                _version = set._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _set._version) Dictionary<int, int>.ThrowVersionChanged();
                while ((uint)_index < (uint)_set._count)
                {
                    ref Entry entry = ref _set._entries[_index++];
                    if (entry.next >= -1)
                    {
                        _current = entry.value;
                        return true;
                    }
                }
                _index = _set._count + 1;
                _current = default;
                return false;
            }

            public T Current => _current;

            object IEnumerator.Current => _current;

            void IEnumerator.Reset()
            {
                _index = 0;
                _current = default;
            }

            public void Dispose() { }
        }
    }
}
