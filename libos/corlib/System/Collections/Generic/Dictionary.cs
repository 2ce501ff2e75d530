using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// .NET's Dictionary&lt;TKey,TValue&gt;: chained buckets over one entries array, prime sizes, freed
    /// entries reused last-freed-first. Enumeration walks the entries array, so it sees insertion order
    /// until something is removed, and after that the same order .NET gives.
    /// </summary>
    public class Dictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private struct Entry
        {
            public uint hashCode;
            /// <summary>Index of the next entry in the chain, -1 at the end; in the free list, StartOfFreeList - next.</summary>
            public int next;
            public TKey key;
            public TValue value;
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
        private readonly IEqualityComparer<TKey> _comparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        public Dictionary() : this(0, null) { }

        public Dictionary(int capacity) : this(capacity, null) { }

        public Dictionary(IEqualityComparer<TKey> comparer) : this(0, comparer) { }

        public Dictionary(int capacity, IEqualityComparer<TKey> comparer)
        {
            if (capacity < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(capacity));
            if (capacity > 0) Initialize(capacity);
            _comparer = comparer ?? EqualityComparer<TKey>.Default;
        }

        public Dictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public Dictionary(IDictionary<TKey, TValue> dictionary, IEqualityComparer<TKey> comparer) : this(dictionary == null ? 0 : dictionary.Count, comparer)
        {
            if (dictionary == null) ThrowHelpers.ThrowArgumentNull(nameof(dictionary));
            foreach (KeyValuePair<TKey, TValue> pair in dictionary) Add(pair.Key, pair.Value);
        }

        public IEqualityComparer<TKey> Comparer => _comparer;

        public int Count => _count - _freeCount;

        public KeyCollection Keys => _keys ??= new KeyCollection(this);

        public ValueCollection Values => _values ??= new ValueCollection(this);

        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;

        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;

        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;

        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        public TValue this[TKey key]
        {
            get
            {
                int i = FindEntry(key);
                if (i < 0) throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
                return _entries[i].value;
            }
            set => TryInsert(key, value, false);
        }

        public void Add(TKey key, TValue value) => TryInsert(key, value, true);

        public bool TryAdd(TKey key, TValue value)
        {
            if (FindEntry(key) >= 0) return false;
            TryInsert(key, value, true);
            return true;
        }

        public bool ContainsKey(TKey key) => FindEntry(key) >= 0;

        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].next >= -1 && comparer.Equals(_entries[i].value, value)) return true;
            }
            return false;
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            int i = FindEntry(key);
            if (i >= 0)
            {
                value = _entries[i].value;
                return true;
            }
            value = default;
            return false;
        }

        public TValue GetValueOrDefault(TKey key) => TryGetValue(key, out TValue value) ? value : default;

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

        public bool Remove(TKey key) => Remove(key, out _);

        public bool Remove(TKey key, out TValue value)
        {
            CheckKey(key);
            if (_buckets != null)
            {
                uint hashCode = (uint)_comparer.GetHashCode(key);
                ref int bucket = ref GetBucket((uint)hashCode);
                int last = -1;
                int i = bucket - 1;
                while (i >= 0)
                {
                    ref Entry entry = ref _entries[i];
                    if (entry.hashCode == hashCode && _comparer.Equals(entry.key, key))
                    {
                        if (last < 0) bucket = entry.next + 1;
                        else _entries[last].next = entry.next;
                        value = entry.value;
                        entry.next = StartOfFreeList - _freeList;
                        entry.key = default;
                        entry.value = default;
                        _freeList = i;
                        _freeCount++;
                        return true;
                    }
                    last = i;
                    i = entry.next;
                }
            }
            value = default;
            return false;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(capacity));
            int current = _entries == null ? 0 : _entries.Length;
            if (current >= capacity) return current;
            _version++;
            if (_buckets == null) return Initialize(capacity);
            int newSize = HashHelpers.GetPrime(capacity);
            Resize(newSize);
            return newSize;
        }

        private static void CheckKey(TKey key)
        {
            if (!TypeTraits<TKey>.IsValueType && key == null) ThrowHelpers.ThrowArgumentNull(nameof(key));
        }

        private int Initialize(int capacity)
        {
            int size = HashHelpers.GetPrime(capacity);
            _freeList = -1;
            _buckets = new int[size];
            _fastModMultiplier = HashHelpers.GetFastModMultiplier((uint)size);
            _entries = new Entry[size];
            return size;
        }

        private int FindEntry(TKey key)
        {
            CheckKey(key);
            if (_buckets == null) return -1;
            uint hashCode = (uint)_comparer.GetHashCode(key);
            int i = GetBucket((uint)hashCode) - 1;
            while (i >= 0)
            {
                ref Entry entry = ref _entries[i];
                if (entry.hashCode == hashCode && _comparer.Equals(entry.key, key)) return i;
                i = entry.next;
            }
            return -1;
        }

        private void TryInsert(TKey key, TValue value, bool throwOnExisting)
        {
            CheckKey(key);
            if (_buckets == null) Initialize(0);
            uint hashCode = (uint)_comparer.GetHashCode(key);
            int i = GetBucket((uint)hashCode) - 1;
            while (i >= 0)
            {
                ref Entry candidate = ref _entries[i];
                if (candidate.hashCode == hashCode && _comparer.Equals(candidate.key, key))
                {
                    if (throwOnExisting)
                        throw new ArgumentException("An item with the same key has already been added. Key: " + key.ToString());
                    candidate.value = value;
                    return;
                }
                i = candidate.next;
            }
            int index;
            if (_freeCount > 0)
            {
                index = _freeList;
                _freeList = StartOfFreeList - _entries[_freeList].next;
                _freeCount--;
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
            entry.key = key;
            entry.value = value;
            bucket = index + 1;
            _version++;
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

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> pair) => Add(pair.Key, pair.Value);

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> pair)
        {
            int i = FindEntry(pair.Key);
            return i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, pair.Value);
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> pair)
        {
            int i = FindEntry(pair.Key);
            if (i >= 0 && EqualityComparer<TValue>.Default.Equals(_entries[i].value, pair.Value))
            {
                Remove(pair.Key);
                return true;
            }
            return false;
        }

        void ICollection<KeyValuePair<TKey, TValue>>.CopyTo(KeyValuePair<TKey, TValue>[] array, int index)
        {
            CheckCopyTo(array == null ? -1 : array.Length, index, Count);
            for (int i = 0; i < _count; i++)
            {
                if (_entries[i].next >= -1) array[index++] = new KeyValuePair<TKey, TValue>(_entries[i].key, _entries[i].value);
            }
        }

        internal static void CheckCopyTo(int arrayLength, int index, int count)
        {
            if (arrayLength < 0) ThrowHelpers.ThrowArgumentNull("array");
            if ((uint)index > (uint)arrayLength) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            if (arrayLength - index < count) ThrowHelpers.ThrowArgument(null, "Destination array is not long enough to copy all the items in the collection. Check array index and length.");
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        internal static void ThrowVersionChanged() =>
            throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");

        /// <summary>The next live entry at or after index (entries past _count and freed ones are skipped); -1 at the end.</summary>
        private int NextLive(int index)
        {
            while ((uint)index < (uint)_count)
            {
                if (_entries[index].next >= -1) return index;
                index++;
            }
            return -1;
        }

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;
            private readonly int _version;
            private int _index;
            private KeyValuePair<TKey, TValue> _current;

            internal Enumerator(Dictionary<TKey, TValue> dictionary)
            {
                _dictionary = dictionary;
                _version = dictionary._version;
                _index = 0;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _dictionary._version) ThrowVersionChanged();
                int i = _dictionary.NextLive(_index);
                if (i < 0)
                {
                    _index = _dictionary._count + 1;
                    _current = default;
                    return false;
                }
                _current = new KeyValuePair<TKey, TValue>(_dictionary._entries[i].key, _dictionary._entries[i].value);
                _index = i + 1;
                return true;
            }

            public KeyValuePair<TKey, TValue> Current => _current;

            object IEnumerator.Current => _current;

            void IEnumerator.Reset()
            {
                if (_version != _dictionary._version) ThrowVersionChanged();
                _index = 0;
                _current = default;
            }

            public void Dispose() { }
        }

        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public KeyCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) ThrowHelpers.ThrowArgumentNull(nameof(dictionary));
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;

            bool ICollection<TKey>.IsReadOnly => true;

            public bool Contains(TKey item) => _dictionary.ContainsKey(item);

            public void CopyTo(TKey[] array, int index)
            {
                CheckCopyTo(array == null ? -1 : array.Length, index, _dictionary.Count);
                for (int i = 0; i < _dictionary._count; i++)
                {
                    if (_dictionary._entries[i].next >= -1) array[index++] = _dictionary._entries[i].key;
                }
            }

            void ICollection<TKey>.Add(TKey item) => ThrowHelpers.ThrowNotSupported("Mutating a key collection derived from a dictionary is not allowed.");

            void ICollection<TKey>.Clear() => ThrowHelpers.ThrowNotSupported("Mutating a key collection derived from a dictionary is not allowed.");

            bool ICollection<TKey>.Remove(TKey item)
            {
                ThrowHelpers.ThrowNotSupported("Mutating a key collection derived from a dictionary is not allowed.");
                return false;
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator<TKey> IEnumerable<TKey>.GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            public struct Enumerator : IEnumerator<TKey>
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private readonly int _version;
                private int _index;
                private TKey _current;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _current = default;
                }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version) ThrowVersionChanged();
                    int i = _dictionary.NextLive(_index);
                    if (i < 0)
                    {
                        _index = _dictionary._count + 1;
                        _current = default;
                        return false;
                    }
                    _current = _dictionary._entries[i].key;
                    _index = i + 1;
                    return true;
                }

                public TKey Current => _current;

                object IEnumerator.Current => _current;

                void IEnumerator.Reset()
                {
                    _index = 0;
                    _current = default;
                }

                public void Dispose() { }
            }
        }

        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly Dictionary<TKey, TValue> _dictionary;

            public ValueCollection(Dictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) ThrowHelpers.ThrowArgumentNull(nameof(dictionary));
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;

            bool ICollection<TValue>.IsReadOnly => true;

            bool ICollection<TValue>.Contains(TValue item) => _dictionary.ContainsValue(item);

            public void CopyTo(TValue[] array, int index)
            {
                CheckCopyTo(array == null ? -1 : array.Length, index, _dictionary.Count);
                for (int i = 0; i < _dictionary._count; i++)
                {
                    if (_dictionary._entries[i].next >= -1) array[index++] = _dictionary._entries[i].value;
                }
            }

            void ICollection<TValue>.Add(TValue item) => ThrowHelpers.ThrowNotSupported("Mutating a value collection derived from a dictionary is not allowed.");

            void ICollection<TValue>.Clear() => ThrowHelpers.ThrowNotSupported("Mutating a value collection derived from a dictionary is not allowed.");

            bool ICollection<TValue>.Remove(TValue item)
            {
                ThrowHelpers.ThrowNotSupported("Mutating a value collection derived from a dictionary is not allowed.");
                return false;
            }

            public Enumerator GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator<TValue> IEnumerable<TValue>.GetEnumerator() => new Enumerator(_dictionary);

            IEnumerator IEnumerable.GetEnumerator() => new Enumerator(_dictionary);

            public struct Enumerator : IEnumerator<TValue>
            {
                private readonly Dictionary<TKey, TValue> _dictionary;
                private readonly int _version;
                private int _index;
                private TValue _current;

                internal Enumerator(Dictionary<TKey, TValue> dictionary)
                {
                    _dictionary = dictionary;
                    _version = dictionary._version;
                    _index = 0;
                    _current = default;
                }

                public bool MoveNext()
                {
                    if (_version != _dictionary._version) ThrowVersionChanged();
                    int i = _dictionary.NextLive(_index);
                    if (i < 0)
                    {
                        _index = _dictionary._count + 1;
                        _current = default;
                        return false;
                    }
                    _current = _dictionary._entries[i].value;
                    _index = i + 1;
                    return true;
                }

                public TValue Current => _current;

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
}
