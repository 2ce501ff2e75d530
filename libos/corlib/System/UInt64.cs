namespace System
{
    public readonly struct UInt64
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly ulong m_value;
#pragma warning restore CS0649

        public const ulong MaxValue = 0xFFFFFFFFFFFFFFFF;
        public const ulong MinValue = 0;

        public override string ToString() => Number.UInt64ToString(m_value);

        public bool Equals(ulong obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value ^ (int)(m_value >> 32);
    }
}
