using System.Runtime;

namespace System.Text
{
    /// <summary>
    /// A mutable string over one growable char array. .NET chains chunks instead; Capacity follows
    /// .NET's numbers anyway (16 by default, each growth adds max(needed, min(Capacity, 8000))), since
    /// programs can print it.
    /// </summary>
    public sealed unsafe partial class StringBuilder
    {
        private const int DefaultCapacity = 16;
        private const int MaxChunkSize = 8000;

        private char[] _chars;
        private int _length;
        private int _capacity;

        public StringBuilder() : this(DefaultCapacity) { }

        public StringBuilder(int capacity)
        {
            if (capacity < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(capacity), "'capacity' must be greater than zero.");
            if (capacity == 0) capacity = DefaultCapacity;
            _capacity = capacity;
            _chars = new char[capacity];
        }

        public StringBuilder(string value) : this(value, DefaultCapacity) { }

        public StringBuilder(string value, int capacity) : this(Math.Max(capacity, value == null ? 0 : value.Length))
        {
            Append(value);
        }

        public int Length
        {
            get => _length;
            set
            {
                if (value < 0) ThrowHelpers.ThrowNegativeArgument(nameof(value), value);
                if (value > _length) Append('\0', value - _length);
                else _length = value;
            }
        }

        public int Capacity
        {
            get => _capacity;
            set
            {
                if (value < _length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(value), "Capacity cannot be less than the current size.");
                _capacity = value;
                Reserve(value);
            }
        }

        public int MaxCapacity => int.MaxValue;

        [System.Runtime.CompilerServices.IndexerName("Chars")]
        public char this[int index]
        {
            get
            {
                if ((uint)index >= (uint)_length) ThrowHelpers.ThrowIndexOutOfRange();
                return _chars[index];
            }
            set
            {
                if ((uint)index >= (uint)_length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Index was out of range. Must be non-negative and less than the size of the collection.");
                _chars[index] = value;
            }
        }

        public int EnsureCapacity(int capacity)
        {
            if (capacity < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(capacity), "'capacity' must be greater than zero.");
            if (_capacity < capacity) Capacity = capacity;
            return _capacity;
        }

        /// <summary>Room for count more chars, growing Capacity as .NET's ExpandByABlock does.</summary>
        private void Grow(int count)
        {
            int needed = _length + count;
            if (needed > _capacity)
            {
                int minBlock = needed - _capacity;
                // .NET fills the current chunk first, so Length equals Capacity when it sizes the next one.
                int block = Math.Max(minBlock, Math.Min(_capacity, MaxChunkSize));
                _capacity += block;
            }
            Reserve(needed);
        }

        private void Reserve(int size)
        {
            if (size <= _chars.Length) return;
            int newSize = Math.Max(size, Math.Max(_capacity, 2 * _chars.Length));
            char[] chars = new char[newSize];
            Array.Copy(_chars, chars, _length);
            _chars = chars;
        }

        public StringBuilder Append(char value)
        {
            Grow(1);
            _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(char value, int repeatCount)
        {
            if (repeatCount < 0) ThrowHelpers.ThrowNegativeArgument(nameof(repeatCount), repeatCount);
            Grow(repeatCount);
            for (int i = 0; i < repeatCount; i++) _chars[_length++] = value;
            return this;
        }

        public StringBuilder Append(string value)
        {
            if (value != null) AppendChars(value.GetCharPointer(), value.Length);
            return this;
        }

        public StringBuilder Append(string value, int startIndex, int count)
        {
            if (startIndex < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "Index was out of range. Must be non-negative and less than the size of the collection.");
            if (count < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Count cannot be less than zero.");
            if (value == null)
            {
                if (startIndex == 0 && count == 0) return this;
                ThrowHelpers.ThrowArgumentNull(nameof(value));
            }
            if (count == 0) return this;
            if (startIndex > value.Length - count) ThrowHelpers.ThrowArgumentOutOfRange(nameof(count), "Index and count must refer to a location within the string.");
            AppendChars(value.GetCharPointer() + startIndex, count);
            return this;
        }

        public StringBuilder Append(char[] value)
        {
            if (value != null)
            {
                Grow(value.Length);
                for (int i = 0; i < value.Length; i++) _chars[_length++] = value[i];
            }
            return this;
        }

        public StringBuilder Append(ReadOnlySpan<char> value)
        {
            Grow(value.Length);
            for (int i = 0; i < value.Length; i++) _chars[_length++] = value[i];
            return this;
        }

        public StringBuilder Append(StringBuilder value)
        {
            if (value != null)
            {
                Grow(value._length);
                Array.Copy(value._chars, 0, _chars, _length, value._length);
                _length += value._length;
            }
            return this;
        }

        public StringBuilder Append(bool value) => Append(value.ToString());
        public StringBuilder Append(sbyte value) => Append(value.ToString());
        public StringBuilder Append(byte value) => Append(value.ToString());
        public StringBuilder Append(short value) => Append(value.ToString());
        public StringBuilder Append(ushort value) => Append(value.ToString());
        public StringBuilder Append(int value) => Append(value.ToString());
        public StringBuilder Append(uint value) => Append(value.ToString());
        public StringBuilder Append(long value) => Append(value.ToString());
        public StringBuilder Append(ulong value) => Append(value.ToString());
        public StringBuilder Append(float value) => Append(value.ToString());
        public StringBuilder Append(double value) => Append(value.ToString());
        public StringBuilder Append(decimal value) => Append(value.ToString());
        public StringBuilder Append(object value) => value == null ? this : Append(value.ToString());

        internal void AppendChars(char* chars, int count)
        {
            Grow(count);
            for (int i = 0; i < count; i++) _chars[_length + i] = chars[i];
            _length += count;
        }

        public StringBuilder AppendLine() => Append('\n');

        public StringBuilder AppendLine(string value) => Append(value).Append('\n');

        public StringBuilder AppendFormat(string format, object arg0) => AppendFormat(format, new object[] { arg0 });

        public StringBuilder AppendFormat(string format, object arg0, object arg1) => AppendFormat(format, new object[] { arg0, arg1 });

        public StringBuilder AppendFormat(string format, object arg0, object arg1, object arg2) => AppendFormat(format, new object[] { arg0, arg1, arg2 });

        public StringBuilder AppendFormat(string format, params object[] args)
        {
            if (args == null) ThrowHelpers.ThrowArgumentNull(format == null ? nameof(format) : nameof(args));
            string.AppendComposite(this, format, args);
            return this;
        }

        public StringBuilder AppendJoin(string separator, params string[] values) => Append(string.Join(separator, values));

        public StringBuilder AppendJoin(char separator, params string[] values) => Append(string.Join(separator, values));

        public StringBuilder Insert(int index, string value)
        {
            if ((uint)index > (uint)_length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(index), "Index was out of range. Must be non-negative and less than or equal to the size of the collection.");
            if (value == null || value.Length == 0) return this;
            int count = value.Length;
            Grow(count);
            Array.Copy(_chars, index, _chars, index + count, _length - index);
            for (int i = 0; i < count; i++) _chars[index + i] = value[i];
            _length += count;
            return this;
        }

        public StringBuilder Insert(int index, char value) => Insert(index, string.CreateFromChar(value));
        public StringBuilder Insert(int index, int value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, long value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, double value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, decimal value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, bool value) => Insert(index, value.ToString());
        public StringBuilder Insert(int index, object value) => value == null ? this : Insert(index, value.ToString());

        public StringBuilder Remove(int startIndex, int length)
        {
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), "Length cannot be less than zero.");
            if (startIndex < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "StartIndex cannot be less than zero.");
            if (length > _length - startIndex) ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), ThrowHelpers.IndexMustBeLessOrEqualMessage);
            Array.Copy(_chars, startIndex + length, _chars, startIndex, _length - startIndex - length);
            _length -= length;
            return this;
        }

