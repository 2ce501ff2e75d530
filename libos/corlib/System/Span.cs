using System.Runtime;
using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>
    /// A bounds-checked view of contiguous memory: a managed array, stack memory or native memory.
    /// The view is a reference to the first element plus a length; an empty span may hold a null
    /// reference, which nothing can dereference because every access is checked against the length.
    /// </summary>
    public readonly ref struct Span<T>
    {
        internal readonly ref T _reference;
        private readonly int _length;

        public Span(T[] array)
        {
            if (array == null)
            {
                this = default;
                return;
            }
            _reference = ref SpanHelpers.FirstElement(array, 0, array.Length);
            _length = array.Length;
        }

        public Span(T[] array, int start, int length)
        {
            if (array == null)
            {
                if (start != 0 || length != 0)
                    ThrowHelpers.ThrowArgumentOutOfRange();
                this = default;
                return;
            }
            // One unsigned 64-bit test covers negative start, negative length and overflow of start + length.
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)array.Length)
                ThrowHelpers.ThrowArgumentOutOfRange();
            _reference = ref SpanHelpers.FirstElement(array, start, length);
            _length = length;
        }

        public unsafe Span(void* pointer, int length)
        {
            if (length < 0)
                ThrowHelpers.ThrowArgumentOutOfRange();
            _reference = ref Unsafe.AsRef<T>(pointer);
            _length = length;
        }

        public Span(ref T reference)
        {
            _reference = ref reference;
            _length = 1;
        }

        internal Span(ref T reference, int length)
        {
            _reference = ref reference;
            _length = length;
        }

        public ref T this[int index]
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
            return "System.Span<" + typeof(T).Name + ">[" + _length.ToString() + "]";
        }

        public bool IsEmpty => _length == 0;

        public static Span<T> Empty => default;

        public static implicit operator Span<T>(T[] array) => new Span<T>(array);

        public static implicit operator ReadOnlySpan<T>(Span<T> span) => new ReadOnlySpan<T>(ref span._reference, span._length);

        /// <summary>Same memory and same length, as in .NET; not element-wise equality.</summary>
        public static bool operator ==(Span<T> left, Span<T> right) =>
            left._length == right._length && Unsafe.AreSame(ref left._reference, ref right._reference);

        public static bool operator !=(Span<T> left, Span<T> right) => !(left == right);

        // Obsolete so that callers are warned at compile time, as .NET does; overriding a non-obsolete
        // member with an obsolete one is exactly the intent.
#pragma warning disable CS0809
        /// <summary>Not supported, as in .NET: spans cannot be boxed, so this could only be a mistake.</summary>
        [Obsolete("Equals() on Span will always throw an exception. Use the equality operator instead.")]
        public override bool Equals(object obj)
        {
            ThrowHelpers.ThrowNotSupported("Equals() on Span and ReadOnlySpan is not supported. Use operator== instead.");
            return false;
        }

        [Obsolete("GetHashCode() on Span will always throw an exception.")]
        public override int GetHashCode()
        {
            ThrowHelpers.ThrowNotSupported("GetHashCode() on Span and ReadOnlySpan is not supported.");
            return 0;
        }
#pragma warning restore CS0809

        public Span<T> Slice(int start)
        {
            if ((uint)start > (uint)_length)
                ThrowHelpers.ThrowArgumentOutOfRange();
            return new Span<T>(ref Unsafe.Add(ref _reference, start), _length - start);
        }

        public Span<T> Slice(int start, int length)
        {
            if ((ulong)(uint)start + (ulong)(uint)length > (ulong)(uint)_length)
                ThrowHelpers.ThrowArgumentOutOfRange();
            return new Span<T>(ref Unsafe.Add(ref _reference, start), length);
        }

        /// <summary>What <c>fixed (T* p = span)</c> pins: the first element, or null for an empty span.</summary>
        public ref T GetPinnableReference()
        {
            if (_length == 0)
                return ref Unsafe.NullRef<T>();
            return ref _reference;
        }

        public void Clear() => SpanHelpers.Clear(ref _reference, _length);

        public void Fill(T value)
        {
            for (int i = 0; i < _length; i++)
                Unsafe.Add(ref _reference, i) = value;
        }

        public void CopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination._length)
                ThrowHelpers.ThrowArgument("destination", ThrowHelpers.DestinationTooShortMessage);
            SpanHelpers.Move(ref destination._reference, ref _reference, _length);
        }

        public bool TryCopyTo(Span<T> destination)
        {
            if ((uint)_length > (uint)destination._length)
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

        /// <summary>What <c>foreach</c> over a span uses; yields references, so elements can be updated in place.</summary>
        public ref struct Enumerator
        {
            private readonly Span<T> _span;
            private int _index;

            internal Enumerator(Span<T> span)
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

            public ref T Current => ref _span[_index];
        }
    }
}
