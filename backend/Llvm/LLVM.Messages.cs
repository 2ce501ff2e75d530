using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Strings coming back from LLVM: either owned by the caller (freed here with the matching dispose
// function, never with the runtime's free) or borrowed (copied, not freed).
public static unsafe partial class LLVM
{
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDisposeMessage")]
    private static partial void DisposeMessage(byte* message);

    /// <summary>Copies an LLVM-allocated message and frees it with LLVMDisposeMessage.</summary>
    private static string? TakeMessage(byte* message)
    {
        if (message == null) return null;
        try { return Marshal.PtrToStringUTF8((IntPtr)message); }
        finally { DisposeMessage(message); }
    }

    /// <summary>Copies a string that LLVM keeps ownership of.</summary>
    private static string? PeekString(byte* text, nuint length) =>
        text == null ? null : Marshal.PtrToStringUTF8((IntPtr)text, checked((int)length));

    private static string? PeekString(byte* text) =>
        text == null ? null : Marshal.PtrToStringUTF8((IntPtr)text);

    /// <summary>UTF-8 bytes of <paramref name="text"/> without a terminator, for the (pointer, length)
    /// parameters of LLVM-C.</summary>
    private static byte[] Utf8(string text) => System.Text.Encoding.UTF8.GetBytes(text);
}
