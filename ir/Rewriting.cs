namespace Testbed.IR;

/// <summary>
/// The small set of mutations passes are built from. The IR keeps no use lists (functions are
/// small and passes rescan), so replacing uses walks the function: O(instructions); replace many
/// values in one <see cref="ReplaceUses"/> rather than one walk each.
/// </summary>
public static class Rewriting
{
    /// <summary>Every operand and branch argument that is <paramref name="old"/> becomes <paramref name="replacement"/>.</summary>
    public static void ReplaceAllUses(this Function function, Value old, Value replacement) =>
        function.ReplaceUses(new Dictionary<Value, Value> { [old] = replacement });

    /// <summary>
    /// Rewrites every operand and branch argument found in <paramref name="replacement"/>, following
    /// chains (a value replaced by one that is itself replaced): one walk for any number of values.
    /// </summary>
    public static void ReplaceUses(this Function function, IReadOnlyDictionary<Value, Value> replacement)
    {
        if (replacement.Count == 0) return;
        Value Resolve(Value v)
        {
            while (replacement.TryGetValue(v, out var r)) v = r;
            return v;
        }
        foreach (var i in function.Instructions)
        {
            for (int k = 0; k < i.Operands.Count; k++) i.Operands[k] = Resolve(i.Operands[k]);
            foreach (var t in i.Targets)
                for (int k = 0; k < t.Arguments.Count; k++) t.Arguments[k] = Resolve(t.Arguments[k]);
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

    public static void Remove(this Instruction instruction)
    {
        instruction.Block?.Instructions.Remove(instruction);
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
                    Field = i.Field, Global = i.Global, Class = i.Class, TypeOperand = i.TypeOperand, Intrinsic = i.Intrinsic, ILOffset = i.ILOffset,
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
            }
        return values;
    }
}
