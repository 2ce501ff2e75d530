namespace Testbed.LibOS.Memory
{
    /// <summary>
    /// The compiler's type descriptor, the target of every object's first word (docs/runtime-contract.md,
    /// "Object layout"). The compiler emits these as read-only data; the collector only reads the fields
    /// that tell it where references are. Declared sequentially so that the offsets match the contract
    /// on every target: 0 Flags, 4 BaseSize, 8 ComponentSize, 12 InterfaceCount, 16 Parent, 24 Name,
    /// 32 ReferenceMap, 40 ElementType, 48 Interfaces, 56 VTableLength, 64 the vtable.
    /// </summary>
    public unsafe struct TypeDescriptor
    {
        public const uint IsArray = 1;
        public const uint IsString = 2;
        /// <summary>An array whose elements are object references, 8 bytes each from offset 16.</summary>
        public const uint ElementsAreReferences = 4;
        /// <summary><see cref="ReferenceMap"/> is set: instances (or, for arrays, each element) hold references.</summary>
        public const uint HasReferenceMap = 8;
        public const uint IsInterface = 16;
        public const uint IsBoxedValueType = 32;

        public uint Flags;
        /// <summary>Bytes of an instance with its 8-byte header; arrays 16 and strings 12, elements excluded.</summary>
        public uint BaseSize;
        public uint ComponentSize;
        public uint InterfaceCount;
        public TypeDescriptor* Parent;
        public byte* Name;
        /// <summary><c>{ int count; int offsets[count] }</c>: byte offsets of reference fields, or null.</summary>
        public int* ReferenceMap;
        public TypeDescriptor* ElementType;
        public void* Interfaces;
        public uint VTableLength;
        public uint Reserved;
    }
}
