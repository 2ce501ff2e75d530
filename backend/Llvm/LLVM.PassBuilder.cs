using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Transforms/PassBuilder.h: the new pass manager, driven by a textual pipeline.
public static unsafe partial class LLVM
{
    /// <summary>Runs <paramref name="passes"/> (opt's -passes= syntax, e.g. "default&lt;O2&gt;";
    /// bare "O2" is rejected). A non-null result is an error to read with <see cref="GetErrorMessage"/>.</summary>
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMRunPasses", StringMarshalling = StringMarshalling.Utf8)]
    public static partial LLVMErrorRef RunPasses(LLVMModuleRef module, string passes, LLVMTargetMachineRef targetMachine, LLVMPassBuilderOptionsRef options);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCreatePassBuilderOptions")]
    public static partial LLVMPassBuilderOptionsRef CreatePassBuilderOptions();

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDisposePassBuilderOptions")]
    public static partial void DisposePassBuilderOptions(LLVMPassBuilderOptionsRef options);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPassBuilderOptionsSetVerifyEach")]
    public static partial void PassBuilderOptionsSetVerifyEach(LLVMPassBuilderOptionsRef options, [MarshalAs(UnmanagedType.Bool)] bool verifyEach);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPassBuilderOptionsSetDebugLogging")]
    public static partial void PassBuilderOptionsSetDebugLogging(LLVMPassBuilderOptionsRef options, [MarshalAs(UnmanagedType.Bool)] bool debugLogging);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPassBuilderOptionsSetLoopInterleaving")]
    public static partial void PassBuilderOptionsSetLoopInterleaving(LLVMPassBuilderOptionsRef options, [MarshalAs(UnmanagedType.Bool)] bool enable);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPassBuilderOptionsSetLoopVectorization")]
    public static partial void PassBuilderOptionsSetLoopVectorization(LLVMPassBuilderOptionsRef options, [MarshalAs(UnmanagedType.Bool)] bool enable);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPassBuilderOptionsSetSLPVectorization")]
    public static partial void PassBuilderOptionsSetSLPVectorization(LLVMPassBuilderOptionsRef options, [MarshalAs(UnmanagedType.Bool)] bool enable);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPassBuilderOptionsSetLoopUnrolling")]
    public static partial void PassBuilderOptionsSetLoopUnrolling(LLVMPassBuilderOptionsRef options, [MarshalAs(UnmanagedType.Bool)] bool enable);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPassBuilderOptionsSetMergeFunctions")]
    public static partial void PassBuilderOptionsSetMergeFunctions(LLVMPassBuilderOptionsRef options, [MarshalAs(UnmanagedType.Bool)] bool enable);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMPassBuilderOptionsSetInlinerThreshold")]
    public static partial void PassBuilderOptionsSetInlinerThreshold(LLVMPassBuilderOptionsRef options, int threshold);
}
