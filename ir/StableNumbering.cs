using System.Runtime.CompilerServices;

namespace Testbed.IR;

/// <summary>
/// Value and block numbers that survive rewriting: a value keeps the number it got when first printed,
/// and values created later get fresh ones. The normal printer numbers densely, so deleting one
/// instruction renumbers everything after it; diffs of two printings (--print-changed) would then show
/// every line as changed. Keep one instance for the whole pipeline.
/// </summary>
public sealed class StableNumbering
{
    private readonly ConditionalWeakTable<Value, StrongBox<int>> values = new();
    private readonly ConditionalWeakTable<Block, StrongBox<int>> blocks = new();
    private int nextValue;
    private int nextBlock;

    /// <summary>Sets <see cref="Value.Id"/> and <see cref="Block.Id"/> of the function from this numbering.</summary>
    public void Assign(Function function)
    {
        foreach (var b in function.Blocks)
        {
            b.Id = blocks.GetValue(b, _ => new StrongBox<int>(nextBlock++)).Value;
            foreach (var p in b.Parameters) p.Id = Number(p);
            foreach (var i in b.Instructions) i.Id = i.HasResult ? Number(i) : -1;
        }
    }

    private int Number(Value v) => values.GetValue(v, _ => new StrongBox<int>(nextValue++)).Value;
}
