namespace System
{
    public readonly struct UInt64 : IComparable, IComparable<ulong>, IEquatable<ulong>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly ulong m_value;
#pragma warning restore CS0649

        public const ulong MaxValue = 0xFFFFFFFFFFFFFFFF;
        public const ulong MinValue = 0;

        public override string ToString() => Number.UInt64ToString(m_value);

        public string ToString(string format) => Number.FormatUInt64(m_value, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(ulong obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);

        public override bool Equals(object obj) => obj is ulong other && Equals(other);

        public int CompareTo(ulong value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is ulong other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt64.");
        }
    }
}
