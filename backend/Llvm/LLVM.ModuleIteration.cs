using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Core.h: walking a module's functions.
public static partial class LLVM
{
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetFirstFunction")]
    public static partial LLVMValueRef GetFirstFunction(LLVMModuleRef module);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetNextFunction")]
    public static partial LLVMValueRef GetNextFunction(LLVMValueRef function);

    /// <summary>Every function of the module, declarations included.</summary>
    public static IEnumerable<LLVMValueRef> Functions(LLVMModuleRef module)
    {
        for (var f = GetFirstFunction(module); !f.IsNull; f = GetNextFunction(f))
            yield return f;
    }
}
