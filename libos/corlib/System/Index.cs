using System.Runtime;

namespace System
{
    /// <summary>
    /// .NET's Index: a position from the start or, for <c>^n</c>, from the end. One int holds both:
    /// a from-end index is stored complemented, so it is negative.
    /// </summary>
    public readonly struct Index : IEquatable<Index>
    {
        private const string NeedNonNegativeNumber = "Non-negative number required.";
        private readonly int _value;

        public Index(int value, bool fromEnd = false)
        {
            if (value < 0)
                ThrowHelpers.ThrowArgumentOutOfRange("value", NeedNonNegativeNumber);
            _value = fromEnd ? ~value : value;
        }

        // Takes the stored form as it is; preferred over the public constructor for one argument.
        private Index(int value) { _value = value; }

        public static Index Start => new Index(0);
        public static Index End => new Index(~0);

        public static Index FromStart(int value)
        {
            if (value < 0)
                ThrowHelpers.ThrowArgumentOutOfRange("value", NeedNonNegativeNumber);
            return new Index(value);
        }

        public static Index FromEnd(int value)
        {
            if (value < 0)
                ThrowHelpers.ThrowArgumentOutOfRange("value", NeedNonNegativeNumber);
            return new Index(~value);
        }

        public int Value => _value < 0 ? ~_value : _value;
        public bool IsFromEnd => _value < 0;

        /// <summary>The offset in a collection of <paramref name="length"/> items; not checked against it, as in .NET.</summary>
        public int GetOffset(int length)
        {
            int offset = _value;
            if (IsFromEnd)
                offset += length + 1;
            return offset;
        }

        public override bool Equals(object value) => value is Index other && _value == other._value;
        public bool Equals(Index other) => _value == other._value;
        public override int GetHashCode() => _value;

        public static implicit operator Index(int value) => FromStart(value);

        public override string ToString() => IsFromEnd ? "^" + ((uint)Value).ToString() : ((uint)Value).ToString();
    }
}
