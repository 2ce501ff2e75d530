using System.Runtime.InteropServices;
using System.Text;

namespace Testbed.Backend.Llvm;

/// <summary>DebugInfo.h's DWARF type encodings (DW_ATE_*), the values DWARF gives them.</summary>
public enum DwarfEncoding : uint { Address = 0x01, Boolean = 0x02, Float = 0x04, Signed = 0x05, Unsigned = 0x07, Utf = 0x10 }

/// <summary>LLVMModuleFlagBehavior: how a module flag merges when modules are linked.</summary>
public enum LLVMModuleFlagBehavior { Error, Warning, Require, Override, Append, AppendUnique }

// DebugInfo.h: the DIBuilder, through which the backend writes DWARF (line tables, subprograms,
// variables and their types). Names go through as UTF-8 with explicit lengths, as the C API takes them.
public static unsafe partial class LLVM
{
    /// <summary>LLVMDWARFSourceLanguageC: DWARF has no C# code, and gdb's C evaluator reads our structs and pointers as they are.</summary>
    public const uint DwarfLanguageC = 1;
    /// <summary>LLVMDWARFEmissionFull.</summary>
    public const uint DwarfEmissionFull = 1;
    /// <summary>DIFlags: DIFlagPrototyped (C-style prototype) and DIFlagArtificial (compiler-made code or variables).</summary>
    public const int DIFlagPrototyped = 1 << 8, DIFlagArtificial = 1 << 6;

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCreateDIBuilder")]
    public static partial LLVMDIBuilderRef CreateDIBuilder(LLVMModuleRef module);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDisposeDIBuilder")]
    public static partial void DisposeDIBuilder(LLVMDIBuilderRef builder);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderFinalize")]
    public static partial void DIBuilderFinalize(LLVMDIBuilderRef builder);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDebugMetadataVersion")]
    public static partial uint DebugMetadataVersion();

    /// <summary>Removes every debug record, location and DWARF node from the module; true if there was any.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMStripModuleDebugInfo")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool StripModuleDebugInfo(LLVMModuleRef module);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMValueAsMetadata")]
    public static partial LLVMMetadataRef ValueAsMetadata(LLVMValueRef value);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMAddModuleFlag")]
    private static partial void AddModuleFlagRaw(LLVMModuleRef module, LLVMModuleFlagBehavior behavior, byte* key, nuint keyLength, LLVMMetadataRef value);

