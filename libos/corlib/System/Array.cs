using System.Runtime.CompilerServices;

namespace System
{
    /// <summary>Base of all arrays. C# reads an array's length with the ldlen instruction; this is the library view of it.</summary>
    public abstract unsafe partial class Array
    {
        // Runtime contract, "Object layout": the length is an int 8 bytes into the object.
        private const int LengthOffset = 8;

        public int Length => *(int*)(RuntimeHelpers.GetObjectAddress(this) + LengthOffset);
    }
}
