using System.Collections;

namespace Testbed.IR;

/// <summary>
/// The edges of a terminator. Adding an edge makes the branch its owner (<see cref="BlockTarget.Branch"/>)
/// and, when the branch is in a block, registers the edge's arguments as uses; taking it out
/// unregisters them. An edge can belong to one branch only: adding an owned edge throws.
/// </summary>
public sealed class TargetList : IList<BlockTarget>, IReadOnlyList<BlockTarget>
{
    private static readonly List<BlockTarget> None = new();
    private readonly Instruction branch;
    // Most instructions are not branches: the list is made on the first edge.
    private List<BlockTarget>? items;

    internal TargetList(Instruction branch) { this.branch = branch; }

    public int Count => items?.Count ?? 0;
    bool ICollection<BlockTarget>.IsReadOnly => false;

    public BlockTarget this[int index]
    {
        get => (items ?? None)[index];
        set
        {
            var old = (items ?? None)[index];
            if (old == value) return;
            Claim(value);
            items![index] = value;
            Release(old);
        }
    }

    public void Add(BlockTarget target)
    {
        Claim(target);
        (items ??= new List<BlockTarget>(2)).Add(target);
    }

    public void AddRange(IEnumerable<BlockTarget> targets)
    {
        foreach (var t in targets.ToArray()) Add(t);
    }

    public void Insert(int index, BlockTarget target)
    {
        if ((uint)index > (uint)Count) throw new ArgumentOutOfRangeException(nameof(index));
        Claim(target);
        (items ??= new List<BlockTarget>(2)).Insert(index, target);
    }

    public void RemoveAt(int index)
    {
        var t = (items ?? None)[index];
        items!.RemoveAt(index);
        Release(t);
    }

    public bool Remove(BlockTarget target)
    {
        int k = IndexOf(target);
        if (k < 0) return false;
        RemoveAt(k);
        return true;
    }

    public int RemoveAll(Predicate<BlockTarget> match)
    {
        if (items is null) return 0;
        var removed = new List<BlockTarget>();
        int kept = 0;
        for (int k = 0; k < items.Count; k++)
        {
            var t = items[k];
            if (match(t)) removed.Add(t);
            else items[kept++] = t;
        }
        items.RemoveRange(kept, removed.Count);
        foreach (var t in removed) Release(t);
        return removed.Count;
    }

    public void Clear()
    {
        if (items is null) return;
        foreach (var t in items) Release(t);
        items.Clear();
    }

    public int IndexOf(BlockTarget target) => items?.IndexOf(target) ?? -1;
    public bool Contains(BlockTarget target) => IndexOf(target) >= 0;
    public void CopyTo(BlockTarget[] array, int arrayIndex) => items?.CopyTo(array, arrayIndex);

    public List<BlockTarget>.Enumerator GetEnumerator() => (items ?? None).GetEnumerator();
    IEnumerator<BlockTarget> IEnumerable<BlockTarget>.GetEnumerator() => GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    private void Claim(BlockTarget target)
    {
        if (target.Branch is not null)
            throw new InvalidOperationException($"the edge to {target.Block} already belongs to a {target.Branch.Opcode.Mnemonic()}; give each branch a new BlockTarget");
        target.Branch = branch;
        if (branch.Block is not null) target.Arguments.Register();
    }

    private static void Release(BlockTarget target)
    {
        target.Arguments.Unregister();
        target.Branch = null;
    }
}

/// <summary>
/// The instructions of a block, in order. Adding an instruction sets its <see cref="Instruction.Block"/>
/// and registers its uses; taking it out (RemoveAt, Remove, RemoveAll, Clear, the indexer) clears the
/// link and unregisters them (see <see cref="Value"/>). An instruction appended to another block
/// before this list lets go of it counts as moved: it keeps its uses, and this list's later removal
/// leaves it alone (simplifycfg and the inliner move code that way, then clear the old list).
/// </summary>
public sealed class InstructionList : IList<Instruction>, IReadOnlyList<Instruction>
{
    private readonly Block block;
    private readonly List<Instruction> items = new();
    // Positions are numbered lazily and dropped by any change, as LLVM's Instruction::comesBefore does:
    // a run of queries between changes costs one pass over the block, a change costs nothing.
    private bool numbered;

    internal InstructionList(Block block) { this.block = block; }

    /// <summary>Where <paramref name="instruction"/>, which must be in this list, stands: amortised O(1).</summary>
    internal int PositionOf(Instruction instruction)
    {
        if (!numbered)
        {
            // An instruction already moved to another block (still here until this list lets go) keeps
            // the number its new block gave it.
            for (int k = 0; k < items.Count; k++)
                if (items[k].Block == block) items[k].OrderNumber = k;
            numbered = true;
        }
        return instruction.OrderNumber;
    }

    public int Count => items.Count;
    bool ICollection<Instruction>.IsReadOnly => false;

    public Instruction this[int index]
    {
        get => items[index];
        set
        {
            var old = items[index];
            if (old == value) return;
            items[index] = value;
            numbered = false;
            old.DetachFrom(block);
            value.AttachTo(block);
        }
    }

    public void Add(Instruction instruction)
    {
        instruction.AttachTo(block);
        items.Add(instruction);
        numbered = false;
    }

    public void AddRange(IEnumerable<Instruction> instructions)
    {
        foreach (var i in instructions.ToArray()) Add(i);
    }

    public void Insert(int index, Instruction instruction)
    {
        if ((uint)index > (uint)items.Count) throw new ArgumentOutOfRangeException(nameof(index));
        instruction.AttachTo(block);
        items.Insert(index, instruction);
        numbered = false;
    }

    public void RemoveAt(int index)
    {
        var i = items[index];
        items.RemoveAt(index);
        numbered = false;
        i.DetachFrom(block);
    }

    /// <summary>Takes out <paramref name="count"/> instructions from <paramref name="index"/> on: O(what follows), where Remove one at a time is O(n) each.</summary>
    public void RemoveRange(int index, int count)
    {
        for (int k = index; k < index + count; k++) items[k].DetachFrom(block);
        items.RemoveRange(index, count);
        numbered = false;
    }

    public bool Remove(Instruction instruction)
    {
        int k = items.IndexOf(instruction);
        if (k < 0) return false;
        RemoveAt(k);
        return true;
    }

    /// <summary>Takes out every instruction that matches, in one pass: O(n). <paramref name="match"/> sees each instruction once, in order.</summary>
    public int RemoveAll(Predicate<Instruction> match)
    {
        int kept = 0;
        for (int k = 0; k < items.Count; k++)
        {
            var i = items[k];
            if (match(i)) i.DetachFrom(block);
            else items[kept++] = i;
        }
        int removed = items.Count - kept;
        items.RemoveRange(kept, removed);
        numbered = false;
        return removed;
    }

    public void Clear()
    {
        foreach (var i in items) i.DetachFrom(block);
        items.Clear();
        numbered = false;
    }

    public int IndexOf(Instruction instruction) => items.IndexOf(instruction);
    public bool Contains(Instruction instruction) => items.Contains(instruction);
    public void CopyTo(Instruction[] array, int arrayIndex) => items.CopyTo(array, arrayIndex);

    public List<Instruction>.Enumerator GetEnumerator() => items.GetEnumerator();
    IEnumerator<Instruction> IEnumerable<Instruction>.GetEnumerator() => GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
