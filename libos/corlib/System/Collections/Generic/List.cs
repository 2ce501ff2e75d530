using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>
    /// .NET's List&lt;T&gt;: an array grown by doubling from 4, a version that enumerators check, and
    /// the same argument checks and messages.
    /// </summary>
    public class List<T> : IList<T>, IReadOnlyList<T>, System.Collections.IList
    {
        private const int DefaultCapacity = 4;
        private const int MaxArrayLength = 0x7FFFFFC7;

        internal T[] _items;
        internal int _size;
        internal int _version;

        public List() { _items = Array.Empty<T>(); }

        public List(int capacity)
        {
            if (capacity < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(capacity), "Non-negative number required.");
            _items = capacity == 0 ? Array.Empty<T>() : new T[capacity];
        }

        public List(IEnumerable<T> collection)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNull(nameof(collection));
            if (collection is ICollection<T> c)
            {
                int count = c.Count;
                _items = count == 0 ? Array.Empty<T>() : new T[count];
                if (count > 0)
                {
                    c.CopyTo(_items, 0);
                    _size = count;
                }
                return;
            }
            _items = Array.Empty<T>();
            foreach (T item in collection) Add(item);
        }

        public int Capacity
        {
            get => _items.Length;
            set
            {
                if (value < _size) ThrowHelpers.ThrowArgumentOutOfRange(nameof(value), "capacity was less than the current size.");
                if (value == _items.Length) return;
                if (value == 0)
                {
                    _items = Array.Empty<T>();
                    return;
                }
                T[] items = new T[value];
                if (_size > 0) Array.Copy(_items, items, _size);
                _items = items;
            }
        }

        public int Count => _size;

        bool ICollection<T>.IsReadOnly => false;

        // The non-generic IList (.NET's explicit implementations; Socket.Select takes one).
        bool System.Collections.IList.IsReadOnly => false;

        bool System.Collections.IList.IsFixedSize => false;

        object System.Collections.ICollection.SyncRoot => this;

        bool System.Collections.ICollection.IsSynchronized => false;

        object System.Collections.IList.this[int index]
        {
            get => this[index];
            set => this[index] = (T)value;
        }

        private static bool IsCompatibleObject(object value) => (value is T) || (value == null && default(T) == null);

        int System.Collections.IList.Add(object item)
        {
            Add((T)item);
            return Count - 1;
        }

        bool System.Collections.IList.Contains(object item) => IsCompatibleObject(item) && Contains((T)item);

        int System.Collections.IList.IndexOf(object item) => IsCompatibleObject(item) ? IndexOf((T)item) : -1;

        void System.Collections.IList.Insert(int index, object item) => Insert(index, (T)item);

        void System.Collections.IList.Remove(object item)
        {
            if (IsCompatibleObject(item)) Remove((T)item);
        }

        void System.Collections.ICollection.CopyTo(Array array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _size);

        public T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_size) ThrowIndexOutOfRange();
                return _items[index];
            }
            set
            {
                if ((uint)index >= (uint)_size) ThrowIndexOutOfRange();
                _items[index] = value;
                _version++;
            }
        }

        private static void ThrowIndexOutOfRange() =>
            ThrowHelpers.ThrowArgumentOutOfRange("index", "Index was out of range. Must be non-negative and less than the size of the collection.");

        public void Add(T item)
        {
            _version++;
            if ((uint)_size < (uint)_items.Length)
            {
                _items[_size++] = item;
                return;
            }
            Grow(_size + 1);
            _items[_size++] = item;
        }

        public void AddRange(IEnumerable<T> collection)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNull(nameof(collection));
            InsertRange(_size, collection);
        }

        /// <summary>.NET's growth: double (4 when empty), at least what is needed, capped at the maximum array length.</summary>
        private void Grow(int capacity)
        {
            int newCapacity = _items.Length == 0 ? DefaultCapacity : 2 * _items.Length;
            if ((uint)newCapacity > MaxArrayLength) newCapacity = MaxArrayLength;
            if (newCapacity < capacity) newCapacity = capacity;
            Capacity = newCapacity;
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) ThrowHelpers.ThrowNegativeArgument(nameof(capacity), capacity);
            if (_items.Length < capacity) Grow(capacity);
            return _items.Length;
        }

        public void Clear()
        {
            _version++;
            if (_size > 0)
            {
                Array.Clear(_items, 0, _size);
                _size = 0;
            }
        }

        public bool Contains(T item) => _size != 0 && IndexOf(item) >= 0;

        public int IndexOf(T item) => Array.IndexOfCore(_items, item, 0, _size);

        public int IndexOf(T item, int index)
        {
            if (index > _size) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            return Array.IndexOfCore(_items, item, index, _size - index);
        }

        public int LastIndexOf(T item) => _size == 0 ? -1 : Array.LastIndexOfCore(_items, item, 0, _size);

        public void Insert(int index, T item)
        {
            if ((uint)index > (uint)_size)
                ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Index must be within the bounds of the List.");
            if (_size == _items.Length) Grow(_size + 1);
            if (index < _size) Array.Copy(_items, index, _items, index + 1, _size - index);
            _items[index] = item;
            _size++;
            _version++;
        }

        public void InsertRange(int index, IEnumerable<T> collection)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNull(nameof(collection));
            if ((uint)index > (uint)_size) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            // Materialised first: inserting a list into itself must see the elements as they were.
            T[] added;
            if (collection is ICollection<T> c)
            {
                added = new T[c.Count];
                c.CopyTo(added, 0);
            }
            else
            {
                var buffer = new List<T>();
                foreach (T item in collection) buffer.Add(item);
                added = buffer.ToArray();
            }
            int count = added.Length;
            if (count == 0) return;
            if (_items.Length - _size < count) Grow(_size + count);
            if (index < _size) Array.Copy(_items, index, _items, index + count, _size - index);
            Array.Copy(added, 0, _items, index, count);
            _size += count;
            _version++;
        }

        public bool Remove(T item)
        {
            int index = IndexOf(item);
            if (index < 0) return false;
            RemoveAt(index);
            return true;
        }

        public void RemoveAt(int index)
        {
            if ((uint)index >= (uint)_size) ThrowIndexOutOfRange();
            _size--;
            if (index < _size) Array.Copy(_items, index + 1, _items, index, _size - index);
            _items[_size] = default;
            _version++;
        }

        public void RemoveRange(int index, int count)
        {
            if (index < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Non-negative number required.");
            if (count < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Non-negative number required.");
            if (_size - index < count) ThrowHelpers.ThrowArgument(null, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (count == 0) return;
            _size -= count;
            if (index < _size) Array.Copy(_items, index + count, _items, index, _size - index);
            _version++;
            Array.Clear(_items, _size, count);
        }

        public int RemoveAll(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNull(nameof(match));
            int free = 0;
            while (free < _size && !match(_items[free])) free++;
            if (free >= _size) return 0;
            int current = free + 1;
            while (current < _size)
            {
                while (current < _size && match(_items[current])) current++;
                if (current < _size) _items[free++] = _items[current++];
            }
            Array.Clear(_items, free, _size - free);
            int removed = _size - free;
            _size = free;
            _version++;
            return removed;
        }

        public T Find(Predicate<T> match)
        {
            int i = FindIndex(match);
            return i < 0 ? default : _items[i];
        }

        public int FindIndex(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNull(nameof(match));
            for (int i = 0; i < _size; i++)
            {
                if (match(_items[i])) return i;
            }
            return -1;
        }

        public List<T> FindAll(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNull(nameof(match));
            var list = new List<T>();
            for (int i = 0; i < _size; i++)
            {
                if (match(_items[i])) list.Add(_items[i]);
            }
            return list;
        }

        public bool Exists(Predicate<T> match) => FindIndex(match) != -1;

        public bool TrueForAll(Predicate<T> match)
        {
            if (match == null) ThrowHelpers.ThrowArgumentNull(nameof(match));
            for (int i = 0; i < _size; i++)
            {
                if (!match(_items[i])) return false;
            }
            return true;
        }

        public void ForEach(Action<T> action)
        {
            if (action == null) ThrowHelpers.ThrowArgumentNull(nameof(action));
            int version = _version;
            for (int i = 0; i < _size; i++)
            {
                if (version != _version) break;
                action(_items[i]);
            }
            if (version != _version) Enumerator.ThrowVersionChanged();
        }

        public List<TOutput> ConvertAll<TOutput>(Converter<T, TOutput> converter)
        {
            if (converter == null) ThrowHelpers.ThrowArgumentNull(nameof(converter));
            var list = new List<TOutput>(_size);
            for (int i = 0; i < _size; i++) list._items[i] = converter(_items[i]);
            list._size = _size;
            return list;
        }

        public List<T> GetRange(int index, int count)
        {
            if (index < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Non-negative number required.");
            if (count < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Non-negative number required.");
            if (_size - index < count) ThrowHelpers.ThrowArgument(null, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            var list = new List<T>(count);
            Array.Copy(_items, index, list._items, 0, count);
            list._size = count;
            return list;
        }

        public void Reverse()
        {
            Array.ReverseCore(_items, 0, _size);
            _version++;
        }

        public void Reverse(int index, int count)
        {
            if (index < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Non-negative number required.");
            if (count < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Non-negative number required.");
            if (_size - index < count) ThrowHelpers.ThrowArgument(null, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            Array.ReverseCore(_items, index, count);
            _version++;
        }

        public void Sort() => Sort(0, _size, null);

        public void Sort(IComparer<T> comparer) => Sort(0, _size, comparer);

        public void Sort(int index, int count, IComparer<T> comparer)
        {
            if (index < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Non-negative number required.");
            if (count < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Non-negative number required.");
            if (_size - index < count) ThrowHelpers.ThrowArgument(null, "Offset and length were out of bounds for the array or count is greater than the number of elements from index to the end of the source collection.");
            if (count > 1) ArraySortHelper<T>.Sort(_items, index, count, comparer);
            _version++;
        }

        public void Sort(Comparison<T> comparison)
        {
            if (comparison == null) ThrowHelpers.ThrowArgumentNull(nameof(comparison));
            if (_size > 1) ArraySortHelper<T>.Sort(_items, 0, _size, new ComparisonComparer<T>(comparison));
            _version++;
        }

        public int BinarySearch(T item) => Array.BinarySearch(_items, 0, _size, item, null);

        public int BinarySearch(T item, IComparer<T> comparer) => Array.BinarySearch(_items, 0, _size, item, comparer);

        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            T[] array = new T[_size];
            Array.Copy(_items, array, _size);
            return array;
        }

        public void CopyTo(T[] array) => CopyTo(array, 0);

        public void CopyTo(T[] array, int arrayIndex) => Array.Copy(_items, 0, array, arrayIndex, _size);

        public void TrimExcess()
        {
            int threshold = (int)(((double)_items.Length) * 0.9);
            if (_size < threshold) Capacity = _size;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly List<T> _list;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(List<T> list)
            {
                _list = list;
                _index = 0;
                _version = list._version;
                _current = default;
            }

            public void Dispose() { }

            public bool MoveNext()
            {
                List<T> list = _list;
                if (_version == list._version && (uint)_index < (uint)list._size)
                {
                    _current = list._items[_index];
                    _index++;
                    return true;
                }
                if (_version != _list._version) ThrowVersionChanged();
                _index = _list._size + 1;
                _current = default;
                return false;
            }

            public T Current => _current;

            object IEnumerator.Current
            {
                get
                {
                    if (_index == 0 || _index == _list._size + 1)
                        throw new InvalidOperationException("Enumeration has either not started or has already finished.");
                    return _current;
                }
            }

            void IEnumerator.Reset()
            {
                if (_version != _list._version) ThrowVersionChanged();
                _index = 0;
                _current = default;
            }

            internal static void ThrowVersionChanged() =>
                throw new InvalidOperationException("Collection was modified; enumeration operation may not execute.");
        }
    }
}
