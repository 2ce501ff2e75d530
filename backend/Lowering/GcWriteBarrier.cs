using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>
/// The generational collector's write barrier (docs/gc.md, "Generations"): after a store of a
/// reference into memory that may be an old heap object, <c>tb_gc_cards[(address &gt;&gt; 6) &amp;
/// tb_gc_card_mask] = 1</c>. Five instructions, no branch. Until the collector installs its table
/// (<c>tb_gc_install_cards</c>) the mask is 0 and the table a byte of its own, so a store before the
/// heap exists marks that byte. Emitted only when the program imports the install function, i.e.
/// links the collector.
/// </summary>
/// <remarks>
/// No barrier where the destination cannot be an old object: a stack slot, a static (statics are
/// roots at every collection), or an object allocated earlier in the same block with nothing in
/// between that could collect (no call, allocation or class initialisation): it is still young.
/// </remarks>
internal static class GcWriteBarrier
{
    public const string InstallSymbol = "tb_gc_install_cards";
    public const string TableSymbol = "tb_gc_cards";
    public const string MaskSymbol = "tb_gc_card_mask";
    /// <summary>The collector's barrier for a range (<c>void (ptr, i64 bytes)</c>), for raw copies.</summary>
    public const string RangeSymbol = "tb_gc_write_barrier_range";
    /// <summary>Must be the collector's <c>GcHeap.CardShift</c> (GcGenerationTests checks).</summary>
    public const int CardShift = 6;

    public static bool Enabled(Module ir) => ir.Functions.Any(f => f.ImportName == InstallSymbol);

    /// <summary>The two globals the barrier reads, defined once per lowered module (runtime layer when split).</summary>
    public static (LLVMValueRef Table, LLVMValueRef Mask) DefineGlobals(ModuleLowering lowering)
    {
        var ctx = lowering.Context;
        var sink = LLVM.AddGlobal(lowering.Llvm, ctx.Int8, "tb.gc_card_sink");
        LLVM.SetInitializer(sink, LLVM.ConstInt(ctx.Int8, 0, false));
        LLVM.SetLinkage(sink, LLVMLinkage.Internal);
        var table = LLVM.AddGlobal(lowering.Llvm, ctx.Ptr, TableSymbol);
        LLVM.SetInitializer(table, sink);
        LLVM.SetLinkage(table, LLVMLinkage.External);
        LLVM.SetAlignment(table, 8);
        var mask = LLVM.AddGlobal(lowering.Llvm, ctx.Int64, MaskSymbol);
        LLVM.SetInitializer(mask, LLVM.ConstInt(ctx.Int64, 0, false));
        LLVM.SetLinkage(mask, LLVMLinkage.External);
        LLVM.SetAlignment(mask, 8);
        return (table, mask);
    }

    /// <summary>The body of <c>bool tb_gc_install_cards(ptr table, i64 mask)</c>, when the program imports it: true if stores have barriers.</summary>
    public static void DefineIfImported(ModuleLowering lowering)
    {
        var importer = lowering.Ir.Functions.FirstOrDefault(f => f.ImportName == InstallSymbol);
        if (importer is null) return;
        var (function, functionType) = lowering.FunctionValue(importer);
        if (!LLVM.IsDeclaration(function)) return;
        var (table, mask) = lowering.CardTable;
        var ctx = lowering.Context;
        using var builder = ctx.CreateBuilder();
        LLVM.PositionBuilderAtEnd(builder, LLVM.AppendBasicBlockInContext(ctx, function, "entry"));
        LLVM.BuildStore(builder, LLVM.GetParam(function, 0), table);
        LLVM.BuildStore(builder, LLVM.GetParam(function, 1), mask);
        // The collector may run minor collections only if every reference store marks its card.
        LLVM.BuildRet(builder, LLVM.ConstInt(LLVM.GetReturnType(functionType), lowering.EmitsWriteBarriers ? 1UL : 0UL, false));
    }

    /// <summary>Byte offsets of the references a store of <paramref name="type"/> writes; empty: no barrier.</summary>
    public static List<int> ReferenceOffsets(IrType type)
    {
        var offsets = new List<int>();
        if (type == IrType.Obj) offsets.Add(0);
        else if (type is StructType st) TypeDescriptors.ReferenceOffsets(st.Fields, 0, offsets);
        return offsets;
    }

    /// <summary>
    /// Whether a reference store to <paramref name="address"/> may be into an old object, given the
    /// objects allocated earlier in the block with nothing that could collect since (<paramref name="young"/>).
    /// </summary>
    public static bool MayStoreIntoOldObject(Value address, IReadOnlySet<Value> young)
    {
        var root = address;
        while (root is Instruction { Opcode: Opcode.FieldAddr or Opcode.PtrAdd or Opcode.ElementAddr } derived)
            root = derived.Operands[0];
        return root is not Instruction { Opcode: Opcode.Alloca or Opcode.StackAlloc or Opcode.GlobalAddr } && !young.Contains(root);
    }

    /// <summary>Whether a collection may run during <paramref name="i"/>: after it, no earlier allocation is known young.</summary>
    public static bool MayCollect(Instruction i) =>
        i.Opcode.IsCall() || i.Opcode is Opcode.NewObject or Opcode.NewArray or Opcode.NewString or Opcode.InitClass
            or Opcode.Throw or Opcode.CastClass or Opcode.Unbox or Opcode.Intrinsic;
}
