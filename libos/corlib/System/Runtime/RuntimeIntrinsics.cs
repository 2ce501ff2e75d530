using System.Runtime.CompilerServices;

namespace System.Runtime
{
    /// <summary>Allocation primitives the frontend expands inline (header, length) around <c>tb_alloc</c>.</summary>
    public static class RuntimeIntrinsics
    {
        /// <summary>A zeroed string of <paramref name="length"/> characters with its header and length set.</summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern string AllocateString(int length);

        /// <summary>
        /// A new GenericEqualityComparer&lt;T&gt; when T implements IEquatable&lt;T&gt;, else an
        /// ObjectEqualityComparer&lt;T&gt;: decided by the compiler, which knows T.
        /// </summary>
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        internal static extern System.Collections.Generic.EqualityComparer<T> CreateDefaultEqualityComparer<T>();
    }
}
