namespace Testbed.IR;

/// <summary>
/// The small set of mutations passes are built from, on top of the use lists the IR keeps
/// (<see cref="Value.Uses"/>): replacing uses costs O(uses), not a walk of the function.
/// </summary>
public static class Rewriting
{
    /// <summary>Every operand and branch argument that is <paramref name="old"/> becomes <paramref name="replacement"/>.</summary>
    public static void ReplaceAllUses(this Function function, Value old, Value replacement) => old.ReplaceAllUsesWith(replacement);

    /// <summary>
    /// Rewrites every use of each value in <paramref name="replacement"/>, following chains (a value
    /// replaced by one that is itself replaced): O(uses of the replaced values).
    /// </summary>
    public static void ReplaceUses(this Function function, IReadOnlyDictionary<Value, Value> replacement)
    {
        foreach (var (old, first) in replacement)
        {
            var target = first;
            while (replacement.TryGetValue(target, out var next) && !ReferenceEquals(next, target)) target = next;
            old.ReplaceAllUsesWith(target);
        }
    }

    /// <summary>Every branch edge into each block, with the branch it belongs to; a switch with two cases to one block gives two.</summary>
    public static Dictionary<Block, List<(Instruction Branch, BlockTarget Edge)>> IncomingEdges(this Function function)
    {
        var incoming = function.Blocks.ToDictionary(b => b, _ => new List<(Instruction, BlockTarget)>());
        foreach (var i in function.Instructions)
            foreach (var t in i.Targets)
                if (incoming.TryGetValue(t.Block, out var list)) list.Add((i, t));
        return incoming;
    }

    /// <summary>
    /// Erases every instruction of the block that <paramref name="dead"/> selects (see
    /// <see cref="Instruction.Erase"/>) in one pass over the block: O(instructions), where erasing
    /// them one by one searches the block each time. The erased may use each other; if anything
    /// else uses one of them, it throws and leaves the block as it was.
    /// </summary>
    public static int EraseWhere(this Block block, Predicate<Instruction> dead)
    {
        var doomed = new HashSet<Instruction>();
        foreach (var i in block.Instructions)
            if (dead(i)) doomed.Add(i);
        block.Function.Erase(doomed);
        return doomed.Count;
    }

    /// <summary>
    /// Erases the given instructions, wherever they are, in one pass over each block that holds
    /// some: as <see cref="EraseWhere"/>, and they may use each other across blocks.
    /// </summary>
    public static void Erase(this Function function, IReadOnlySet<Instruction> dead)
    {
        if (dead.Count == 0) return;
        foreach (var i in dead) i.CheckUnused(dead);
        foreach (var block in dead.Select(i => i.Block).OfType<Block>().Distinct().ToList())
            block.Instructions.RemoveAll(dead.Contains);
        foreach (var i in dead) i.DropReferences();
    }

    /// <summary>
    /// Removes the selected blocks from the function and erases their instructions, so that the
    /// values they used no longer list them (removing a block from <c>Blocks</c> directly would leave
    /// those uses behind). Nothing that stays may use the blocks' values or branch to them.
    /// </summary>
    public static int EraseBlocks(this Function function, Predicate<Block> dead)
    {
        var doomed = function.Blocks.Where(b => dead(b)).ToList();
        if (doomed.Count == 0) return 0;
        var set = new HashSet<Block>(doomed);
        function.Blocks.RemoveAll(set.Contains);
        var erased = doomed.SelectMany(b => b.Instructions).ToList();
        foreach (var b in doomed) b.Instructions.Clear();
        foreach (var i in erased) i.DropReferences();
        return doomed.Count;
    }

    /// <summary>
    /// Removes parameter <paramref name="index"/> of the block and the matching argument of every edge
    /// into it; <paramref name="incoming"/> are those edges (see <see cref="IncomingEdges"/>), computed
    /// once by the caller rather than rescanned per parameter.
    /// </summary>
    public static void RemoveParameter(this Block block, int index, IEnumerable<BlockTarget> incoming)
    {
        foreach (var edge in incoming) edge.Arguments.RemoveAt(index);
        block.Parameters.RemoveAt(index);
    }

    /// <summary>Deep-copies a function's body into fresh values (for inlining and cloning); returns the map old → new.</summary>
    public static Dictionary<Value, Value> CloneBodyInto(this Function source, Function destination, Dictionary<Block, Block> blockMap)
    {
        var values = new Dictionary<Value, Value>();
        foreach (var b in source.Blocks)
        {
            var nb = destination.AddBlock();
            blockMap[b] = nb;
            foreach (var p in b.Parameters) values[p] = nb.AddParameter(p.Type);
        }
        foreach (var b in source.Blocks)
            foreach (var i in b.Instructions)
            {
                var copy = new Instruction(i.Opcode, i.Type)
                {
                    Predicate = i.Predicate, IntValue = i.IntValue, FloatValue = i.FloatValue, Text = i.Text, Callee = i.Callee,
                    Field = i.Field, Global = i.Global, Class = i.Class, TypeOperand = i.TypeOperand, Intrinsic = i.Intrinsic, ILOffset = i.ILOffset, InlinedAt = i.InlinedAt,
                };
                copy.CaseValues.AddRange(i.CaseValues);
                blockMap[b].Append(copy);
                values[i] = copy;
            }
        foreach (var b in source.Blocks)
            for (int k = 0; k < b.Instructions.Count; k++)
            {
                var original = b.Instructions[k];
                var copy = blockMap[b].Instructions[k];
                copy.Operands.AddRange(original.Operands.Select(o => values[o]));
                foreach (var t in original.Targets)
                    copy.Targets.Add(new BlockTarget(blockMap[t.Block], t.Arguments.Select(a => values[a])));
                if (original.Unwind is not null) copy.Unwind = blockMap[original.Unwind];
                copy.Volatile = original.Volatile;
            }
        return values;
    }
}
