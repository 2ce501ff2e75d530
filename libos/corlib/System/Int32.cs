namespace System
{
    public readonly struct Int32
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly int m_value;
#pragma warning restore CS0649

        public const int MaxValue = 0x7FFFFFFF;
        public const int MinValue = unchecked((int)0x80000000);

        public override string ToString() => Number.Int64ToString(m_value);

        public bool Equals(int obj) => m_value == obj;

        public override int GetHashCode() => m_value;
    }
}
