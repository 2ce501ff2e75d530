using System.Runtime;

namespace System.Collections.Generic
{
    /// <summary>.NET's Stack&lt;T&gt;: an array grown by doubling from 4, enumerated top to bottom.</summary>
    public class Stack<T> : IReadOnlyCollection<T>
    {
        private T[] _array;
        private int _size;
        private int _version;

        public Stack() { _array = Array.Empty<T>(); }

        public Stack(int capacity)
        {
            if (capacity < 0) ThrowHelpers.ThrowNegativeArgument(nameof(capacity), capacity);
            _array = new T[capacity];
        }

        public Stack(IEnumerable<T> collection)
        {
            if (collection == null) ThrowHelpers.ThrowArgumentNull(nameof(collection));
            _array = Array.Empty<T>();
            foreach (T item in collection) Push(item);
        }

        public int Count => _size;

        public void Clear()
        {
            Array.Clear(_array, 0, _size);
            _size = 0;
            _version++;
        }

        public bool Contains(T item) => _size != 0 && Array.LastIndexOfCore(_array, item, 0, _size) != -1;

        public void Push(T item)
        {
            if (_size == _array.Length)
            {
                int capacity = _array.Length == 0 ? 4 : 2 * _array.Length;
                T[] array = new T[capacity];
                for (int i = 0; i < _size; i++) array[i] = _array[i];
                _array = array;
            }
            _array[_size++] = item;
            _version++;
        }

        public T Pop()
        {
            if (_size == 0) ThrowEmpty();
            _version++;
            T item = _array[--_size];
            _array[_size] = default;
            return item;
        }

        public bool TryPop(out T result)
        {
            if (_size == 0)
            {
                result = default;
                return false;
            }
            result = Pop();
            return true;
        }

        public T Peek()
        {
            if (_size == 0) ThrowEmpty();
            return _array[_size - 1];
        }

        public bool TryPeek(out T result)
        {
            result = _size == 0 ? default : _array[_size - 1];
            return _size != 0;
        }

        public T[] ToArray()
        {
            if (_size == 0) return Array.Empty<T>();
            T[] result = new T[_size];
            for (int i = 0; i < _size; i++) result[i] = _array[_size - 1 - i];
            return result;
        }

        private static void ThrowEmpty() => throw new InvalidOperationException("Stack empty.");

        public Enumerator GetEnumerator() => new Enumerator(this);

        IEnumerator<T> IEnumerable<T>.GetEnumerator() => new Enumerator(this);

        IEnumerator IEnumerable.GetEnumerator() => new Enumerator(this);

        public struct Enumerator : IEnumerator<T>
        {
            private readonly Stack<T> _stack;
            private readonly int _version;
            private int _index;
            private T _current;

            internal Enumerator(Stack<T> stack)
            {
                _stack = stack;
                _version = stack._version;
                _index = -2;
                _current = default;
            }

            public bool MoveNext()
            {
                if (_version != _stack._version) throw new InvalidOperationException("Collection was modified after the enumerator was instantiated.");
                if (_index == -2) _index = _stack._size - 1;
                else if (_index >= 0) _index--;
                else return false;
                if (_index < 0)
                {
                    _current = default;
                    return false;
                }
                _current = _stack._array[_index];
                return true;
            }

            public T Current => _current;

            object IEnumerator.Current => _current;

            void IEnumerator.Reset()
            {
                _index = -2;
                _current = default;
            }

            public void Dispose() { _index = -1; }
        }
    }
}
