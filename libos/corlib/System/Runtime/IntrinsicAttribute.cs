namespace System.Runtime
{
    /// <summary>
    /// The frontend replaces calls to this <c>static extern</c> method with IR. It recognises the
    /// method by declaring type and name; the attribute documents the fact for readers and tools.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method | AttributeTargets.Class | AttributeTargets.Struct, Inherited = false)]
    public sealed class IntrinsicAttribute : Attribute
    {
    }
}
