namespace System
{
    public readonly struct Int64 : IComparable, IComparable<long>, IEquatable<long>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly long m_value;
#pragma warning restore CS0649

        public const long MaxValue = 0x7FFFFFFFFFFFFFFF;
        public const long MinValue = unchecked((long)0x8000000000000000);

        public override string ToString() => Number.Int64ToString(m_value);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 8);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(long obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

        public override bool Equals(object obj) => obj is long other && Equals(other);

        public int CompareTo(long value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is long other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int64.");
        }
    }
}
