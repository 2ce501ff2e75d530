namespace System
{
    /// <summary>
    /// The culture-sensitive members behave as ordinal ones: the image has only the invariant culture
    /// and, like .NET under invariant globalization, compares ordinally (ignoring case by simple case mapping).
    /// </summary>
    public enum StringComparison
    {
        CurrentCulture = 0,
        CurrentCultureIgnoreCase = 1,
        InvariantCulture = 2,
        InvariantCultureIgnoreCase = 3,
        Ordinal = 4,
        OrdinalIgnoreCase = 5,
    }

    [Flags]
    public enum StringSplitOptions
    {
        None = 0,
        RemoveEmptyEntries = 1,
        TrimEntries = 2,
    }
}
