using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Error.h: LLVMErrorRef, which must be consumed exactly once (reading its message consumes it).
public static unsafe partial class LLVM
{
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetErrorMessage")]
    private static partial byte* GetErrorMessageRaw(LLVMErrorRef error);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDisposeErrorMessage")]
    private static partial void DisposeErrorMessage(byte* message);

    /// <summary>Consumes <paramref name="error"/> and returns its message; null for the success value.</summary>
    public static string? GetErrorMessage(LLVMErrorRef error)
    {
        if (error.IsNull) return null;
        byte* message = GetErrorMessageRaw(error);
        try { return Marshal.PtrToStringUTF8((IntPtr)message) ?? ""; }
        finally { DisposeErrorMessage(message); }
    }

    /// <summary>Consumes <paramref name="error"/> without reading it.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMConsumeError")]
    public static partial void ConsumeError(LLVMErrorRef error);
}
