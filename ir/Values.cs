namespace Testbed.IR;

/// <summary>
/// An SSA value: a block parameter or the result of an instruction.
///
/// <see cref="Uses"/> are kept by the IR: every operand of an instruction and every argument of a
/// branch edge that holds this value, each a <see cref="Use"/> that names its user (and edge) and
/// can be rewritten in place. A use is listed exactly while its user instruction is in a block:
/// entering a block (Append, Insert, Builder) registers the instruction's operands and its edges'
/// arguments, leaving one (Remove, Instructions.RemoveAt/RemoveAll/Clear, Erase) unregisters them,
/// and every list edit in between (<see cref="OperandList"/>, <see cref="TargetList"/>) keeps them
/// in step. So a detached instruction (one <see cref="Instruction.Remove"/>d to be re-inserted
/// elsewhere, or made but not placed yet) uses nothing, and no mutation the API allows leaves a
/// list stale. The one gap: a block dropped from <c>Function.Blocks</c> keeps its instructions,
/// and their uses, until they are erased; drop blocks with <see cref="Rewriting.EraseBlocks"/>.
/// The verifier recomputes the lists and reports any disagreement.
/// </summary>
public abstract class Value
{
    // Where this value is used: each entry a slot (a list and its index), in no particular order.
    // Each slot records its entry's position (OperandList), so taking one out is O(1).
    private UseEntry[]? uses;
    private int useCount;

    protected Value(IrType type) { Type = type; }

    public IrType Type { get; set; }
    /// <summary>Number used by the printer (%N); assigned by <see cref="Function.Renumber"/>.</summary>
    public int Id { get; set; } = -1;

    /// <summary>Every slot holding this value in an instruction that is in a block, in no particular order.</summary>
    public ValueUses Uses => new(this);
    public bool HasUses => useCount > 0;
    public int UseCount => useCount;
    /// <summary>Changes whenever a use is added or taken away, so that enumerating the uses can notice.</summary>
    internal int UseVersion { get; private set; }

    /// <summary>Makes every use of this value use <paramref name="replacement"/>: O(uses).</summary>
    public void ReplaceAllUsesWith(Value replacement)
    {
        if (ReferenceEquals(replacement, this)) return;
        // Each write takes the last use off this list, so the loop ends, unless the list is corrupt.
        while (useCount > 0)
        {
            var (list, index) = uses![useCount - 1];
            int before = useCount;
            list[index] = replacement;
            if (useCount >= before) throw new InvalidOperationException($"the use list of {this} holds {new Use(list, index)}, which holds {list[index]}");
        }
    }

    internal Use UseAt(int position) =>
        (uint)position < (uint)useCount ? new Use(uses![position].List, uses[position].Index) : throw new ArgumentOutOfRangeException(nameof(position));

    internal UseEntry EntryAt(int position) => uses![position];

    /// <summary>Lists slot <paramref name="index"/> of <paramref name="list"/>; returns where, for the slot to remember.</summary>
    internal int AddUse(OperandList list, int index)
    {
        if (uses is null) uses = new UseEntry[2];
        else if (useCount == uses.Length) Array.Resize(ref uses, useCount * 2);
        uses[useCount] = new UseEntry(list, index);
        UseVersion++;
        return useCount++;
    }

    /// <summary>O(1): the last entry takes the removed one's place, and its slot is told so.</summary>
    internal void RemoveUse(int position)
    {
        var last = uses![--useCount];
        uses[position] = last;
        last.List.MovedTo(last.Index, position);
        uses[useCount] = default;
        UseVersion++;
    }

    /// <summary>A listed slot moved within its list (operands inserted or removed before it).</summary>
    internal void Renumber(int position, int index) => uses![position].Index = index;

    public override string ToString() => "%" + Id;
}

internal record struct UseEntry(OperandList List, int Index);

/// <summary>
/// A block parameter. The IR uses block parameters instead of phi nodes: a branch passes one
/// argument for each parameter of its target. A function's parameters are its entry block's.
/// </summary>
public sealed class BlockParameter : Value
{
    public BlockParameter(Block block, IrType type) : base(type) { Block = block; }
    public Block Block { get; internal set; }
}

/// <summary>
/// A branch edge: a target block and the arguments for its parameters. An edge belongs to at most
/// one branch (<see cref="Branch"/>, set by adding it to <see cref="Instruction.Targets"/>); its
/// arguments are uses of that branch.
/// </summary>
public sealed class BlockTarget
{
    public BlockTarget(Block block, IEnumerable<Value>? arguments = null)
    {
        Block = block;
        Arguments = new OperandList(this, arguments);
    }

    public Block Block { get; set; }
    public OperandList Arguments { get; }
    /// <summary>The terminator whose target this is; null until added to one.</summary>
    public Instruction? Branch { get; internal set; }
}

public sealed class Instruction : Value
{
    public Instruction(Opcode opcode, IrType type, params Value[] operands) : base(type)
    {
        Opcode = opcode;
        Operands = new OperandList(this, operands);
        Targets = new TargetList(this);
    }

