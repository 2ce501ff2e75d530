using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// IRReader.h and BitWriter.h: textual or bitcode IR in, bitcode out.
public static unsafe partial class LLVM
{
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMParseIRInContext")]
    private static partial int ParseIRInContextRaw(LLVMContextRef context, LLVMMemoryBufferRef buffer, LLVMModuleRef* module, byte** message);

    /// <summary>Parses textual IR or bitcode. Takes ownership of <paramref name="buffer"/> whatever the
    /// outcome (do not dispose it afterwards). Returns null and sets <paramref name="module"/> on success,
    /// else the parser's message.</summary>
    public static string? ParseIRInContext(LLVMContextRef context, LLVMMemoryBufferRef buffer, out LLVMModuleRef module)
    {
        LLVMModuleRef parsed = default;
        byte* message = null;
        bool failed = ParseIRInContextRaw(context, buffer, &parsed, &message) != 0;
        string? text = TakeMessage(message);
        module = failed ? default : parsed;
        return failed ? (string.IsNullOrWhiteSpace(text) ? "the IR could not be parsed" : text.TrimEnd()) : null;
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMWriteBitcodeToFile", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int WriteBitcodeToFileRaw(LLVMModuleRef module, string path);

    /// <summary>True on success.</summary>
    public static bool WriteBitcodeToFile(LLVMModuleRef module, string path) => WriteBitcodeToFileRaw(module, path) == 0;

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMWriteBitcodeToMemoryBuffer")]
    private static partial LLVMMemoryBufferRef WriteBitcodeToMemoryBufferRaw(LLVMModuleRef module);

    /// <summary>The module as bitcode, copied into managed memory.</summary>
    public static byte[] WriteBitcodeToBytes(LLVMModuleRef module)
    {
        LLVMMemoryBufferRef buffer = WriteBitcodeToMemoryBufferRaw(module);
        try { return GetBufferBytes(buffer); }
        finally { DisposeMemoryBuffer(buffer); }
    }
}
