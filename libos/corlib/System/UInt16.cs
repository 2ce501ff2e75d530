namespace System
{
    public readonly struct UInt16
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly ushort m_value;
#pragma warning restore CS0649

        public const ushort MaxValue = 65535;
        public const ushort MinValue = 0;

        public override string ToString() => Number.UInt64ToString(m_value);

        public bool Equals(ushort obj) => m_value == obj;

        public override int GetHashCode() => m_value;
    }
}
