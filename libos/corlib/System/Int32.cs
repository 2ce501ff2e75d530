namespace System
{
    public readonly struct Int32 : IComparable, IComparable<int>, IEquatable<int>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly int m_value;
#pragma warning restore CS0649

        public const int MaxValue = 0x7FFFFFFF;
        public const int MinValue = unchecked((int)0x80000000);

        public override string ToString() => Number.Int64ToString(m_value);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 4);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(int obj) => m_value == obj;

        public override int GetHashCode() => m_value;

        public override bool Equals(object obj) => obj is int other && Equals(other);

        public int CompareTo(int value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is int other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int32.");
        }
    }
}
