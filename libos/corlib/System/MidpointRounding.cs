namespace System
{
    /// <summary>How rounding treats a value halfway between two candidates (and the directed modes), as in .NET.</summary>
    public enum MidpointRounding
    {
        ToEven = 0,
        AwayFromZero = 1,
        ToZero = 2,
        ToNegativeInfinity = 3,
        ToPositiveInfinity = 4,
    }
}