    public static void AddModuleFlag(LLVMModuleRef module, LLVMModuleFlagBehavior behavior, string key, LLVMMetadataRef value)
    {
        var k = Encoding.UTF8.GetBytes(key);
        fixed (byte* pk = k) AddModuleFlagRaw(module, behavior, pk, (nuint)k.Length, value);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateFile")]
    private static partial LLVMMetadataRef DIBuilderCreateFileRaw(LLVMDIBuilderRef builder, byte* name, nuint nameLength, byte* directory, nuint directoryLength);

    public static LLVMMetadataRef DIBuilderCreateFile(LLVMDIBuilderRef builder, string name, string directory)
    {
        var n = Encoding.UTF8.GetBytes(name);
        var d = Encoding.UTF8.GetBytes(directory);
        fixed (byte* pn = n) fixed (byte* pd = d) return DIBuilderCreateFileRaw(builder, pn, (nuint)n.Length, pd, (nuint)d.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateCompileUnit")]
    private static partial LLVMMetadataRef DIBuilderCreateCompileUnitRaw(LLVMDIBuilderRef builder, uint language, LLVMMetadataRef file,
        byte* producer, nuint producerLength, int isOptimized, byte* flags, nuint flagsLength, uint runtimeVersion,
        byte* splitName, nuint splitNameLength, uint emissionKind, uint dwoId, int splitDebugInlining, int debugInfoForProfiling,
        byte* sysRoot, nuint sysRootLength, byte* sdk, nuint sdkLength);

    public static LLVMMetadataRef DIBuilderCreateCompileUnit(LLVMDIBuilderRef builder, LLVMMetadataRef file, string producer, bool optimized)
    {
        var p = Encoding.UTF8.GetBytes(producer);
        byte empty = 0;
        fixed (byte* pp = p)
            return DIBuilderCreateCompileUnitRaw(builder, DwarfLanguageC, file, pp, (nuint)p.Length, optimized ? 1 : 0, &empty, 0, 0,
                &empty, 0, DwarfEmissionFull, 0, 0, 0, &empty, 0, &empty, 0);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateSubroutineType")]
    private static partial LLVMMetadataRef DIBuilderCreateSubroutineTypeRaw(LLVMDIBuilderRef builder, LLVMMetadataRef file, LLVMMetadataRef* parameterTypes, uint count, int flags);

    /// <summary><paramref name="types"/>: the return type first (a null handle for void), then the parameters.</summary>
    public static LLVMMetadataRef DIBuilderCreateSubroutineType(LLVMDIBuilderRef builder, LLVMMetadataRef file, LLVMMetadataRef[] types)
    {
        fixed (LLVMMetadataRef* p = types) return DIBuilderCreateSubroutineTypeRaw(builder, file, p, (uint)types.Length, 0);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateFunction")]
    private static partial LLVMMetadataRef DIBuilderCreateFunctionRaw(LLVMDIBuilderRef builder, LLVMMetadataRef scope, byte* name, nuint nameLength,
        byte* linkageName, nuint linkageNameLength, LLVMMetadataRef file, uint line, LLVMMetadataRef type, int isLocalToUnit, int isDefinition,
        uint scopeLine, int flags, int isOptimized);

    public static LLVMMetadataRef DIBuilderCreateFunction(LLVMDIBuilderRef builder, LLVMMetadataRef scope, string name, string linkageName,
        LLVMMetadataRef file, uint line, LLVMMetadataRef type, bool localToUnit, uint scopeLine, int flags, bool optimized)
    {
        var n = Encoding.UTF8.GetBytes(name);
        var l = Encoding.UTF8.GetBytes(linkageName);
        fixed (byte* pn = n) fixed (byte* pl = l)
            return DIBuilderCreateFunctionRaw(builder, scope, pn, (nuint)n.Length, pl, (nuint)l.Length, file, line, type,
                localToUnit ? 1 : 0, 1, scopeLine, flags, optimized ? 1 : 0);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetSubprogram")]
    public static partial void SetSubprogram(LLVMValueRef function, LLVMMetadataRef subprogram);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateDebugLocation")]
    public static partial LLVMMetadataRef DIBuilderCreateDebugLocation(LLVMContextRef context, uint line, uint column, LLVMMetadataRef scope, LLVMMetadataRef inlinedAt);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetCurrentDebugLocation2")]
    public static partial void SetCurrentDebugLocation2(LLVMBuilderRef builder, LLVMMetadataRef location);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInstructionSetDebugLoc")]
    public static partial void InstructionSetDebugLoc(LLVMValueRef instruction, LLVMMetadataRef location);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateBasicType")]
    private static partial LLVMMetadataRef DIBuilderCreateBasicTypeRaw(LLVMDIBuilderRef builder, byte* name, nuint nameLength, ulong sizeInBits, DwarfEncoding encoding, int flags);

    public static LLVMMetadataRef DIBuilderCreateBasicType(LLVMDIBuilderRef builder, string name, ulong sizeInBits, DwarfEncoding encoding)
    {
        var n = Encoding.UTF8.GetBytes(name);
        fixed (byte* pn = n) return DIBuilderCreateBasicTypeRaw(builder, pn, (nuint)n.Length, sizeInBits, encoding, 0);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreatePointerType")]
    private static partial LLVMMetadataRef DIBuilderCreatePointerTypeRaw(LLVMDIBuilderRef builder, LLVMMetadataRef pointee, ulong sizeInBits, uint alignInBits, uint addressSpace, byte* name, nuint nameLength);

    public static LLVMMetadataRef DIBuilderCreatePointerType(LLVMDIBuilderRef builder, LLVMMetadataRef pointee, string name)
    {
        var n = Encoding.UTF8.GetBytes(name);
        fixed (byte* pn = n) return DIBuilderCreatePointerTypeRaw(builder, pointee, 64, 64, 0, pn, (nuint)n.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateMemberType")]
    private static partial LLVMMetadataRef DIBuilderCreateMemberTypeRaw(LLVMDIBuilderRef builder, LLVMMetadataRef scope, byte* name, nuint nameLength,
        LLVMMetadataRef file, uint line, ulong sizeInBits, uint alignInBits, ulong offsetInBits, int flags, LLVMMetadataRef type);

    public static LLVMMetadataRef DIBuilderCreateMemberType(LLVMDIBuilderRef builder, LLVMMetadataRef scope, string name, LLVMMetadataRef file,
        ulong sizeInBits, ulong offsetInBits, LLVMMetadataRef type)
    {
        var n = Encoding.UTF8.GetBytes(name);
        fixed (byte* pn = n) return DIBuilderCreateMemberTypeRaw(builder, scope, pn, (nuint)n.Length, file, 0, sizeInBits, 0, offsetInBits, 0, type);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateStructType")]
    private static partial LLVMMetadataRef DIBuilderCreateStructTypeRaw(LLVMDIBuilderRef builder, LLVMMetadataRef scope, byte* name, nuint nameLength,
        LLVMMetadataRef file, uint line, ulong sizeInBits, uint alignInBits, int flags, LLVMMetadataRef derivedFrom, LLVMMetadataRef* elements,
        uint elementCount, uint runtimeLanguage, LLVMMetadataRef vtableHolder, byte* uniqueId, nuint uniqueIdLength);

    public static LLVMMetadataRef DIBuilderCreateStructType(LLVMDIBuilderRef builder, LLVMMetadataRef scope, string name, LLVMMetadataRef file,
        ulong sizeInBits, LLVMMetadataRef[] elements)
    {
        var n = Encoding.UTF8.GetBytes(name);
        byte empty = 0;
        fixed (byte* pn = n) fixed (LLVMMetadataRef* pe = elements)
            return DIBuilderCreateStructTypeRaw(builder, scope, pn, (nuint)n.Length, file, 0, sizeInBits, 0, 0, default, pe, (uint)elements.Length, 0, default, &empty, 0);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateArrayType")]
    private static partial LLVMMetadataRef DIBuilderCreateArrayTypeRaw(LLVMDIBuilderRef builder, ulong sizeInBits, uint alignInBits, LLVMMetadataRef elementType, LLVMMetadataRef* subscripts, uint subscriptCount);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderGetOrCreateSubrange")]
    private static partial LLVMMetadataRef DIBuilderGetOrCreateSubrange(LLVMDIBuilderRef builder, long lowerBound, long count);

    /// <summary>A C array of <paramref name="count"/> elements (0: a flexible array member, as an object's trailing elements are).</summary>
    public static LLVMMetadataRef DIBuilderCreateArrayType(LLVMDIBuilderRef builder, LLVMMetadataRef elementType, ulong elementBits, long count)
    {
        var range = DIBuilderGetOrCreateSubrange(builder, 0, count);
        return DIBuilderCreateArrayTypeRaw(builder, elementBits * (ulong)count, 0, elementType, &range, 1);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateAutoVariable")]
    private static partial LLVMMetadataRef DIBuilderCreateAutoVariableRaw(LLVMDIBuilderRef builder, LLVMMetadataRef scope, byte* name, nuint nameLength,
        LLVMMetadataRef file, uint line, LLVMMetadataRef type, int alwaysPreserve, int flags, uint alignInBits);

    public static LLVMMetadataRef DIBuilderCreateAutoVariable(LLVMDIBuilderRef builder, LLVMMetadataRef scope, string name, LLVMMetadataRef file, uint line, LLVMMetadataRef type)
    {
        var n = Encoding.UTF8.GetBytes(name);
        fixed (byte* pn = n) return DIBuilderCreateAutoVariableRaw(builder, scope, pn, (nuint)n.Length, file, line, type, 1, 0, 0);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateParameterVariable")]
    private static partial LLVMMetadataRef DIBuilderCreateParameterVariableRaw(LLVMDIBuilderRef builder, LLVMMetadataRef scope, byte* name, nuint nameLength,
        uint argumentNumber, LLVMMetadataRef file, uint line, LLVMMetadataRef type, int alwaysPreserve, int flags);

    /// <summary><paramref name="argumentNumber"/> counts from 1.</summary>
    public static LLVMMetadataRef DIBuilderCreateParameterVariable(LLVMDIBuilderRef builder, LLVMMetadataRef scope, string name, uint argumentNumber,
        LLVMMetadataRef file, uint line, LLVMMetadataRef type)
    {
        var n = Encoding.UTF8.GetBytes(name);
        fixed (byte* pn = n) return DIBuilderCreateParameterVariableRaw(builder, scope, pn, (nuint)n.Length, argumentNumber, file, line, type, 1, 0);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderCreateExpression")]
    private static partial LLVMMetadataRef DIBuilderCreateExpressionRaw(LLVMDIBuilderRef builder, ulong* operations, nuint count);

    public static LLVMMetadataRef DIBuilderCreateEmptyExpression(LLVMDIBuilderRef builder) => DIBuilderCreateExpressionRaw(builder, null, 0);

    /// <summary>Records that <paramref name="storage"/> (an alloca) holds <paramref name="variable"/> for the whole function (a debug record, LLVM 19's successor of llvm.dbg.declare).</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDIBuilderInsertDeclareRecordAtEnd")]
    public static partial IntPtr DIBuilderInsertDeclareRecordAtEnd(LLVMDIBuilderRef builder, LLVMValueRef storage, LLVMMetadataRef variable,
        LLVMMetadataRef expression, LLVMMetadataRef location, LLVMBasicBlockRef block);
}
