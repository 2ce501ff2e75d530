namespace System
{
    public readonly struct Byte
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly byte m_value;
#pragma warning restore CS0649

        public const byte MaxValue = 255;
        public const byte MinValue = 0;

        public override string ToString() => Number.UInt64ToString(m_value);

        public bool Equals(byte obj) => m_value == obj;

        public override int GetHashCode() => m_value;
    }
}
