namespace System
{
    /// <summary><c>nuint</c>; see <see cref="IntPtr"/>.</summary>
    public readonly unsafe struct UIntPtr
    {
        private readonly void* _value;

        public static readonly nuint Zero;

        public UIntPtr(uint value) { _value = (void*)(nuint)value; }

        public UIntPtr(ulong value) { _value = (void*)(nuint)value; }

        public UIntPtr(void* value) { _value = value; }

        public static int Size => sizeof(nuint);

        public static nuint MaxValue => unchecked((nuint)0xFFFF_FFFF_FFFF_FFFF);

        public static nuint MinValue => 0;

        public void* ToPointer() => _value;

        public ulong ToUInt64() => (ulong)(nuint)_value;

        public uint ToUInt32() => checked((uint)(nuint)_value);

        public bool Equals(nuint other) => (nuint)_value == other;

        public override int GetHashCode()
        {
            ulong value = (ulong)(nuint)_value;
            return (int)value ^ (int)(value >> 32);
        }

        public override string ToString() => Number.UInt64ToString((ulong)(nuint)_value);
    }
}
