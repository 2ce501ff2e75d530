namespace Testbed.IR;

/// <summary>
/// The small set of mutations passes are built from. The IR keeps no use lists (functions are
/// small and passes rescan), so replacing uses walks the function: O(instructions).
/// </summary>
public static class Rewriting
{
    /// <summary>Every operand and branch argument that is <paramref name="old"/> becomes <paramref name="replacement"/>.</summary>
    public static int ReplaceAllUses(this Function function, Value old, Value replacement)
    {
        int replaced = 0;
        foreach (var i in function.Instructions)
        {
            for (int k = 0; k < i.Operands.Count; k++)
                if (i.Operands[k] == old) { i.Operands[k] = replacement; replaced++; }
            foreach (var t in i.Targets)
                for (int k = 0; k < t.Arguments.Count; k++)
                    if (t.Arguments[k] == old) { t.Arguments[k] = replacement; replaced++; }
        }
        return replaced;
    }

    /// <summary>Values used anywhere in the function (operands and branch arguments).</summary>
    public static HashSet<Value> UsedValues(this Function function)
    {
        var used = new HashSet<Value>();
        foreach (var i in function.Instructions)
        {
            used.UnionWith(i.Operands);
            foreach (var t in i.Targets) used.UnionWith(t.Arguments);
        }
        return used;
    }

    public static void Remove(this Instruction instruction)
    {
        instruction.Block?.Instructions.Remove(instruction);
    }

    /// <summary>Removes a block parameter and the matching argument from every branch into the block.</summary>
    public static void RemoveParameter(this Block block, int index)
    {
        foreach (var i in block.Function.Instructions)
            foreach (var t in i.Targets)
                if (t.Block == block) t.Arguments.RemoveAt(index);
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
            }
        return values;
    }
}
