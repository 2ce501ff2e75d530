namespace System
{
    /// <summary>A placeholder so attributes can take type arguments; no reflection, so <c>typeof</c> is not supported yet.</summary>
    public abstract class Type
    {
    }
}
