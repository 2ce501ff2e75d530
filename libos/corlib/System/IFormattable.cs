namespace System
{
    public interface IFormatProvider
    {
        object GetFormat(Type formatType);
    }

    /// <summary>Every format provider is treated as the invariant culture: the image has no culture data.</summary>
    public interface IFormattable
    {
        string ToString(string format, IFormatProvider formatProvider);
    }
}
