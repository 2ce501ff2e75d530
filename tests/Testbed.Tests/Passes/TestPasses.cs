using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Tests.Passes;

// Passes that exist only for the infrastructure's tests. The test assembly is loaded as a plugin
// (PassRegistry.WithPlugin) by TestRegistry; every [Pass] here must therefore be well-formed.

public static class TestRegistry
{
    private static readonly Lazy<PassRegistry> registry = new(() =>
        PassRegistry.BuiltIn.WithPlugin(typeof(TestRegistry).Assembly, "Testbed.Tests.dll"));

    /// <summary>The built-in passes plus the test passes of this file.</summary>
    public static PassRegistry WithTestPasses => registry.Value;
}

/// <summary>Counts blocks through the analysis manager (so that caching shows) and changes nothing.</summary>
[Pass("test-count-blocks", Description = "Test: count blocks through a cached analysis")]
public sealed class CountBlocksPass : IFunctionPass
{
    public PreservedAnalyses Run(Function function, PassContext context)
    {
        var blocks = context.Analyses.Get<BlockCount>(function).Count;
        context.Count("blocks seen", blocks);
        context.Remark(RemarkKind.Analysis, function, $"{blocks} blocks");
        return PreservedAnalyses.All;
    }
}

/// <summary>Changes nothing, but says it changed everything.</summary>
[Pass("test-invalidate", Description = "Test: preserve nothing")]
public sealed class InvalidatePass : IFunctionPass
{
    public PreservedAnalyses Run(Function function, PassContext context) => PreservedAnalyses.None;
}

/// <summary>Adds an add of mismatched types before the terminator of the entry block: invalid IR.</summary>
[Pass("test-break-ir", Description = "Test: leave invalid IR behind")]
public sealed class BreakIrPass : IFunctionPass
{
    public PreservedAnalyses Run(Function function, PassContext context)
    {
        var a = new Instruction(Opcode.ConstInt, IrType.I64) { IntValue = 1 };
        var b = new Instruction(Opcode.ConstInt, IrType.I32) { IntValue = 2 };
        var sum = new Instruction(Opcode.Add, IrType.I32, a, b);
        var entry = function.Entry;
        foreach (var i in new[] { a, b, sum }) entry.Insert(entry.Instructions.Count - 1, i);
        return PreservedAnalyses.None;
    }
}

/// <summary>Adds a dead constant but claims that nothing changed.</summary>
[Pass("test-lie", Description = "Test: change the IR and return PreservedAnalyses.All")]
public sealed class LyingPass : IFunctionPass
{
    public PreservedAnalyses Run(Function function, PassContext context)
    {
        function.Entry.Insert(0, new Instruction(Opcode.ConstInt, IrType.I32) { IntValue = 7 });
        return PreservedAnalyses.All;
    }
}

/// <summary>
/// Erases the first null check that has a handler and claims only the control flow kept: the trap
/// docs/writing-a-pass.md warns about (an unwind edge is control flow).
/// </summary>
[Pass("test-drop-unwinding-check", Description = "Test: erase a null check with an unwind target, return PreservedAnalyses.ControlFlow")]
public sealed class DropUnwindingCheckPass : IFunctionPass
{
    public PreservedAnalyses Run(Function function, PassContext context)
    {
        var check = function.Instructions.FirstOrDefault(i => i.Opcode == Opcode.NullCheck && i.Unwind is not null);
        if (check is null) return PreservedAnalyses.All;
        check.Erase();
        return PreservedAnalyses.ControlFlow;
    }
}

/// <summary>Records what the pass manager told it, for the tests to read.</summary>
[Pass("test-module-probe", Description = "Test: record the current pass name")]
public sealed class ModuleProbePass : IModulePass
{
    public static readonly System.Collections.Concurrent.ConcurrentQueue<string> Seen = new();

    public PreservedAnalyses Run(Module module, PassContext context)
    {
        Seen.Enqueue(context.CurrentPass);
        context.Count("modules seen");
        return PreservedAnalyses.All;
    }
}

public enum TestMode { Fast, VeryThorough }

/// <summary>Parameters of every supported type, with defaults.</summary>
[Pass("test-params", Description = "Test: one parameter of each type")]
public sealed class ParametersPass : IFunctionPass
{
    [PassParameter("count", Description = "an int")] public int Count { get; set; } = 3;
    [PassParameter("big", Description = "a long")] public long Big { get; set; }
    [PassParameter("ratio", Description = "a double")] public double Ratio { get; set; } = 0.5;
    [PassParameter("verbose", Description = "a bool")] public bool Verbose { get; set; }
    [PassParameter("layer", Description = "a string")] public string Layer { get; set; } = "app";
    [PassParameter("mode", Description = "an enum")] public TestMode Mode { get; set; }

    public PreservedAnalyses Run(Function function, PassContext context) => PreservedAnalyses.All;
}

/// <summary>A function analysis: the number of blocks, and how often it was computed.</summary>
public sealed class BlockCount : IFunctionAnalysis<BlockCount>
{
    public int Count { get; private init; }

    public static BlockCount Compute(Function function, AnalysisManager analyses) => new() { Count = function.Blocks.Count };
}

/// <summary>
/// Names each multiplication in a remark, then erases the unused constants: a remark made before a
/// deletion, so that dense numbering would name another value in the IR printed after the pass.
/// </summary>
[Pass("test-name-then-erase", Description = "Test: remark on values by name, then delete instructions before them")]
public sealed class NameThenErasePass : IFunctionPass
{
    public PreservedAnalyses Run(Function function, PassContext context)
    {
        foreach (var mul in function.Instructions.Where(i => i.Opcode == Opcode.Mul).ToList())
            context.Remark(RemarkKind.Analysis, function, $"{context.Numbering.Name(mul)} multiplies {context.Numbering.Name(mul.Operands[0])}", mul);
        int erased = 0;
        foreach (var block in function.Blocks)
            erased += block.EraseWhere(i => i.Opcode == Opcode.ConstInt && !i.HasUses);
        return erased > 0 ? PreservedAnalyses.ControlFlow : PreservedAnalyses.All;
    }
}
