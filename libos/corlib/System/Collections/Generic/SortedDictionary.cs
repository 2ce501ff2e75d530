using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// .NET's SortedDictionary&lt;TKey,TValue&gt;: a <see cref="SortedSet{T}"/> of key/value pairs ordered by
    /// key, as .NET builds it. Setting an existing key replaces the value and keeps the stored key,
    /// and counts as a modification for enumerators, as in .NET.
    /// </summary>
    public class SortedDictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    {
        private readonly SortedSet<KeyValuePair<TKey, TValue>> _set;
        private readonly IComparer<TKey> _keyComparer;
        private KeyCollection _keys;
        private ValueCollection _values;

        public SortedDictionary() : this((IComparer<TKey>)null) { }

        public SortedDictionary(IComparer<TKey> comparer)
        {
            _keyComparer = comparer ?? Comparer<TKey>.Default;
            _set = new SortedSet<KeyValuePair<TKey, TValue>>(new KeyValuePairComparer(_keyComparer));
        }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary) : this(dictionary, null) { }

        public SortedDictionary(IDictionary<TKey, TValue> dictionary, IComparer<TKey> comparer) : this(comparer)
        {
            if (dictionary == null) ThrowHelpers.ThrowArgumentNull(nameof(dictionary));
            foreach (KeyValuePair<TKey, TValue> pair in dictionary) Add(pair.Key, pair.Value);
        }

        public int Count => _set.Count;

        public IComparer<TKey> Comparer => _keyComparer;

        bool ICollection<KeyValuePair<TKey, TValue>>.IsReadOnly => false;

        public KeyCollection Keys => _keys ??= new KeyCollection(this);

        public ValueCollection Values => _values ??= new ValueCollection(this);

        ICollection<TKey> IDictionary<TKey, TValue>.Keys => Keys;

        ICollection<TValue> IDictionary<TKey, TValue>.Values => Values;

        IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => Keys;

        IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => Values;

        private SortedSet<KeyValuePair<TKey, TValue>>.Node Find(TKey key)
        {
            if (!TypeTraits<TKey>.IsValueType && key == null) ThrowHelpers.ThrowArgumentNull(nameof(key));
            return _set.FindNode(new KeyValuePair<TKey, TValue>(key, default));
        }

        public TValue this[TKey key]
        {
            get
            {
                var node = Find(key);
                if (node == null) throw new KeyNotFoundException("The given key '" + key.ToString() + "' was not present in the dictionary.");
                return node.Item.Value;
            }
            set
            {
                var node = Find(key);
                if (node == null)
                {
                    _set.Insert(new KeyValuePair<TKey, TValue>(key, value));
                    return;
                }
                node.Item = new KeyValuePair<TKey, TValue>(node.Item.Key, value);
                _set.UpdateVersion();
            }
        }

        public void Add(TKey key, TValue value)
        {
            if (!TypeTraits<TKey>.IsValueType && key == null) ThrowHelpers.ThrowArgumentNull(nameof(key));
            var pair = new KeyValuePair<TKey, TValue>(key, value);
            if (_set.Insert(pair) == null)
                throw new ArgumentException("An item with the same key has already been added. Key: " + pair.ToString());
        }

        void ICollection<KeyValuePair<TKey, TValue>>.Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

        public bool ContainsKey(TKey key) => Find(key) != null;

        public bool ContainsValue(TValue value)
        {
            EqualityComparer<TValue> comparer = EqualityComparer<TValue>.Default;
            foreach (KeyValuePair<TKey, TValue> pair in _set)
            {
                if (comparer.Equals(pair.Value, value)) return true;
            }
            return false;
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Contains(KeyValuePair<TKey, TValue> item)
        {
            var node = Find(item.Key);
            return node != null && EqualityComparer<TValue>.Default.Equals(node.Item.Value, item.Value);
        }

        public bool TryGetValue(TKey key, out TValue value)
        {
            var node = Find(key);
            value = node == null ? default : node.Item.Value;
            return node != null;
        }

        public bool Remove(TKey key)
        {
            var node = Find(key);
            if (node == null) return false;
            _set.DeleteNode(node);
            return true;
        }

        bool ICollection<KeyValuePair<TKey, TValue>>.Remove(KeyValuePair<TKey, TValue> item)
        {
            var node = Find(item.Key);
            if (node == null || !EqualityComparer<TValue>.Default.Equals(node.Item.Value, item.Value)) return false;
            _set.DeleteNode(node);
            return true;
        }

        public void Clear() => _set.Clear();

        public void CopyTo(KeyValuePair<TKey, TValue>[] array, int index) => _set.CopyTo(array, index);

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<KeyValuePair<TKey, TValue>> IEnumerable<KeyValuePair<TKey, TValue>>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        private static void CheckCopyTo(Array array, int index, int count)
        {
            if (array == null) ThrowHelpers.ThrowArgumentNull(nameof(array));
            if (index < 0) ThrowHelpers.ThrowNegativeArgument(nameof(index), index);
            if (array.Length - index < count)
                throw new ArgumentException("Destination array is not long enough to copy all the items in the collection. Check array index and length.");
        }

        /// <summary>Orders pairs by key alone, so that lookups can pass a pair with a default value.</summary>
        private sealed class KeyValuePairComparer : Comparer<KeyValuePair<TKey, TValue>>
        {
            private readonly IComparer<TKey> _keyComparer;

            public KeyValuePairComparer(IComparer<TKey> keyComparer) { _keyComparer = keyComparer; }

            public override int Compare(KeyValuePair<TKey, TValue> x, KeyValuePair<TKey, TValue> y) => _keyComparer.Compare(x.Key, y.Key);
        }

        public struct Enumerator : IEnumerator<KeyValuePair<TKey, TValue>>
        {
            private SortedSet<KeyValuePair<TKey, TValue>>.Enumerator _inner;

            internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary._set.GetEnumerator(); }

            public bool MoveNext() => _inner.MoveNext();

            public KeyValuePair<TKey, TValue> Current => _inner.Current;

            object IEnumerator.Current => ((IEnumerator)_inner).Current;

            void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();

            public void Dispose() { }
        }

        public sealed class KeyCollection : ICollection<TKey>, IReadOnlyCollection<TKey>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public KeyCollection(SortedDictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) ThrowHelpers.ThrowArgumentNull(nameof(dictionary));
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;

            bool ICollection<TKey>.IsReadOnly => true;

            public void CopyTo(TKey[] array, int index)
            {
                CheckCopyTo(array, index, Count);
                foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set) array[index++] = pair.Key;
            }

            bool ICollection<TKey>.Contains(TKey item) => _dictionary.ContainsKey(item);

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
                private SortedDictionary<TKey, TValue>.Enumerator _inner;

                internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary.GetEnumerator(); }

                public bool MoveNext() => _inner.MoveNext();

                public TKey Current => _inner.Current.Key;

                object IEnumerator.Current => ((KeyValuePair<TKey, TValue>)((IEnumerator)_inner).Current).Key;

                void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();

                public void Dispose() { }
            }
        }

        public sealed class ValueCollection : ICollection<TValue>, IReadOnlyCollection<TValue>
        {
            private readonly SortedDictionary<TKey, TValue> _dictionary;

            public ValueCollection(SortedDictionary<TKey, TValue> dictionary)
            {
                if (dictionary == null) ThrowHelpers.ThrowArgumentNull(nameof(dictionary));
                _dictionary = dictionary;
            }

            public int Count => _dictionary.Count;

            bool ICollection<TValue>.IsReadOnly => true;

            public void CopyTo(TValue[] array, int index)
            {
                CheckCopyTo(array, index, Count);
                foreach (KeyValuePair<TKey, TValue> pair in _dictionary._set) array[index++] = pair.Value;
            }

            bool ICollection<TValue>.Contains(TValue item) => _dictionary.ContainsValue(item);

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
                private SortedDictionary<TKey, TValue>.Enumerator _inner;

                internal Enumerator(SortedDictionary<TKey, TValue> dictionary) { _inner = dictionary.GetEnumerator(); }

                public bool MoveNext() => _inner.MoveNext();

                public TValue Current => _inner.Current.Value;

                object IEnumerator.Current => ((KeyValuePair<TKey, TValue>)((IEnumerator)_inner).Current).Value;

                void IEnumerator.Reset() => ((IEnumerator)_inner).Reset();

                public void Dispose() { }
            }
        }
    }
}
