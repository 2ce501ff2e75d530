namespace System
{
    /// <summary>
    /// <c>nint</c>. Arithmetic, comparisons and conversions are built into the language
    /// (<see cref="System.Runtime.CompilerServices.RuntimeFeature.NumericIntPtr"/>), so only the named members live here.
    /// </summary>
    public readonly unsafe struct IntPtr
    {
        private readonly void* _value;

        // A static field without an initialiser is zero, which is all Zero needs.
        public static readonly nint Zero;

        public IntPtr(int value) { _value = (void*)(nint)value; }

        public IntPtr(long value) { _value = (void*)(nint)value; }

        public IntPtr(void* value) { _value = value; }

        public static int Size => sizeof(nint);

        public static nint MaxValue => unchecked((nint)0x7FFF_FFFF_FFFF_FFFF);

        public static nint MinValue => unchecked((nint)0x8000_0000_0000_0000);

        public void* ToPointer() => _value;

        public long ToInt64() => (long)(nint)_value;

        public int ToInt32() => checked((int)(nint)_value);

        public bool Equals(nint other) => (nint)_value == other;

        public override int GetHashCode()
        {
            long value = (long)(nint)_value;
            return (int)value ^ (int)(value >> 32);
        }

        public override string ToString() => Number.Int64ToString((long)(nint)_value);
    }
}
