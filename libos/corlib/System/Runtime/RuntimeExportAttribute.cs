namespace System.Runtime
{
    /// <summary>
    /// Emits the static method under the exact, externally visible symbol <see cref="EntryPoint"/>
    /// (C calling convention) and makes it a root of reachability, or, with
    /// <see cref="WhenImported"/>, reachable from the imports that name it. See docs/runtime-contract.md.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class RuntimeExportAttribute : Attribute
    {
        public RuntimeExportAttribute(string entry) { EntryPoint = entry; }

        public string EntryPoint { get; }

        /// <summary>
        /// Compile the method only when a reachable <see cref="RuntimeImportAttribute"/> names the symbol
        /// (a library-OS service such as sockets or threads), instead of making it a root of every image.
        /// </summary>
        public bool WhenImported { get; set; }
    }
}
