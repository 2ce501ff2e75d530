namespace System.Runtime
{
    /// <summary>
    /// Calls to this <c>static extern</c> method go to the symbol <see cref="EntryPoint"/>, which a
    /// <see cref="RuntimeExportAttribute"/> elsewhere in the image or the target's assembly provides.
    /// </summary>
    [AttributeUsage(AttributeTargets.Method, Inherited = false)]
    public sealed class RuntimeImportAttribute : Attribute
    {
        public RuntimeImportAttribute(string entry) { EntryPoint = entry; }

        public string EntryPoint { get; }
    }
}
