using System.Text;
using Testbed.Backend.Llvm;

namespace Testbed.Backend.Lowering;

/// <summary>
/// The function-name table that PVH panic reports symbolise instruction pointers with. Built after
/// LLVM's optimiser has run, over the functions that survived it: a table built before would keep
/// every function alive and so defeat inlining's clean-up (hello's image grew from 33 to 74 KB).
/// </summary>
public static class SymbolTable
{
    /// <summary>The symbol a program imports (<c>ptr ()</c>) to get the table; C# cannot name a global, hence a function.</summary>
    public const string Symbol = "tb_symbol_table";

    /// <summary>
    /// When the module declares <see cref="Symbol"/>, defines it to return
    /// <c>{ i64 count, [count x { ptr function, ptr name }] }</c> over every defined function, names as
    /// NUL-terminated UTF-8. Programs that do not import it get nothing.
    /// </summary>
    /// <param name="otherLayers">
    /// In a per-layer build, the other layers' modules, already optimised: their surviving functions
    /// join the table too (made external and hidden, so the table's module can name them), so that a
    /// panic report or <c>Delegate.Method</c> names a function of any layer.
    /// </param>
    public static void DefineIfImported(LlvmModule llvm, IReadOnlyList<LlvmModule>? otherLayers = null)
    {
        var accessor = LLVM.GetNamedFunction(llvm, Symbol);
        if (accessor.IsNull || !LLVM.IsDeclaration(accessor)) return;
        var context = llvm.Context;
        var entryType = LLVM.StructTypeInContext(context, new[] { context.Ptr, context.Ptr });
        var entries = new List<LLVMValueRef>();
        var functions = LLVM.Functions(llvm).Where(f => !LLVM.IsDeclaration(f)).ToList();
        foreach (var other in otherLayers ?? Array.Empty<LlvmModule>())
            foreach (var defined in LLVM.Functions(other).Where(f => !LLVM.IsDeclaration(f)).ToList())
            {
                var name = LLVM.GetValueName2(defined);
                if (LLVM.GetLinkage(defined) is LLVMLinkage.Internal or LLVMLinkage.Private)
                {
                    LLVM.SetLinkage(defined, LLVMLinkage.External);
                    LLVM.SetVisibility(defined, LLVMVisibility.Hidden);
                }
                var declared = LLVM.GetNamedFunction(llvm, name);
                functions.Add(declared.IsNull ? LLVM.AddFunction(llvm, name, LLVM.GlobalGetValueType(defined)) : declared);
            }
        foreach (var function in functions)
        {
            var bytes = Encoding.UTF8.GetBytes(LLVM.GetValueName2(function));
            var name = LLVM.AddGlobal(llvm, LLVM.ArrayType2(context.Int8, (ulong)bytes.Length + 1), "symbol.name");
            LLVM.SetInitializer(name, LLVM.ConstStringInContext2(context, bytes, dontNullTerminate: false));
            LLVM.SetGlobalConstant(name, true);
            LLVM.SetLinkage(name, LLVMLinkage.Private);
            entries.Add(LLVM.ConstStructInContext(context, new[] { function, name }));
        }
        var init = LLVM.ConstStructInContext(context, new[]
        {
            LLVM.ConstInt(context.Int64, (ulong)entries.Count, false),
            LLVM.ConstArray2(entryType, entries.ToArray()),
        });
        var table = LLVM.AddGlobal(llvm, LLVM.TypeOf(init), "tb_symbols");
        LLVM.SetInitializer(table, init);
        LLVM.SetGlobalConstant(table, true);
        LLVM.SetLinkage(table, LLVMLinkage.Internal);
        LLVM.SetAlignment(table, 8);

        if (otherLayers is null)
            LLVM.SetLinkage(accessor, LLVMLinkage.Internal);
        else
            // Other layers may import the table too (PVH's panic reports and corlib's Delegate.Method).
            LLVM.SetVisibility(accessor, LLVMVisibility.Hidden);
        var builder = LLVM.CreateBuilderInContext(context);
        try
        {
            LLVM.PositionBuilderAtEnd(builder, LLVM.AppendBasicBlockInContext(context, accessor, "entry"));
            LLVM.BuildRet(builder, table);
        }
        finally
        {
            LLVM.DisposeBuilder(builder);
        }
    }
}
