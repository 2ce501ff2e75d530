using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Core.h: types. Pointers are opaque (`ptr`, address space 0 unless asked otherwise).
public static unsafe partial class LLVM
{
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInt1TypeInContext")]
    public static partial LLVMTypeRef Int1TypeInContext(LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInt8TypeInContext")]
    public static partial LLVMTypeRef Int8TypeInContext(LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInt16TypeInContext")]
    public static partial LLVMTypeRef Int16TypeInContext(LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInt32TypeInContext")]
    public static partial LLVMTypeRef Int32TypeInContext(LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInt64TypeInContext")]
    public static partial LLVMTypeRef Int64TypeInContext(LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIntTypeInContext")]
    public static partial LLVMTypeRef IntTypeInContext(LLVMContextRef context, uint numBits);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMFloatTypeInContext")]
    public static partial LLVMTypeRef FloatTypeInContext(LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDoubleTypeInContext")]
    public static partial LLVMTypeRef DoubleTypeInContext(LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMVoidTypeInContext")]
    public static partial LLVMTypeRef VoidTypeInContext(LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPointerTypeInContext")]
    public static partial LLVMTypeRef PointerTypeInContext(LLVMContextRef context, uint addressSpace = 0);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMFunctionType")]
    private static partial LLVMTypeRef FunctionTypeRaw(LLVMTypeRef returnType, LLVMTypeRef* paramTypes, uint paramCount, [MarshalAs(UnmanagedType.Bool)] bool isVarArg);

    public static LLVMTypeRef FunctionType(LLVMTypeRef returnType, ReadOnlySpan<LLVMTypeRef> paramTypes, bool isVarArg = false)
    {
        fixed (LLVMTypeRef* p = paramTypes) return FunctionTypeRaw(returnType, p, (uint)paramTypes.Length, isVarArg);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMStructTypeInContext")]
    private static partial LLVMTypeRef StructTypeInContextRaw(LLVMContextRef context, LLVMTypeRef* elementTypes, uint count, [MarshalAs(UnmanagedType.Bool)] bool packed);

    /// <summary>A literal (unnamed, structurally uniqued) struct type.</summary>
    public static LLVMTypeRef StructTypeInContext(LLVMContextRef context, ReadOnlySpan<LLVMTypeRef> elementTypes, bool packed = false)
    {
        fixed (LLVMTypeRef* p = elementTypes) return StructTypeInContextRaw(context, p, (uint)elementTypes.Length, packed);
    }

    /// <summary>A named, initially opaque struct; give it a body with <see cref="StructSetBody"/>
    /// (which allows recursive types such as linked list nodes).</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMStructCreateNamed", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMTypeRef StructCreateNamed(LLVMContextRef context, string name);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMStructSetBody")]
    private static partial void StructSetBodyRaw(LLVMTypeRef structType, LLVMTypeRef* elementTypes, uint count, [MarshalAs(UnmanagedType.Bool)] bool packed);

    public static void StructSetBody(LLVMTypeRef structType, ReadOnlySpan<LLVMTypeRef> elementTypes, bool packed = false)
    {
        fixed (LLVMTypeRef* p = elementTypes) StructSetBodyRaw(structType, p, (uint)elementTypes.Length, packed);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetTypeByName2", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMTypeRef GetTypeByName2(LLVMContextRef context, string name);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMArrayType2")]
    public static partial LLVMTypeRef ArrayType2(LLVMTypeRef elementType, ulong elementCount);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMVectorType")]
    public static partial LLVMTypeRef VectorType(LLVMTypeRef elementType, uint elementCount);

    // ---- Type queries ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMTypeOf")]
    public static partial LLVMTypeRef TypeOf(LLVMValueRef value);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetTypeKind")]
    public static partial LLVMTypeKind GetTypeKind(LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMTypeIsSized")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool TypeIsSized(LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetIntTypeWidth")]
    public static partial uint GetIntTypeWidth(LLVMTypeRef integerType);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetReturnType")]
    public static partial LLVMTypeRef GetReturnType(LLVMTypeRef functionType);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCountParamTypes")]
    public static partial uint CountParamTypes(LLVMTypeRef functionType);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIsFunctionVarArg")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool IsFunctionVarArg(LLVMTypeRef functionType);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetStructName")]
    private static partial byte* GetStructNameRaw(LLVMTypeRef structType);

    /// <summary>The struct's name, or null for a literal struct.</summary>
    public static string? GetStructName(LLVMTypeRef structType) => PeekString(GetStructNameRaw(structType));

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCountStructElementTypes")]
    public static partial uint CountStructElementTypes(LLVMTypeRef structType);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMStructGetTypeAtIndex")]
    public static partial LLVMTypeRef StructGetTypeAtIndex(LLVMTypeRef structType, uint index);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIsOpaqueStruct")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool IsOpaqueStruct(LLVMTypeRef structType);

    /// <summary>The element type of an array or vector type.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetElementType")]
    public static partial LLVMTypeRef GetElementType(LLVMTypeRef sequentialType);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetArrayLength2")]
    public static partial ulong GetArrayLength2(LLVMTypeRef arrayType);
}
