namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// Roslyn enables language features that need runtime support when the core library declares the
    /// matching constant: ref fields (for Span) and nint/IntPtr unification.
    /// </summary>
    public static class RuntimeFeature
    {
        public const string ByRefFields = nameof(ByRefFields);
        public const string NumericIntPtr = nameof(NumericIntPtr);
        public const string UnmanagedSignatureCallingConvention = nameof(UnmanagedSignatureCallingConvention);
    }
}
