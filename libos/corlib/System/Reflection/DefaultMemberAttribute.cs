namespace System.Reflection
{
    /// <summary>Roslyn marks types with indexers with it (the indexer's metadata name).</summary>
    [AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct | AttributeTargets.Interface)]
    public sealed class DefaultMemberAttribute : Attribute
    {
        public DefaultMemberAttribute(string memberName) { MemberName = memberName; }

        public string MemberName { get; }
    }
}
