using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>
/// <c>tb_gc_static_roots</c>: the address of every static field slot that holds an object reference
/// (nested in static structs too), for the collector's root set. Defined only when the program
/// imports it, so a program without a collector carries no table.
/// </summary>
internal static class StaticRoots
{
    public const string Symbol = "tb_gc_static_roots";

    public static void DefineIfImported(ModuleLowering lowering)
    {
        var importer = lowering.Ir.Functions.FirstOrDefault(f => f.ImportName == Symbol);
        if (importer is null) return;
        var (function, _) = lowering.FunctionValue(importer);
        if (!LLVM.IsDeclaration(function)) return;

        var ctx = lowering.Context;
        var slots = new List<LLVMValueRef>();
        // A constant holds no reference; a preinitialised static (initial data, not constant) may get one later.
        foreach (var g in lowering.Ir.Globals.Where(g => !g.IsConstant && !g.IsExternal))
        {
            var offsets = new List<int>();
            if (g.Type == IrType.Obj) offsets.Add(0);
            else if (g.Type is StructType st) TypeDescriptors.ReferenceOffsets(st.Fields, 0, offsets);
            foreach (var offset in offsets)
                slots.Add(offset == 0 ? lowering.GlobalValue(g) : ConstByteOffset(lowering, lowering.GlobalValue(g), offset));
        }
        slots.Add(lowering.PendingException);
        var init = LLVM.ConstStructInContext(ctx, new[]
        {
            LLVM.ConstInt(ctx.Int64, (ulong)slots.Count, false),
            LLVM.ConstArray2(ctx.Ptr, slots.ToArray()),
        });
        var table = LLVM.AddGlobal(lowering.Llvm, LLVM.TypeOf(init), "tb.gc_static_roots");
        LLVM.SetInitializer(table, init);
        LLVM.SetGlobalConstant(table, true);
        LLVM.SetLinkage(table, LLVMLinkage.Private);
        LLVM.SetAlignment(table, 8);

        var entry = LLVM.AppendBasicBlockInContext(ctx, function, "entry");
        using var builder = ctx.CreateBuilder();
        LLVM.PositionBuilderAtEnd(builder, entry);
        LLVM.BuildRet(builder, table);
    }

    private static LLVMValueRef ConstByteOffset(ModuleLowering lowering, LLVMValueRef global, int offset)
    {
        var ctx = lowering.Context;
        return LLVM.ConstInBoundsGEP2(ctx.Int8, global, new[] { LLVM.ConstInt(ctx.Int64, (ulong)offset, false) });
    }
}
