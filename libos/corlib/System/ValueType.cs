namespace System
{
    /// <summary>Base of all structs. Field-wise Equals/GetHashCode need reflection in .NET and are not provided.</summary>
    public abstract class ValueType
    {
        protected ValueType() { }
    }
}
