namespace System
{
    public readonly struct Int16
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly short m_value;
#pragma warning restore CS0649

        public const short MaxValue = 32767;
        public const short MinValue = -32768;

        public override string ToString() => Number.Int64ToString(m_value);

        public bool Equals(short obj) => m_value == obj;

        public override int GetHashCode() => m_value;
    }
}
