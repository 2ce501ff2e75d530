using System.Collections;

namespace Testbed.IR;

/// <summary>
/// One slot that holds a value: operand <see cref="Index"/> of <see cref="User"/>, or, when
/// <see cref="Edge"/> is set, argument <see cref="Index"/> of that edge of the branch <see cref="User"/>.
/// A handle, not a copy: <see cref="Set"/> rewrites the slot in place. It stays valid while the
/// slot's list only has values set; once slots are inserted into or removed from that list, reading
/// or setting through an older handle throws rather than reach a neighbouring slot.
/// </summary>
public readonly struct Use : IEquatable<Use>
{
    private readonly OperandList list;
    private readonly int index;
    private readonly int shape;

    internal Use(OperandList list, int index)
    {
        this.list = list;
        this.index = index;
        shape = list.Shape;
    }

    public Value Value => Current[index];
    /// <summary>The slot's place in <see cref="Instruction.Operands"/> or <see cref="BlockTarget.Arguments"/>.</summary>
    public int Index => index;
    /// <summary>The instruction that reads the value: for a branch argument, the branch.</summary>
    public Instruction User => list.User ?? throw new InvalidOperationException("this slot belongs to an edge that no branch holds");
    /// <summary>The edge whose argument this is; null for an operand.</summary>
    public BlockTarget? Edge => list.Edge;
    public bool IsBranchArgument => list.Edge is not null;
    internal OperandList List => list;

    /// <summary>Makes the slot hold <paramref name="value"/> instead; both values' use lists follow.</summary>
    public void Set(Value value) => Current[index] = value;

    private OperandList Current => list.Shape == shape ? list
        : throw new InvalidOperationException($"slots were inserted into or removed from the list of {this} since this use was taken");

    public bool Equals(Use other) => list == other.list && index == other.index;
    public override bool Equals(object? obj) => obj is Use other && Equals(other);
    public override int GetHashCode() => HashCode.Combine(list, index);
    public static bool operator ==(Use a, Use b) => a.Equals(b);
    public static bool operator !=(Use a, Use b) => !a.Equals(b);

    public override string ToString() =>
        Edge is { } e ? $"argument {Index} to {e.Block} of {list.User?.Opcode.Mnemonic()}" : $"operand {Index} of {list.User?.Opcode.Mnemonic()}";
}

/// <summary>
/// A value's uses (see <see cref="Value.Uses"/>), in no particular order. A live view: rewriting a
/// use while enumerating throws, so take a copy (<c>ToList()</c>) first, or use
/// <see cref="Value.ReplaceAllUsesWith"/>.
/// </summary>
public readonly struct ValueUses : IReadOnlyList<Use>
{
    private readonly Value value;

    internal ValueUses(Value value) { this.value = value; }

    public int Count => value.UseCount;
    public Use this[int index] => value.UseAt(index);

    public Enumerator GetEnumerator() => new(value);
    IEnumerator<Use> IEnumerable<Use>.GetEnumerator() => GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public struct Enumerator : IEnumerator<Use>
    {
        private readonly Value value;
        private readonly int version;
        private int index;

        internal Enumerator(Value value)
        {
            this.value = value;
            version = value.UseVersion;
            index = -1;
        }

        public Use Current => value.UseAt(index);
        object IEnumerator.Current => Current;

        public bool MoveNext()
        {
            if (version != value.UseVersion) throw new InvalidOperationException($"the uses of {value} changed during enumeration; enumerate a copy (ToList) to rewrite them");
            return ++index < value.UseCount;
        }

        public void Reset() => index = -1;
        public void Dispose() { }
    }
}
