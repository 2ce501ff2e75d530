namespace System.Runtime.InteropServices
{
    /// <summary>Roslyn puts it in the modreq of <c>in</c> parameters of virtual methods and function pointers.</summary>
    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class InAttribute : Attribute
    {
    }

    [AttributeUsage(AttributeTargets.Parameter, Inherited = false)]
    public sealed class OutAttribute : Attribute
    {
    }

    /// <summary>Roslyn names it in the modreq of the <c>unmanaged</c> generic constraint; only the type matters.</summary>
    public enum UnmanagedType
    {
        Bool = 0x2,
        I1 = 0x3,
        U1 = 0x4,
        I2 = 0x5,
        U2 = 0x6,
        I4 = 0x7,
        U4 = 0x8,
        I8 = 0x9,
        U8 = 0xa,
        R4 = 0xb,
        R8 = 0xc,
    }
}
