using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>.NET's Queue&lt;T&gt;: a circular array grown by doubling (at least 4 more), enumerated head to tail.</summary>
    public class Queue<T> : IReadOnlyCollection<T>
    {
        private T[] _array;
        private int _head;
        private int _tail;
        private int _size;
        private int _version;

        public Queue() { _array = Array.Empty<T>(); }

        public Queue(int capacity)
        {
            if (capacity < 0) ThrowHelpers.ThrowNegativeArgument(nameof(capacity), capacity);
            _array = new T[capacity];
        }

        public Queue(IEnumerable<T> collection)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNull(nameof(collection));
            _array = Array.Empty<T>();
            foreach (T item in collection) Enqueue(item);
        }

        public int Count => _size;

        public void Clear()
        {
            if (_size != 0)
            {
                if (_head < _tail) Array.Clear(_array, _head, _size);
                else
                {
                    Array.Clear(_array, _head, _array.Length - _head);
                    Array.Clear(_array, 0, _tail);
                }
                _size = 0;
            }
            _head = 0;
            _tail = 0;
            _version++;
        }

        public void Enqueue(T item)
        {
            if (_size == _array.Length) Grow(_size + 1);
            _array[_tail] = item;
            MoveNext(ref _tail);
            _size++;
            _version++;
        }

        public T Dequeue()
        {
            if (_size == 0) ThrowEmpty();
            T removed = _array[_head];
            _array[_head] = default;
            MoveNext(ref _head);
            _size--;
            _version++;
            return removed;
        }

        public bool TryDequeue(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = Dequeue();
            return true;
        }

        public T Peek()
        {
            if (_size == 0) ThrowEmpty();
            return _array[_head];
        }

        public bool TryPeek(out T result)
        {
            result = _size == 0 ? default : _array[_head];
            return _size != 0;
        }

        public bool Contains(T item)
        {
            EqualityComparer<T> comparer = EqualityComparer<T>.Default;
            for (int i = 0; i < _size; i++)
            {
                if (comparer.Equals(_array[(_head + i) % _array.Length], item)) return true;
            }
            return false;
        }

        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            T[] result = new T[_size];
            for (int i = 0; i < _size; i++) result[i] = _array[(_head + i) % _array.Length];
            return result;
        }

        public void TrimExcess()
        {
            int threshold = (int)(_array.Length * 0.9);
            if (_size < threshold) SetCapacity(_size);
        }

        private static void ThrowEmpty() => throw new InvalidOperationException("Queue empty.");

        private void MoveNext(ref int index)
        {
            int next = index + 1;
            if (next == _array.Length) next = 0;
            index = next;
        }

        private void Grow(int capacity)
        {
            const int GrowFactor = 2;
            const int MinimumGrow = 4;
            int newCapacity = GrowFactor * _array.Length;
            if ((uint)newCapacity > 0x7FFFFFC7) newCapacity = 0x7FFFFFC7;
            newCapacity = Math.Max(newCapacity, _array.Length + MinimumGrow);
            if (newCapacity < capacity) newCapacity = capacity;
            SetCapacity(newCapacity);
        }

        private void SetCapacity(int capacity)
        {
            T[] array = new T[capacity];
            for (int i = 0; i < _size; i++) array[i] = _array[(_head + i) % _array.Length];
            _array = array;
            _head = 0;
            _tail = _size == capacity ? 0 : _size;
            _version++;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly Queue<T> _queue;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(Queue<T> queue)
            {
                _queue = queue;
                _version = queue._version;
                _index = -1;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _queue._version) Dictionary<int, int>.ThrowVersionChanged();
                if (_index == -2) return false;
                _index++;
                if (_index == _queue._size)
                {
                    _index = -2;
                    _current = default;
                    return false;
                }
                _current = _queue._array[(_queue._head + _index) % _queue._array.Length];
                return true;
            }

            public T Current => _current;

            object IEnumerator.Current => _current;

            void IEnumerator.Reset()
            {
                _index = -1;
                _current = default;
            }

            public void Dispose() { _index = -2; _current = default; }
        }
    }
}
