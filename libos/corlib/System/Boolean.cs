namespace System
{
    public readonly struct Boolean : IComparable, IComparable<bool>, IEquatable<bool>
    {
        // The primitive's own value: `this` is the number, and nothing ever assigns the field.
#pragma warning disable CS0649
        private readonly bool m_value;
#pragma warning restore CS0649

        // .NET exposes these as static readonly fields; constants need no static initialiser.
        internal const string TrueLiteral = "True";
        internal const string FalseLiteral = "False";

        public override string ToString() => m_value ? TrueLiteral : FalseLiteral;

        public bool Equals(bool obj) => m_value == obj;

        public override int GetHashCode() => m_value ? 1 : 0;

        public override bool Equals(object obj) => obj is bool other && Equals(other);

        public int CompareTo(bool value) => m_value == value ? 0 : m_value ? 1 : -1;

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is bool other) return CompareTo(other);
            throw new ArgumentException("Object must be of type Boolean.");
        }
    }
}
