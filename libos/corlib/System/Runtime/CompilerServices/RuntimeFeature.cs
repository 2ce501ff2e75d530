namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Roslyn enables language features that need runtime support when the core library declares the
    /// matching constant: ref fields (for Span), nint/IntPtr unification, default interface methods.
    /// </summary>
    public static class RuntimeFeature
    {
        public const string ByRefFields = nameof(ByRefFields);
        public const string NumericIntPtr = nameof(NumericIntPtr);
        public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
        // Interface slots fall back to the interface's own body (frontend/VirtualTables.cs).
        public const string DefaultImplementationsOfInterfaces = nameof(DefaultImplementationsOfInterfaces);
    }
}
