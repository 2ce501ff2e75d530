using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Analysis.h: the IR verifier.
public static unsafe partial class LLVM
{
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMVerifyModule")]
    private static partial int VerifyModuleRaw(LLVMModuleRef module, LLVMVerifierFailureAction action, byte** message);

    /// <summary>The verifier's report for a broken module, or null when the module is valid. Always uses
    /// LLVMReturnStatusAction: the abort action would kill the compiler process.</summary>
    public static string? VerifyModule(LLVMModuleRef module)
    {
        byte* message = null;
        bool broken = VerifyModuleRaw(module, LLVMVerifierFailureAction.ReturnStatus, &message) != 0;
        string? text = TakeMessage(message);
        return broken ? (string.IsNullOrWhiteSpace(text) ? "the module is not valid LLVM IR" : text.TrimEnd()) : null;
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMVerifyFunction")]
    private static partial int VerifyFunctionRaw(LLVMValueRef function, LLVMVerifierFailureAction action);

    /// <summary>True when <paramref name="function"/> is valid. LLVM-C gives no message for a single
    /// function; use <see cref="VerifyModule"/> for the text.</summary>
    public static bool VerifyFunction(LLVMValueRef function) =>
        VerifyFunctionRaw(function, LLVMVerifierFailureAction.ReturnStatus) == 0;
}
