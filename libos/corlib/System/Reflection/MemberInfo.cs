namespace System.Reflection
{
    /// <summary>
    /// The base of <see cref="Type"/>, as in .NET: code compiled against the framework reads a type's
    /// name through <c>MemberInfo.Name</c>. There is no reflection metadata behind it.
    /// </summary>
    public abstract class MemberInfo
    {
        public abstract string Name { get; }
    }
}
