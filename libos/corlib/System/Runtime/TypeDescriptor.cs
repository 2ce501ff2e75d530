namespace System.Runtime
{
    /// <summary>
    /// The type descriptor the compiler emits for every class, array, string, boxed value type and
    /// interface; each object's first word points to one. The layout is part of the runtime contract
    /// (docs/runtime-contract.md) and must match backend/Lowering/TypeDescriptors.cs field for field.
    /// The vtable's entries follow the fixed part.
    /// </summary>
    public unsafe struct TypeDescriptor
    {
        public const uint IsArray = 1;
        public const uint IsString = 2;
        public const uint ElementsAreReferences = 4;
        public const uint HasReferenceMap = 8;
        public const uint IsInterface = 16;
        public const uint IsBoxedValueType = 32;

        public uint Flags;
        public uint BaseSize;
        public uint ComponentSize;
        public uint InterfaceCount;
        public TypeDescriptor* Parent;
        /// <summary>NUL-terminated UTF-8, as .NET's Type.ToString() spells it.</summary>
        public byte* Name;
        public int* ReferenceMap;
        public TypeDescriptor* ElementType;
        public InterfaceEntry* Interfaces;
        public uint VTableLength;
        /// <summary>Rank of a multi-dimensional array, whose lengths (ints) follow the length at offset 8; 0 otherwise.</summary>
        public uint Rank;

        /// <summary>The descriptor of an object (its header word).</summary>
        public static TypeDescriptor* Of(void* obj) => *(TypeDescriptor**)obj;
    }

    /// <summary>An interface a type implements, and the code for each of the interface's slots.</summary>
    public unsafe struct InterfaceEntry
    {
        public TypeDescriptor* Interface;
        public void** Methods;
    }
}
