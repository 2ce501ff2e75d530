namespace System
{
    // Metadata tokens in IL (ldtoken). A type's handle is its type descriptor (runtime contract); a
    // field's is used only as the argument of RuntimeHelpers.InitializeArray, which the compiler expands.

    public struct RuntimeTypeHandle
    {
        // Set by the compiler for ldtoken of a type: the address of the type's descriptor.
        internal IntPtr _value;

        public IntPtr Value => _value;
    }

    public struct RuntimeMethodHandle
    {
    }

    public struct RuntimeFieldHandle
    {
    }
}
