namespace System
{
    public readonly struct Int64
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly long m_value;
#pragma warning restore CS0649

        public const long MaxValue = 0x7FFFFFFFFFFFFFFF;
        public const long MinValue = unchecked((long)0x8000000000000000);

        public override string ToString() => Number.Int64ToString(m_value);

        public bool Equals(long obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
    }
}