    public Opcode Opcode { get; set; }
    public OperandList Operands { get; }
    /// <summary>The block whose instruction list holds this one; null while detached (see <see cref="Value"/>).</summary>
    public Block? Block { get; private set; }

    // Payloads; which one is meaningful depends on the opcode.
    public Predicate Predicate { get; set; }
    public long IntValue { get; set; }
    public double FloatValue { get; set; }
    public string? Text { get; set; }
    public Function? Callee { get; set; }
    public FieldInfo? Field { get; set; }
    public Global? Global { get; set; }
    public ClassInfo? Class { get; set; }
    /// <summary>The slot type of Alloca; the element type of ElementAddr.</summary>
    public IrType? TypeOperand { get; set; }
    public IntrinsicKind Intrinsic { get; set; }
    /// <summary>Successors of a terminator; for Switch the first is the default.</summary>
    public TargetList Targets { get; }
    /// <summary>Case values of a Switch, one for each target after the default.</summary>
    public List<long> CaseValues { get; } = new();
    /// <summary>
    /// The handler block an exception thrown by this instruction goes to (it starts with a landingpad
    /// and has no parameters); null: the exception propagates to the caller.
    /// </summary>
    public Block? Unwind { get; set; }
    /// <summary>
    /// A load or store that must happen as written (IL's <c>volatile.</c> prefix, C#'s volatile fields):
    /// never removed, merged with another access, promoted to a value, or reordered with another
    /// volatile access; lowered to an LLVM volatile access. Only loads and stores carry it.
    /// </summary>
    public bool Volatile { get; set; }
    /// <summary>Where the instruction came from (IL offset in its method), for diagnostics and debug info.</summary>
    public int ILOffset { get; set; } = -1;
    /// <summary>Set on code an inliner copied from another function: whose IL <see cref="ILOffset"/> is in, and the calls it was inlined through.</summary>
    public InlineSite? InlinedAt { get; set; }

    public bool HasResult => Type != IrType.Void;

    /// <summary>Set by the block's list when it numbers its instructions (see IndexInBlock).</summary>
    internal int OrderNumber;

    /// <summary>
    /// Where the instruction stands in its block, 0 for the first. Amortised O(1): the block numbers
    /// its instructions on the first question after a change.
    /// </summary>
    public int IndexInBlock =>
        Block is { } b ? b.Instructions.PositionOf(this) : throw new InvalidOperationException($"{Opcode.Mnemonic()} {this} is in no block");

    /// <summary>
    /// Whether this instruction runs before <paramref name="other"/> in their common block. Blocks of
    /// a function may run many times: across blocks, ask the dominator tree instead.
    /// </summary>
    public bool ComesBefore(Instruction other)
    {
        if (Block is null || other.Block != Block)
            throw new InvalidOperationException($"{Opcode.Mnemonic()} {this} and {other.Opcode.Mnemonic()} {other} are not in one block");
        return IndexInBlock < other.IndexInBlock;
    }

    /// <summary>
    /// Takes the instruction out of its block but keeps its operands and targets, to be inserted
    /// elsewhere (the inliner and simplifycfg move code this way). While out, its operands list no
    /// use of it; inserting it again registers them. O(instructions in the block).
    /// </summary>
    public void Remove() => Block?.Instructions.Remove(this);

    /// <summary>
    /// Deletes the instruction for good: takes it out of its block and drops its operands, targets
    /// and unwind edge. Its own result must be unused by then (replace or erase the users first).
    /// To erase many, use <see cref="Rewriting.EraseWhere"/> or <see cref="Rewriting.Erase"/>: one
    /// pass over each block instead of a search per instruction.
    /// </summary>
    public void Erase()
    {
        CheckUnused(null);
        Remove();
        DropReferences();
    }

    /// <summary>Throws if something outside <paramref name="erasedToo"/> still uses this instruction.</summary>
    internal void CheckUnused(IReadOnlySet<Instruction>? erasedToo)
    {
        foreach (var use in Uses)
            if (erasedToo is null || !erasedToo.Contains(use.User))
                throw new InvalidOperationException(
                    $"erasing {Opcode.Mnemonic()} {this}, which is still used ({use}{(use.User.Block is { } b ? " in " + b : "")}); replace its uses first");
    }

    internal void DropReferences()
    {
        Operands.Clear();
        Targets.Clear();
        Unwind = null;
    }

    /// <summary>Called by a block's instruction list when this instruction enters it.</summary>
    internal void AttachTo(Block block)
    {
        // Moving straight from one block to another (appended before the old list lets go):
        // the uses stay registered, and the old list's removal will not unregister them.
        bool wasDetached = Block is null;
        Block = block;
        if (!wasDetached) return;
        Operands.Register();
        foreach (var t in Targets) t.Arguments.Register();
    }

    /// <summary>Called by a block's instruction list when this instruction leaves it.</summary>
    internal void DetachFrom(Block block)
    {
        if (Block != block) return;
        Operands.Unregister();
        foreach (var t in Targets) t.Arguments.Unregister();
        Block = null;
    }
}
