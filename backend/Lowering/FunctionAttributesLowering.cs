using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>
/// Hands a function's inferred attributes (Function.Memory and the parameter attributes, docs/ir.md)
/// to LLVM: <c>memory(...)</c> on the function, <c>nocapture</c>, <c>noalias</c> and <c>readonly</c>
/// on its pointer parameters. Struct parameters (spans) carry the same facts in the IR, but LLVM only
/// takes these attributes on pointers.
/// </summary>
internal static class FunctionAttributesLowering
{
    // LLVM's memory attribute is an integer: two bits of ModRef (read 1, write 2) per location, at
    // 2 * location, with the locations ArgMem 0, InaccessibleMem 1 and Other 2 (llvm/Support/ModRef.h,
    // IRMemLocation; the same from LLVM 16 to 19). ModRef's values are the IR's.
    private const int ArgMemShift = 0, InaccessibleMemShift = 2, OtherShift = 4;

    public static void Apply(ModuleLowering lowering, Function f, LLVMValueRef value)
    {
        // A function the backend's ThrowAnalysis says may throw (or that calls one) reads and writes
        // tb_pending_exception in its lowered code. function-attrs never claims effects for those,
        // but a pass run after it could have added a check: then the claim is dropped, not trusted.
        if (!f.Memory.IsUnknown && !lowering.MayThrow(f))
            LLVM.AddAttributeAtIndex(value, LLVMAttributeIndex.Function, Attribute(lowering, "memory", MemoryAttributeValue(f.Memory)));
        for (int k = 0; k < f.ParameterTypes.Count; k++)
        {
            if (!f.ParameterTypes[k].IsPointerLike) continue;
            var attributes = f.ParameterAttributes(k);
            if (attributes.HasFlag(ParameterAttributes.NoCapture)) LLVM.AddAttributeAtIndex(value, LLVMAttributeIndex.Param(k), Attribute(lowering, "nocapture"));
            if (attributes.HasFlag(ParameterAttributes.NoAlias)) LLVM.AddAttributeAtIndex(value, LLVMAttributeIndex.Param(k), Attribute(lowering, "noalias"));
            if (attributes.HasFlag(ParameterAttributes.ReadOnly)) LLVM.AddAttributeAtIndex(value, LLVMAttributeIndex.Param(k), Attribute(lowering, "readonly"));
        }
    }

    /// <summary>
    /// Memory the module's IR cannot name (inaccessiblemem: state of code outside it) is counted with
    /// other memory: the IR does not tell the two apart, and every declaration and machine operation
    /// makes a function unknown anyway.
    /// </summary>
    public static ulong MemoryAttributeValue(MemoryEffects memory) =>
        ((ulong)memory.ArgMem << ArgMemShift) | ((ulong)memory.Other << InaccessibleMemShift) | ((ulong)memory.Other << OtherShift);

    private static LLVMAttributeRef Attribute(ModuleLowering lowering, string name, ulong value = 0)
    {
        var kind = LLVM.GetEnumAttributeKindForName(name);
        if (kind == 0) throw new InvalidOperationException($"LLVM does not know the attribute '{name}'");
        return LLVM.CreateEnumAttribute(lowering.Context, kind, value);
    }
}
