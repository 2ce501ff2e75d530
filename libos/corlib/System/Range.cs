using System.Runtime;

namespace System
{
    /// <summary>.NET's Range: <c>start..end</c>, each end an <see cref="Index"/>.</summary>
    public readonly struct Range : IEquatable<Range>
    {
        public Index Start { get; }
        public Index End { get; }

        public Range(Index start, Index end)
        {
            Start = start;
            End = end;
        }

        public override bool Equals(object value) => value is Range other && Equals(other);
        public bool Equals(Range other) => other.Start.Equals(Start) && other.End.Equals(End);

        // .NET combines with HashCode.Combine, which is seeded per process: no program can depend on the value.
        public override int GetHashCode() => Start.GetHashCode() * 31 + End.GetHashCode();

        public override string ToString() => Start.ToString() + ".." + End.ToString();

        public static Range StartAt(Index start) => new Range(start, Index.End);
        public static Range EndAt(Index end) => new Range(Index.Start, end);
        public static Range All => new Range(Index.Start, Index.End);

        /// <summary>Offset and length in a collection of <paramref name="length"/> items; out of range fails as in .NET.</summary>
        public (int Offset, int Length) GetOffsetAndLength(int length)
        {
            int start = Start.GetOffset(length);
            int end = End.GetOffset(length);
            if ((uint)end > (uint)length || (uint)start > (uint)end)
                ThrowHelpers.ThrowArgumentOutOfRange("length");
            return (start, end - start);
        }
    }
}
