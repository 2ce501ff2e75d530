namespace System
{
    public readonly struct SByte
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly sbyte m_value;
#pragma warning restore CS0649

        public const sbyte MaxValue = 127;
        public const sbyte MinValue = -128;

        public override string ToString() => Number.Int64ToString(m_value);

        public bool Equals(sbyte obj) => m_value == obj;

        public override int GetHashCode() => m_value;
    }
}
