namespace System.Runtime.CompilerServices
{
    /// <summary>
    /// .NET's Unsafe, limited to the operations in the runtime contract. Every method is expanded by
    /// the frontend into IR; none has a body.
    /// </summary>
    public static unsafe class Unsafe
    {
        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref T Add<T>(ref T source, int elementOffset);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void* AsPointer<T>(ref T value);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref T AsRef<T>(void* source);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref T AsRef<T>(scoped ref readonly T source);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern int SizeOf<T>();

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref TTo As<TFrom, TTo>(ref TFrom source);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool AreSame<T>(ref T left, ref T right);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern bool IsNullRef<T>(ref T source);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern ref T NullRef<T>();

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern T ReadUnaligned<T>(void* source);

        [Intrinsic, MethodImpl(MethodImplOptions.InternalCall)]
        public static extern void WriteUnaligned<T>(void* destination, T value);
    }
}
