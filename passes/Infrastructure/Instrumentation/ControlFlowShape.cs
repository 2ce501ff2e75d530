using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// What the analyses kept by <see cref="PreservedAnalyses.ControlFlow"/> are computed from: the blocks
/// of a function in order, each block's branch targets, and each instruction with an unwind target
/// (by identity: removing one is an edge gone even when another instruction of the block unwinds to
/// the same handler, because instruction-level dominance asks which one leaves first).
/// </summary>
internal sealed class ControlFlowShape
{
    private readonly Function function;
    private readonly List<Block> blocks;
    private readonly Dictionary<Block, List<Block>> targets = new();
    private readonly Dictionary<Block, List<(Instruction Instruction, Block Handler)>> unwinds = new();
    // Described when the shape is taken: a pass may have turned the instruction into another since.
    private readonly Dictionary<Instruction, string> descriptions = new();

    private ControlFlowShape(Function function)
    {
        this.function = function;
        blocks = function.Blocks.ToList();
        foreach (var b in blocks)
        {
            targets[b] = b.Terminator?.Targets.Select(t => t.Block).ToList() ?? new List<Block>();
            unwinds[b] = b.Instructions.Where(i => i.Unwind is not null).Select(i => (i, i.Unwind!)).ToList();
            foreach (var (i, _) in unwinds[b]) descriptions[i] = Describe(i);
        }
    }

    public static ControlFlowShape Of(Function function) => new(function);

    public Function Function => function;

    /// <summary>How the function's control flow now differs from this shape; null if it does not.</summary>
    public string? DifferenceFromNow() => Difference(new ControlFlowShape(function));

    /// <summary>The first way <paramref name="after"/> differs from this shape, in words; null if it does not.</summary>
    public string? Difference(ControlFlowShape after)
    {
        if (!blocks.SequenceEqual(after.blocks))
        {
            var added = after.blocks.Except(blocks).FirstOrDefault();
            var removed = blocks.Except(after.blocks).FirstOrDefault();
            return added is not null ? $"it added block {after.Name(added)}" : removed is not null ? $"it removed block {Name(removed)}" : "it reordered the blocks";
        }
        foreach (var b in blocks)
        {
            if (!targets[b].SequenceEqual(after.targets[b]))
                return $"the branch of {Name(b)} went to {Names(targets[b])}, now to {Names(after.targets[b])}";
            var (was, now) = (unwinds[b], after.unwinds[b]);
            if (was.SequenceEqual(now)) continue;
            var gone = was.Except(now).FirstOrDefault();
            var come = now.Except(was).FirstOrDefault();
            return gone.Instruction is not null
                ? $"{Name(b)} lost the unwind edge to {Name(gone.Handler)} of '{descriptions[gone.Instruction]}'"
                : $"{Name(b)} gained the unwind edge to {Name(come.Handler)} of '{after.descriptions[come.Instruction]}'";
        }
        return null;
    }

    private string Names(List<Block> list) => list.Count == 0 ? "nowhere" : string.Join(", ", list.Select(Name));

    // As the printer numbers blocks (by position), without renumbering the function under inspection.
    private string Name(Block b) => blocks.IndexOf(b) is var k and >= 0 ? "bb" + k : "a new block";

    private static string Describe(Instruction i) =>
        i.Callee is { } callee ? $"{i.Opcode.Mnemonic()} @{Printer.Quote(callee.Name)}" : i.Opcode.Mnemonic();
}
