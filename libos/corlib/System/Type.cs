namespace System
{
    /// <summary>
    /// A placeholder so that attributes can take type arguments and <c>typeof</c> compiles; the image
    /// carries no reflection metadata, so the compiler reports <c>typeof</c> (ldtoken of a type) as
    /// unsupported.
    /// </summary>
    public abstract class Type
    {
        public static Type GetTypeFromHandle(RuntimeTypeHandle handle) => throw new NotSupportedException("Reflection is not supported.");
    }
}
