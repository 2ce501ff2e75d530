namespace System
{
    public readonly struct UInt32
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly uint m_value;
#pragma warning restore CS0649

        public const uint MaxValue = 0xFFFFFFFF;
        public const uint MinValue = 0;

        public override string ToString() => Number.UInt64ToString(m_value);

        public bool Equals(uint obj) => m_value == obj;

        public override int GetHashCode() => (int)m_value;
    }
}
