namespace System
{
    public readonly struct Int16 : IComparable, IComparable<short>, IEquatable<short>, IFormattable
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly short m_value;
#pragma warning restore CS0649

        public const short MaxValue = 32767;
        public const short MinValue = -32768;

        public override string ToString() => Number.Int64ToString(m_value);

        public string ToString(string format) => Number.FormatInt64(m_value, format, 2);

        public string ToString(IFormatProvider provider) => ToString();

        public string ToString(string format, IFormatProvider provider) => ToString(format);

        public bool Equals(short obj) => m_value == obj;

        public override int GetHashCode() => m_value;

        public override bool Equals(object obj) => obj is short other && Equals(other);

        // .NET returns the difference for types narrower than int, and programs may print it.
        public int CompareTo(short value) => m_value - value;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is short other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Int16.");
        }
    }
}
