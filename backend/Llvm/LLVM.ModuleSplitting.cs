using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

// Core.h: what splitting one lowered module into a module per layer needs: cloning a module, walking
// its global variables and the uses of a value, and turning a definition into a declaration.
public static partial class LLVM
{
    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCloneModule")]
    public static partial LLVMModuleRef CloneModule(LLVMModuleRef module);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetFirstGlobal")]
    public static partial LLVMValueRef GetFirstGlobal(LLVMModuleRef module);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetNextGlobal")]
    public static partial LLVMValueRef GetNextGlobal(LLVMValueRef global);

    /// <summary>Every global variable of the module, declarations included.</summary>
    public static IEnumerable<LLVMValueRef> GlobalVariables(LLVMModuleRef module)
    {
        for (var g = GetFirstGlobal(module); !g.IsNull; g = GetNextGlobal(g))
            yield return g;
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetFirstUse")]
    public static partial LLVMUseRef GetFirstUse(LLVMValueRef value);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetNextUse")]
    public static partial LLVMUseRef GetNextUse(LLVMUseRef use);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetUser")]
    public static partial LLVMValueRef GetUser(LLVMUseRef use);

    /// <summary>The values that use <paramref name="value"/>: instructions, constants, global variables (through initialisers).</summary>
    public static IEnumerable<LLVMValueRef> Users(LLVMValueRef value)
    {
        for (var u = GetFirstUse(value); !u.IsNull; u = GetNextUse(u))
            yield return GetUser(u);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIsAInstruction")]
    public static partial LLVMValueRef IsAInstruction(LLVMValueRef value);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIsAGlobalVariable")]
    public static partial LLVMValueRef IsAGlobalVariable(LLVMValueRef value);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIsAFunction")]
    public static partial LLVMValueRef IsAFunction(LLVMValueRef value);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetInstructionParent")]
    public static partial LLVMBasicBlockRef GetInstructionParent(LLVMValueRef instruction);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetFirstBasicBlock")]
    public static partial LLVMBasicBlockRef GetFirstBasicBlock(LLVMValueRef function);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMDeleteBasicBlock")]
    public static partial void DeleteBasicBlock(LLVMBasicBlockRef block);

    /// <summary>
    /// Deletes every block of <paramref name="function"/>, which leaves a declaration. The C API has no
    /// dropAllReferences, so results are first replaced by poison (no instruction is then used), the
    /// instructions erased (no block is then a branch target), and the empty blocks deleted.
    /// </summary>
    public static void DeleteBody(LLVMValueRef function)
    {
        var blocks = new List<LLVMBasicBlockRef>();
        for (var b = GetFirstBasicBlock(function); !b.IsNull; b = GetNextBasicBlock(b)) blocks.Add(b);
        var instructions = new List<LLVMValueRef>();
        foreach (var b in blocks)
            for (var i = GetFirstInstruction(b); !i.IsNull; i = GetNextInstruction(i))
                instructions.Add(i);
        foreach (var i in instructions)
        {
            var type = TypeOf(i);
            if (GetTypeKind(type) != LLVMTypeKind.Void) ReplaceAllUsesWith(i, GetPoison(type));
        }
        foreach (var i in instructions) InstructionEraseFromParent(i);
        foreach (var b in blocks) DeleteBasicBlock(b);
    }

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetNextBasicBlock")]
    public static partial LLVMBasicBlockRef GetNextBasicBlock(LLVMBasicBlockRef block);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGetNextInstruction")]
    public static partial LLVMValueRef GetNextInstruction(LLVMValueRef instruction);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMCountBasicBlocks")]
    public static partial uint CountBasicBlocks(LLVMValueRef function);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMIsGlobalConstant")]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool IsGlobalConstant(LLVMValueRef global);

    [LibraryImport(LlvmNative.LibraryName, EntryPoint = "LLVMGlobalClearMetadata")]
    public static partial void GlobalClearMetadata(LLVMValueRef global);
}
