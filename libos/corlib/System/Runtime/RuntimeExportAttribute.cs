namespace System.Runtime
{
    /// <summary>
    /// Emits the static method under the exact, externally visible symbol <see cref="EntryPoint"/>
    /// (C calling convention) and makes it a root of reachability. See docs/runtime-contract.md.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class RuntimeExportAttribute : Attribute
    {
        public RuntimeExportAttribute(string entry) { EntryPoint = entry; }

        public string EntryPoint { get; }
    }
}
