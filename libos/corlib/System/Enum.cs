namespace System
{
    /// <summary>Base of all enums. Formatting enum names needs metadata the image does not carry yet.</summary>
    public abstract class Enum : ValueType
    {
        protected Enum() { }
    }
}
