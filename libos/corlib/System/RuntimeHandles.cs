namespace System
{
    // Opaque metadata tokens in IL (ldtoken). The compiler resolves them at compile time; only
    // RuntimeFieldHandle has a use so far, as the argument of RuntimeHelpers.InitializeArray.

    public struct RuntimeTypeHandle
    {
    }

    public struct RuntimeMethodHandle
    {
    }

    public struct RuntimeFieldHandle
    {
    }
}
