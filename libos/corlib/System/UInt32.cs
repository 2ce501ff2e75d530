namespace System
{
    public readonly struct UInt32 : IComparable, IComparable<uint>, IEquatable<uint>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly uint m_value;
#pragma warning restore CS0649

        public const uint MaxValue = 0xFFFFFFFF;
        public const uint MinValue = 0;

        public override string ToString() => Number.UInt64ToString(m_value);

        public string ToString(string format) => Number.FormatUInt64(m_value, format);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(uint obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value;

        public override bool Equals(object obj) => obj is uint other && Equals(other);

        public int CompareTo(uint value) => m_value < value ? -1 : m_value > value ? 1 : 0;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is uint other) return CompareTo(other);
            throw new ArgumentException("Object must be of type UInt32.");
        }
    }
}
