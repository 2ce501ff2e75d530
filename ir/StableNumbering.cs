using System.Runtime.CompilerServices;

namespace Testbed.IR;

/// <summary>
/// Value and block numbers that survive rewriting: a value keeps the number it got when its function
/// was first numbered, and values created later get fresh ones. The normal printer numbers densely, so
/// deleting one instruction renumbers everything after it; diffs of two printings (--print-changed)
/// would then show every line as changed, and a remark naming <c>%7</c> before a pass deleted something
/// would name another value in the IR printed after it. Keep one instance for the whole pipeline
/// (<c>PassContext.Numbering</c>): the IR dumps and the remarks then use the same names.
/// Numbers count per function, from 0, so a function first numbered before any change reads as the
/// dense printer would print it.
/// </summary>
public sealed class StableNumbering
{
    private sealed class Counters { public int NextValue, NextBlock; }

    // A value's number is its function's: one moved to another function gets a fresh number there.
    private readonly ConditionalWeakTable<Value, Tuple<Function, int>> values = new();
    private readonly ConditionalWeakTable<Block, StrongBox<int>> blocks = new();
    private readonly ConditionalWeakTable<Function, Counters> functions = new();

    /// <summary>Sets <see cref="Value.Id"/> and <see cref="Block.Id"/> of the function from this numbering.</summary>
    public void Assign(Function function)
    {
        var counters = functions.GetValue(function, _ => new Counters());
        foreach (var b in function.Blocks)
        {
            b.Id = blocks.GetValue(b, _ => new StrongBox<int>(counters.NextBlock++)).Value;
            foreach (var p in b.Parameters) p.Id = Number(function, counters, p);
            foreach (var i in b.Instructions) i.Id = i.HasResult ? Number(function, counters, i) : -1;
        }
    }

    /// <summary>
    /// The value's name as the IR printed with this numbering shows it (<c>%3</c>), for messages such as
    /// remarks. The first time its function is named or printed, the whole function is numbered in
    /// program order. A value in no function (made but not placed, or taken out) is in no printed IR:
    /// its name is <c>%?</c>.
    /// </summary>
    public string Name(Value value)
    {
        var function = value switch
        {
            Instruction i => i.Block?.Function,
            BlockParameter p => p.Block.Function,
            _ => null,
        };
        if (function is null) return "%?";
        if (!functions.TryGetValue(function, out var counters))
        {
            Assign(function);
            counters = functions.GetValue(function, _ => new Counters());
        }
        value.Id = Number(function, counters, value);
        return value.ToString();
    }

    private int Number(Function function, Counters counters, Value v)
    {
        if (values.TryGetValue(v, out var known) && known.Item1 == function) return known.Item2;
        var number = counters.NextValue++;
        values.AddOrUpdate(v, Tuple.Create(function, number));
        return number;
    }
}
