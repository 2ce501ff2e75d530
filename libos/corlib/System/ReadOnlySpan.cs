using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>The read-only counterpart of <see cref="Span{T}"/>; also what string literals convert to.</summary>
    public readonly ref struct ReadOnlySpan<T>
    {
        internal readonly ref T _reference;
        private readonly int _length;

        public ReadOnlySpan(T[] array)
        {
            if (array == null)
            {
                this = default;
                return;
            }
            _reference = ref SpanHelpers.FirstElement(array, 0, array.Length);
            _length = array.Length;
        }

        public ReadOnlySpan(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0)
                    ThrowHelpers.ThrowArgumentOutOfRange();
                this = default;
                return;
            }
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length)
                ThrowHelpers.ThrowArgumentOutOfRange();
            _reference = ref SpanHelpers.FirstElement(array, start, length);
            _length = length;
        }

        public unsafe ReadOnlySpan(void* pointer, int length)
        {
            if (length < 0)
                ThrowHelpers.ThrowArgumentOutOfRange();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        /// <summary>A span of the one element <paramref name="reference"/> refers to.</summary>
        public ReadOnlySpan(ref readonly T reference)
        {
            _reference = ref Unsafe.AsRef(in reference);
            _length = 1;
        }

        internal ReadOnlySpan(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        public ref readonly T this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length)
                    ThrowHelpers.ThrowIndexOutOfRange();
                return ref Unsafe.Add(ref _reference, index);
            }
        }

        public int Length => _length;

        /// <summary>The characters of a span of char; for other spans, its type and length, as in .NET.</summary>
        public override string ToString()
        {
            if (typeof(T) == typeof(char))
                return new string(new ReadOnlySpan<char>(ref Unsafe.As<T, char>(ref _reference), _length));
            return "System.ReadOnlySpan<" + typeof(T).Name + ">[" + _length.ToString() + "]";
        }

        public bool IsEmpty => _length == 0;

        public static ReadOnlySpan<T> Empty => default;

        public static implicit operator ReadOnlySpan<T>(T[] array) => new ReadOnlySpan<T>(array);

        public static bool operator ==(ReadOnlySpan<T> left, ReadOnlySpan<T> right) =>
            left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);

        public static bool operator !=(ReadOnlySpan<T> left, ReadOnlySpan<T> right) => !(left == right);

        // Obsolete so that callers are warned at compile time, as .NET does; overriding a non-obsolete
        // member with an obsolete one is exactly the intent.
#pragma warning disable CS0809
        /// <summary>Not supported, as in .NET: spans cannot be boxed, so this could only be a mistake.</summary>
        [Obsolete("Equals() on ReadOnlySpan will always throw an exception. Use the equality operator instead.")]
        public override bool Equals(object obj)
        {
            ThrowHelpers.ThrowNotSupported("Equals() on Span and ReadOnlySpan is not supported. Use operator== instead.");
            return false;
        }

        [Obsolete("GetHashCode() on ReadOnlySpan will always throw an exception.")]
        public override int GetHashCode()
        {
            ThrowHelpers.ThrowNotSupported("GetHashCode() on Span and ReadOnlySpan is not supported.");
            return 0;
        }
#pragma warning restore CS0809

        public ReadOnlySpan<T> Slice(int start)
        {
            if ((uint)start > (uint)_length)
                ThrowHelpers.ThrowArgumentOutOfRange();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), _length - start);
        }

        public ReadOnlySpan<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
                ThrowHelpers.ThrowArgumentOutOfRange();
            return new ReadOnlySpan<T>(ref Unsafe.Add(ref _reference, start), length);
        }

        public ref readonly T GetPinnableReference()
        {
            if (_length == 0)
                return ref Unsafe.NullRef<T>();
            return ref _reference;
        }

        public void CopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length)
                ThrowHelpers.ThrowArgument("destination", ThrowHelpers.DestinationTooShortMessage);
            SpanHelpers.Move(ref destination._reference, ref _reference, _length);
        }

        public bool TryCopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination.Length)
                return false;
            SpanHelpers.Move(ref destination._reference, ref _reference, _length);
            return true;
        }

        public T[] ToArray()
        {
            T[] array = new T[_length];
            if (_length != 0)
                SpanHelpers.Move(ref array[0], ref _reference, _length);
            return array;
        }

        public Enumerator GetEnumerator() => new Enumerator(this);

        public ref struct Enumerator
        {
            private readonly ReadOnlySpan<T> _span;
            private int _index;

            internal Enumerator(ReadOnlySpan<T> span)
            {
                _span = span;
                _index = -1;
            }

            public bool MoveNext()
            {
                int index = _index + 1;
                if (index < _span._length)
                {
                    _index = index;
                    return true;
                }
                return false;
            }

            public ref readonly T Current => ref _span[_index];
        }
    }
}
