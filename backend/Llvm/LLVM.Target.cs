using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Target.h and TargetMachine.h: target registration, data layout queries, code generation.
public static unsafe partial class LLVM
{
    // ---- X86 registration (see LlvmNative.Initialize) ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInitializeX86TargetInfo")]
    public static partial void InitializeX86TargetInfo();

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInitializeX86Target")]
    public static partial void InitializeX86Target();

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInitializeX86TargetMC")]
    public static partial void InitializeX86TargetMC();

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInitializeX86AsmPrinter")]
    public static partial void InitializeX86AsmPrinter();

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMInitializeX86AsmParser")]
    public static partial void InitializeX86AsmParser();

    // ---- Targets and target machines ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetTargetFromTriple", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int GetTargetFromTripleRaw(string triple, LLVMTargetRef* target, byte** message);

    /// <summary>Null and the target on success, else LLVM's message (e.g. the target was not initialised).</summary>
    public static string? GetTargetFromTriple(string triple, out LLVMTargetRef target)
    {
        LLVMTargetRef found = default;
        byte* message = null;
        bool failed = GetTargetFromTripleRaw(triple, &found, &message) != 0;
        string? text = TakeMessage(message);
        target = failed ? default : found;
        return failed ? (text ?? $"no LLVM target for {triple}") : null;
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCreateTargetMachine", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMTargetMachineRef CreateTargetMachine(LLVMTargetRef target, string triple, string cpu, string features,
        LLVMCodeGenOptLevel level, LLVMRelocMode reloc, LLVMCodeModel codeModel);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDisposeTargetMachine")]
    public static partial void DisposeTargetMachine(LLVMTargetMachineRef targetMachine);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetTargetMachineTriple")]
    private static partial byte* GetTargetMachineTripleRaw(LLVMTargetMachineRef targetMachine);

    public static string GetTargetMachineTriple(LLVMTargetMachineRef targetMachine) =>
        TakeMessage(GetTargetMachineTripleRaw(targetMachine)) ?? "";

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetTargetMachineFeatureString")]
    private static partial byte* GetTargetMachineFeatureStringRaw(LLVMTargetMachineRef targetMachine);

    public static string GetTargetMachineFeatureString(LLVMTargetMachineRef targetMachine) =>
        TakeMessage(GetTargetMachineFeatureStringRaw(targetMachine)) ?? "";

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetTargetMachineAsmVerbosity")]
    public static partial void SetTargetMachineAsmVerbosity(LLVMTargetMachineRef targetMachine, [MarshalAs(UnmanagedType.Bool)] bool verbose);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMTargetMachineEmitToFile", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int TargetMachineEmitToFileRaw(LLVMTargetMachineRef targetMachine, LLVMModuleRef module, string path,
        LLVMCodeGenFileType fileType, byte** message);

    /// <summary>Runs code generation and writes an object or assembly file. Null on success, else
    /// LLVM's message. Code generation may rewrite parts of the module's IR.</summary>
    public static string? TargetMachineEmitToFile(LLVMTargetMachineRef targetMachine, LLVMModuleRef module, string path, LLVMCodeGenFileType fileType)
    {
        byte* message = null;
        bool failed = TargetMachineEmitToFileRaw(targetMachine, module, path, fileType, &message) != 0;
        string? text = TakeMessage(message);
        return failed ? (text ?? "code generation failed") : null;
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMTargetMachineEmitToMemoryBuffer")]
    private static partial int TargetMachineEmitToMemoryBufferRaw(LLVMTargetMachineRef targetMachine, LLVMModuleRef module,
        LLVMCodeGenFileType fileType, byte** message, LLVMMemoryBufferRef* buffer);

    /// <summary>Like <see cref="TargetMachineEmitToFile"/> into memory; the caller owns (and must
    /// dispose) <paramref name="buffer"/> on success.</summary>
    public static string? TargetMachineEmitToMemoryBuffer(LLVMTargetMachineRef targetMachine, LLVMModuleRef module,
        LLVMCodeGenFileType fileType, out LLVMMemoryBufferRef buffer)
    {
        byte* message = null;
        LLVMMemoryBufferRef produced = default;
        bool failed = TargetMachineEmitToMemoryBufferRaw(targetMachine, module, fileType, &message, &produced) != 0;
        string? text = TakeMessage(message);
        buffer = failed ? default : produced;
        return failed ? (text ?? "code generation failed") : null;
    }

    // ---- Data layout ----

    /// <summary>The layout the target machine generates code for; the caller disposes it.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCreateTargetDataLayout")]
    public static partial LLVMTargetDataRef CreateTargetDataLayout(LLVMTargetMachineRef targetMachine);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCreateTargetData", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMTargetDataRef CreateTargetData(string layout);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDisposeTargetData")]
    public static partial void DisposeTargetData(LLVMTargetDataRef targetData);

    /// <summary>The module's own layout, owned by the module (never dispose it).</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetModuleDataLayout")]
    public static partial LLVMTargetDataRef GetModuleDataLayout(LLVMModuleRef module);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetModuleDataLayout")]
    public static partial void SetModuleDataLayout(LLVMModuleRef module, LLVMTargetDataRef targetData);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCopyStringRepOfTargetData")]
    private static partial byte* CopyStringRepOfTargetDataRaw(LLVMTargetDataRef targetData);

    public static string CopyStringRepOfTargetData(LLVMTargetDataRef targetData) =>
        TakeMessage(CopyStringRepOfTargetDataRaw(targetData)) ?? "";

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPointerSize")]
    public static partial uint PointerSize(LLVMTargetDataRef targetData);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIntPtrTypeInContext")]
    public static partial LLVMTypeRef IntPtrTypeInContext(LLVMContextRef context, LLVMTargetDataRef targetData);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSizeOfTypeInBits")]
    public static partial ulong SizeOfTypeInBits(LLVMTargetDataRef targetData, LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMStoreSizeOfType")]
    public static partial ulong StoreSizeOfType(LLVMTargetDataRef targetData, LLVMTypeRef type);

    /// <summary>Bytes between consecutive array elements of <paramref name="type"/> (size with tail padding).</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMABISizeOfType")]
    public static partial ulong ABISizeOfType(LLVMTargetDataRef targetData, LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMABIAlignmentOfType")]
    public static partial uint ABIAlignmentOfType(LLVMTargetDataRef targetData, LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPreferredAlignmentOfType")]
    public static partial uint PreferredAlignmentOfType(LLVMTargetDataRef targetData, LLVMTypeRef type);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMOffsetOfElement")]
    public static partial ulong OffsetOfElement(LLVMTargetDataRef targetData, LLVMTypeRef structType, uint element);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMElementAtOffset")]
    public static partial uint ElementAtOffset(LLVMTargetDataRef targetData, LLVMTypeRef structType, ulong offset);
}
