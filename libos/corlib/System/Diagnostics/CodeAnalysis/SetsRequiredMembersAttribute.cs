namespace System.Diagnostics.CodeAnalysis
{
    /// <summary>A constructor that sets all <c>required</c> members, so callers need no object initializer.</summary>
    [AttributeUsage(AttributeTargets.Constructor, Inherited = false)]
    public sealed class SetsRequiredMembersAttribute : Attribute
    {
    }
}
