using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>Allocation primitives the frontend expands inline (header, length) around <c>tb_alloc</c>.</summary>
    public static class RuntimeIntrinsics
    {
        /// <summary>A zeroed string of <paramref name="length"/> characters with its header and length set.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern string AllocateString(int length);
    }
}