        public StringBuilder Clear()
        {
            _length = 0;
            return this;
        }

        public StringBuilder Replace(char oldChar, char newChar)
        {
            for (int i = 0; i < _length; i++)
            {
                if (_chars[i] == oldChar) _chars[i] = newChar;
            }
            return this;
        }

        public StringBuilder Replace(string oldValue, string newValue)
        {
            if (oldValue == null) ThrowHelpers.ThrowArgumentNull(nameof(oldValue));
            if (oldValue.Length == 0) ThrowHelpers.ThrowArgument(nameof(oldValue), "The value cannot be an empty string.");
            string replaced = ToString().Replace(oldValue, newValue);
            _length = 0;
            return Append(replaced);
        }

        public bool Equals(StringBuilder sb)
        {
            if (sb == null || sb._length != _length) return false;
            for (int i = 0; i < _length; i++)
            {
                if (sb._chars[i] != _chars[i]) return false;
            }
            return true;
        }

        public override string ToString()
        {
            fixed (char* p = _chars) return string.CreateFromChars(p, _length);
        }

        public string ToString(int startIndex, int length)
        {
            if (startIndex < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "StartIndex cannot be less than zero.");
            if (startIndex > _length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(startIndex), "startIndex cannot be larger than length of string.");
            if (length < 0) ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), "Length cannot be less than zero.");
            if (startIndex > _length - length) ThrowHelpers.ThrowArgumentOutOfRange(nameof(length), "Index and length must refer to a location within the string.");
            fixed (char* p = _chars) return string.CreateFromChars(p + startIndex, length);
        }
    }
}
