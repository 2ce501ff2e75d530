using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Core.h: contexts, modules, module-level inline asm, diagnostics and memory buffers.
public static unsafe partial class LLVM
{
    // ---- Contexts ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMContextCreate")]
    public static partial LLVMContextRef ContextCreate();

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMContextDispose")]
    public static partial void ContextDispose(LLVMContextRef context);

    /// <summary>Without a handler, LLVM prints an error diagnostic (e.g. an inline asm constraint it
    /// cannot satisfy) to stderr and calls exit(1). <see cref="LlvmContext"/> installs one that records.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMContextSetDiagnosticHandler")]
    internal static partial void ContextSetDiagnosticHandler(
        LLVMContextRef context, delegate* unmanaged<LLVMDiagnosticInfoRef, IntPtr, void> handler, IntPtr handlerContext);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetDiagInfoDescription")]
    private static partial byte* GetDiagInfoDescriptionRaw(LLVMDiagnosticInfoRef info);

    public static string GetDiagInfoDescription(LLVMDiagnosticInfoRef info) =>
        TakeMessage(GetDiagInfoDescriptionRaw(info)) ?? "";

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetDiagInfoSeverity")]
    public static partial LLVMDiagnosticSeverity GetDiagInfoSeverity(LLVMDiagnosticInfoRef info);

    // ---- Modules ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMModuleCreateWithNameInContext", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMModuleRef ModuleCreateWithNameInContext(string moduleId, LLVMContextRef context);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDisposeModule")]
    public static partial void DisposeModule(LLVMModuleRef module);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetModuleContext")]
    public static partial LLVMContextRef GetModuleContext(LLVMModuleRef module);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetTarget", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetTarget(LLVMModuleRef module, string triple);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetTarget")]
    private static partial byte* GetTargetRaw(LLVMModuleRef module);

    public static string GetTarget(LLVMModuleRef module) => PeekString(GetTargetRaw(module)) ?? "";

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetDataLayout", StringMarshalling = StringMarshalling.Utf8)]
    public static partial void SetDataLayout(LLVMModuleRef module, string dataLayout);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetDataLayoutStr")]
    private static partial byte* GetDataLayoutStrRaw(LLVMModuleRef module);

    public static string GetDataLayoutStr(LLVMModuleRef module) => PeekString(GetDataLayoutStrRaw(module)) ?? "";

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPrintModuleToString")]
    private static partial byte* PrintModuleToStringRaw(LLVMModuleRef module);

    public static string PrintModuleToString(LLVMModuleRef module) =>
        TakeMessage(PrintModuleToStringRaw(module)) ?? "";

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPrintValueToString")]
    private static partial byte* PrintValueToStringRaw(LLVMValueRef value);

    public static string PrintValueToString(LLVMValueRef value) => TakeMessage(PrintValueToStringRaw(value)) ?? "";

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPrintTypeToString")]
    private static partial byte* PrintTypeToStringRaw(LLVMTypeRef type);

    public static string PrintTypeToString(LLVMTypeRef type) => TakeMessage(PrintTypeToStringRaw(type)) ?? "";

    // ---- Module-level inline asm ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMSetModuleInlineAsm2")]
    private static partial void SetModuleInlineAsm2Raw(LLVMModuleRef module, byte* asm, nuint length);

    public static void SetModuleInlineAsm2(LLVMModuleRef module, string asm)
    {
        byte[] bytes = Utf8(asm);
        fixed (byte* p = bytes) SetModuleInlineAsm2Raw(module, p, (nuint)bytes.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMAppendModuleInlineAsm")]
    private static partial void AppendModuleInlineAsmRaw(LLVMModuleRef module, byte* asm, nuint length);

    /// <summary>Appends <paramref name="asm"/> as its own line(s); LLVM inserts the separating newline.</summary>
    public static void AppendModuleInlineAsm(LLVMModuleRef module, string asm)
    {
        byte[] bytes = Utf8(asm);
        fixed (byte* p = bytes) AppendModuleInlineAsmRaw(module, p, (nuint)bytes.Length);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetModuleInlineAsm")]
    private static partial byte* GetModuleInlineAsmRaw(LLVMModuleRef module, out nuint length);

    public static string GetModuleInlineAsm(LLVMModuleRef module)
    {
        byte* text = GetModuleInlineAsmRaw(module, out nuint length);
        return PeekString(text, length) ?? "";
    }

    // ---- Memory buffers ----

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCreateMemoryBufferWithMemoryRangeCopy", StringMarshalling = StringMarshalling.Utf8)]
    private static partial LLVMMemoryBufferRef CreateMemoryBufferWithMemoryRangeCopyRaw(byte* data, nuint length, string bufferName);

    /// <summary>A buffer holding a copy of <paramref name="data"/>; the caller owns it (or hands it to
    /// <see cref="ParseIRInContext"/>, which takes ownership).</summary>
    public static LLVMMemoryBufferRef CreateMemoryBufferWithMemoryRangeCopy(ReadOnlySpan<byte> data, string bufferName)
    {
        fixed (byte* p = data) return CreateMemoryBufferWithMemoryRangeCopyRaw(p, (nuint)data.Length, bufferName);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetBufferStart")]
    private static partial byte* GetBufferStartRaw(LLVMMemoryBufferRef buffer);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetBufferSize")]
    public static partial nuint GetBufferSize(LLVMMemoryBufferRef buffer);

    /// <summary>The buffer's bytes, copied into managed memory (the buffer stays owned by the caller).</summary>
    public static byte[] GetBufferBytes(LLVMMemoryBufferRef buffer)
    {
        byte* start = GetBufferStartRaw(buffer);
        return new ReadOnlySpan<byte>(start, checked((int)GetBufferSize(buffer))).ToArray();
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDisposeMemoryBuffer")]
    public static partial void DisposeMemoryBuffer(LLVMMemoryBufferRef buffer);
}
