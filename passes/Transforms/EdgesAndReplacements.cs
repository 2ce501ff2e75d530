using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// Two rewrites the transforms share (candidates for ir/Rewriting.cs): the incoming edges of every
/// block in one walk, and replacing many values at once, which beats one ReplaceAllUses walk per value.
/// </summary>
public static class EdgesAndReplacements
{
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
    /// Rewrites every operand and branch argument found in <paramref name="replacement"/>, following
    /// chains (a value replaced by one that is itself replaced).
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
}
