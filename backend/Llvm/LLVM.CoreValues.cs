using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Core.h: values that are not instructions: functions, globals, constants, attributes, basic
// blocks, inline asm and intrinsics.
public static unsafe partial class LLVM
{
    // ---- Any value ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetValueName2")]
    private static partial void SetValueName2Raw(LLVMValueRef value, byte* name, nuint length);

    public static void SetValueName2(LLVMValueRef value, string name)
    {
        byte[] bytes = Utf8(name);
        fixed (byte* p = bytes) SetValueName2Raw(value, p, (nuint)bytes.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetValueName2")]
    private static partial byte* GetValueName2Raw(LLVMValueRef value, out nuint length);

    public static string GetValueName2(LLVMValueRef value)
    {
        byte* name = GetValueName2Raw(value, out nuint length);
        return PeekString(name, length) ?? "";
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMReplaceAllUsesWith")]
    public static partial void ReplaceAllUsesWith(LLVMValueRef oldValue, LLVMValueRef newValue);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIsConstant")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool IsConstant(LLVMValueRef value);

    // ---- Functions ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMAddFunction", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef AddFunction(LLVMModuleRef module, string name, LLVMTypeRef functionType);

    /// <summary>The function named <paramref name="name"/>, or a null handle.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetNamedFunction", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef GetNamedFunction(LLVMModuleRef module, string name);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDeleteFunction")]
    public static partial void DeleteFunction(LLVMValueRef function);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCountParams")]
    public static partial uint CountParams(LLVMValueRef function);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetParam")]
    public static partial LLVMValueRef GetParam(LLVMValueRef function, uint index);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetFunctionCallConv")]
    private static partial void SetFunctionCallConvRaw(LLVMValueRef function, uint callConv);

    public static void SetFunctionCallConv(LLVMValueRef function, LLVMCallConv callConv) =>
        SetFunctionCallConvRaw(function, (uint)callConv);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetFunctionCallConv")]
    private static partial uint GetFunctionCallConvRaw(LLVMValueRef function);

    public static LLVMCallConv GetFunctionCallConv(LLVMValueRef function) => (LLVMCallConv)GetFunctionCallConvRaw(function);

    // ---- Globals (functions and variables) ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetGlobalParent")]
    public static partial LLVMModuleRef GetGlobalParent(LLVMValueRef global);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIsDeclaration")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool IsDeclaration(LLVMValueRef global);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetLinkage")]
    public static partial void SetLinkage(LLVMValueRef global, LLVMLinkage linkage);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetLinkage")]
    public static partial LLVMLinkage GetLinkage(LLVMValueRef global);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetVisibility")]
    public static partial void SetVisibility(LLVMValueRef global, LLVMVisibility visibility);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetSection", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetSection(LLVMValueRef global, string section);

    /// <summary>Alignment in bytes of a global, alloca, load or store.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetAlignment")]
    public static partial void SetAlignment(LLVMValueRef value, uint bytes);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetUnnamedAddress")]
    public static partial void SetUnnamedAddress(LLVMValueRef global, LLVMUnnamedAddr unnamedAddr);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGlobalGetValueType")]
    public static partial LLVMTypeRef GlobalGetValueType(LLVMValueRef global);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMAddGlobal", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef AddGlobal(LLVMModuleRef module, LLVMTypeRef type, string name);

    /// <summary>The global variable named <paramref name="name"/>, or a null handle.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetNamedGlobal", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMValueRef GetNamedGlobal(LLVMModuleRef module, string name);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDeleteGlobal")]
    public static partial void DeleteGlobal(LLVMValueRef global);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetInitializer")]
    public static partial void SetInitializer(LLVMValueRef global, LLVMValueRef constant);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetGlobalConstant")]
    public static partial void SetGlobalConstant(LLVMValueRef global, [MarshalAs(UnmanagedType.Bool)] bool isConstant);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetThreadLocal")]
    public static partial void SetThreadLocal(LLVMValueRef global, [MarshalAs(UnmanagedType.Bool)] bool isThreadLocal);

    // ---- Constants ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstInt")]
    public static partial LLVMValueRef ConstInt(LLVMTypeRef integerType, ulong value, [MarshalAs(UnmanagedType.Bool)] bool signExtend);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstReal")]
    public static partial LLVMValueRef ConstReal(LLVMTypeRef realType, double value);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstIntGetZExtValue")]
    public static partial ulong ConstIntGetZExtValue(LLVMValueRef constant);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstIntGetSExtValue")]
    public static partial long ConstIntGetSExtValue(LLVMValueRef constant);

    /// <summary>The zero value of any type (zeroinitializer for aggregates).</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstNull")]
    public static partial LLVMValueRef ConstNull(LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstAllOnes")]
    public static partial LLVMValueRef ConstAllOnes(LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstPointerNull")]
    public static partial LLVMValueRef ConstPointerNull(LLVMTypeRef pointerType);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetUndef")]
    public static partial LLVMValueRef GetUndef(LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetPoison")]
    public static partial LLVMValueRef GetPoison(LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstStringInContext2")]
    private static partial LLVMValueRef ConstStringInContext2Raw(LLVMContextRef context, byte* bytes, nuint length, [MarshalAs(UnmanagedType.Bool)] bool dontNullTerminate);

    /// <summary>An <c>[N x i8]</c> constant holding <paramref name="bytes"/>, plus a trailing 0 unless
    /// <paramref name="dontNullTerminate"/>.</summary>
    public static LLVMValueRef ConstStringInContext2(LLVMContextRef context, ReadOnlySpan<byte> bytes, bool dontNullTerminate)
    {
        fixed (byte* p = bytes) return ConstStringInContext2Raw(context, p, (nuint)bytes.Length, dontNullTerminate);
    }

    public static LLVMValueRef ConstStringInContext2(LLVMContextRef context, string text, bool dontNullTerminate) =>
        ConstStringInContext2(context, Utf8(text), dontNullTerminate);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstStructInContext")]
    private static partial LLVMValueRef ConstStructInContextRaw(LLVMContextRef context, LLVMValueRef* values, uint count, [MarshalAs(UnmanagedType.Bool)] bool packed);

    public static LLVMValueRef ConstStructInContext(LLVMContextRef context, ReadOnlySpan<LLVMValueRef> values, bool packed = false)
    {
        fixed (LLVMValueRef* p = values) return ConstStructInContextRaw(context, p, (uint)values.Length, packed);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstNamedStruct")]
    private static partial LLVMValueRef ConstNamedStructRaw(LLVMTypeRef structType, LLVMValueRef* values, uint count);

    public static LLVMValueRef ConstNamedStruct(LLVMTypeRef structType, ReadOnlySpan<LLVMValueRef> values)
    {
        fixed (LLVMValueRef* p = values) return ConstNamedStructRaw(structType, p, (uint)values.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstArray2")]
    private static partial LLVMValueRef ConstArray2Raw(LLVMTypeRef elementType, LLVMValueRef* values, ulong length);

    public static LLVMValueRef ConstArray2(LLVMTypeRef elementType, ReadOnlySpan<LLVMValueRef> values)
    {
        fixed (LLVMValueRef* p = values) return ConstArray2Raw(elementType, p, (ulong)values.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstInBoundsGEP2")]
    private static partial LLVMValueRef ConstInBoundsGEP2Raw(LLVMTypeRef type, LLVMValueRef pointer, LLVMValueRef* indices, uint count);

    public static LLVMValueRef ConstInBoundsGEP2(LLVMTypeRef type, LLVMValueRef pointer, ReadOnlySpan<LLVMValueRef> indices)
    {
        fixed (LLVMValueRef* p = indices) return ConstInBoundsGEP2Raw(type, pointer, p, (uint)indices.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstPtrToInt")]
    public static partial LLVMValueRef ConstPtrToInt(LLVMValueRef constant, LLVMTypeRef toType);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConstIntToPtr")]
    public static partial LLVMValueRef ConstIntToPtr(LLVMValueRef constant, LLVMTypeRef toType);

    // ---- Attributes ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetEnumAttributeKindForName")]
    private static partial uint GetEnumAttributeKindForNameRaw(byte* name, nuint length);

    /// <summary>The kind id of an enum attribute such as "noinline" or "noredzone"; 0 if LLVM does not know the name.</summary>
    public static uint GetEnumAttributeKindForName(string name)
    {
        byte[] bytes = Utf8(name);
        fixed (byte* p = bytes) return GetEnumAttributeKindForNameRaw(p, (nuint)bytes.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCreateEnumAttribute")]
    public static partial LLVMAttributeRef CreateEnumAttribute(LLVMContextRef context, uint kindId, ulong value);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCreateStringAttribute")]
    private static partial LLVMAttributeRef CreateStringAttributeRaw(LLVMContextRef context, byte* key, uint keyLength, byte* value, uint valueLength);

    /// <summary>A "key"="value" attribute, e.g. "no-builtins" or "target-features".</summary>
    public static LLVMAttributeRef CreateStringAttribute(LLVMContextRef context, string key, string value)
    {
        byte[] k = Utf8(key), v = Utf8(value);
        fixed (byte* pk = k)
        fixed (byte* pv = v)
            return CreateStringAttributeRaw(context, pk, (uint)k.Length, pv, (uint)v.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMAddAttributeAtIndex")]
    public static partial void AddAttributeAtIndex(LLVMValueRef function, LLVMAttributeIndex index, LLVMAttributeRef attribute);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMAddCallSiteAttribute")]
    public static partial void AddCallSiteAttribute(LLVMValueRef call, LLVMAttributeIndex index, LLVMAttributeRef attribute);

    // ---- Basic blocks ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMAppendBasicBlockInContext", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMBasicBlockRef AppendBasicBlockInContext(LLVMContextRef context, LLVMValueRef function, string name);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetEntryBasicBlock")]
    public static partial LLVMBasicBlockRef GetEntryBasicBlock(LLVMValueRef function);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetBasicBlockParent")]
    public static partial LLVMValueRef GetBasicBlockParent(LLVMBasicBlockRef block);

    /// <summary>The block's terminator, or a null handle while the block is still open.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetBasicBlockTerminator")]
    public static partial LLVMValueRef GetBasicBlockTerminator(LLVMBasicBlockRef block);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetFirstInstruction")]
    public static partial LLVMValueRef GetFirstInstruction(LLVMBasicBlockRef block);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInstructionEraseFromParent")]
    public static partial void InstructionEraseFromParent(LLVMValueRef instruction);

    // ---- Inline asm and intrinsics ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetInlineAsm")]
    private static partial LLVMValueRef GetInlineAsmRaw(
        LLVMTypeRef functionType, byte* asm, nuint asmLength, byte* constraints, nuint constraintsLength,
        [MarshalAs(UnmanagedType.Bool)] bool hasSideEffects, [MarshalAs(UnmanagedType.Bool)] bool isAlignStack,
        LLVMInlineAsmDialect dialect, [MarshalAs(UnmanagedType.Bool)] bool canThrow);

    /// <summary>An inline asm callee of type <paramref name="functionType"/>, called with <see cref="BuildCall2"/>.
    /// Port I/O and other asm with effects the optimiser cannot see need <paramref name="hasSideEffects"/>.</summary>
    public static LLVMValueRef GetInlineAsm(LLVMTypeRef functionType, string asm, string constraints,
        bool hasSideEffects, bool isAlignStack = false, LLVMInlineAsmDialect dialect = LLVMInlineAsmDialect.ATT,
        bool canThrow = false)
    {
        byte[] a = Utf8(asm), c = Utf8(constraints);
        fixed (byte* pa = a)
        fixed (byte* pc = c)
            return GetInlineAsmRaw(functionType, pa, (nuint)a.Length, pc, (nuint)c.Length, hasSideEffects, isAlignStack, dialect, canThrow);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMLookupIntrinsicID")]
    private static partial uint LookupIntrinsicIDRaw(byte* name, nuint length);

    /// <summary>The id of an intrinsic such as "llvm.sadd.with.overflow"; 0 if there is none.</summary>
    public static uint LookupIntrinsicID(string name)
    {
        byte[] bytes = Utf8(name);
        fixed (byte* p = bytes) return LookupIntrinsicIDRaw(p, (nuint)bytes.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetIntrinsicDeclaration")]
    private static partial LLVMValueRef GetIntrinsicDeclarationRaw(LLVMModuleRef module, uint id, LLVMTypeRef* paramTypes, nuint count);

    /// <summary>Declares (once) the intrinsic <paramref name="id"/>, instantiated at the overloaded
    /// <paramref name="overloadTypes"/> (e.g. i32 for llvm.sadd.with.overflow.i32).</summary>
    public static LLVMValueRef GetIntrinsicDeclaration(LLVMModuleRef module, uint id, ReadOnlySpan<LLVMTypeRef> overloadTypes)
    {
        fixed (LLVMTypeRef* p = overloadTypes) return GetIntrinsicDeclarationRaw(module, id, p, (nuint)overloadTypes.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIntrinsicGetType")]
    private static partial LLVMTypeRef IntrinsicGetTypeRaw(LLVMContextRef context, uint id, LLVMTypeRef* paramTypes, nuint count);

    /// <summary>The function type of intrinsic <paramref name="id"/> at <paramref name="overloadTypes"/>, for BuildCall2.</summary>
    public static LLVMTypeRef IntrinsicGetType(LLVMContextRef context, uint id, ReadOnlySpan<LLVMTypeRef> overloadTypes)
    {
        fixed (LLVMTypeRef* p = overloadTypes) return IntrinsicGetTypeRaw(context, id, p, (nuint)overloadTypes.Length);
    }
}
