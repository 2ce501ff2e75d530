namespace System
{
    /// <summary>
    /// <c>new T()</c> for a type parameter with the <c>new()</c> constraint. The program is
    /// monomorphised, so the compiler knows T at every call and expands this (frontend: an
    /// allocation and a call of T's parameterless constructor, or a zeroed value type).
    /// </summary>
    public static class Activator
    {
        [Runtime.CompilerServices.MethodImpl(Runtime.CompilerServices.MethodImplOptions.InternalCall)]
        public static extern T CreateInstance<T>();
    }
}
