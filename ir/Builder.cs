namespace Testbed.IR;

/// <summary>
/// Where a <see cref="Builder"/> puts what it builds: before an instruction, or at the end of a
/// block (<see cref="Before"/> null). Instructions built one after another at one point keep their
/// order: each goes in before the same instruction, after the one built before it.
/// </summary>
public readonly record struct InsertPoint(Block Block, Instruction? Before)
{
    public static InsertPoint AtEnd(Block block) => new(block, null);

    /// <summary>
    /// The first place code may go: before the block's first instruction, or after its landingpad
    /// (which must stay first); the block's end when there is nothing after that.
    /// </summary>
    public static InsertPoint AtStart(Block block)
    {
        var list = block.Instructions;
        int first = list.Count > 0 && list[0].Opcode == Opcode.LandingPad ? 1 : 0;
        return new(block, first < list.Count ? list[first] : null);
    }

    public static InsertPoint BeforeInstruction(Instruction instruction) => new(BlockOf(instruction), instruction);

    /// <summary>Between the instruction and the next (its block's end if it is the last).</summary>
    public static InsertPoint AfterInstruction(Instruction instruction)
    {
        var block = BlockOf(instruction);
        int next = block.Instructions.IndexOf(instruction) + 1;
        return new(block, next < block.Instructions.Count ? block.Instructions[next] : null);
    }

    private static Block BlockOf(Instruction instruction) =>
        instruction.Block ?? throw new InvalidOperationException($"{instruction.Opcode.Mnemonic()} {instruction} is in no block: there is no place next to it");
}

/// <summary>
/// Builds instructions at an insertion point, by default the end of a block; the one way frontends
/// and passes create IR. A pass that inserts next to existing code starts from <see cref="Before"/>,
/// <see cref="After"/> or <see cref="AtStart"/>, which also stamp the neighbour's IL offset.
/// </summary>
public sealed class Builder
{
    private InsertPoint point;
    // Where the insertion point's instruction was last seen, so that building a run of instructions
    // in front of it finds it without searching the block each time.
    private int beforeIndex;

    public Builder(Block block) { point = InsertPoint.AtEnd(block); }

    public Builder(InsertPoint point) { SetInsertPoint(point); }

    public static Builder AtEnd(Block block) => new(block);
    public static Builder AtStart(Block block) =>
        new(InsertPoint.AtStart(block)) { ILOffset = block.Instructions.FirstOrDefault()?.ILOffset ?? -1, InlinedAt = block.Instructions.FirstOrDefault()?.InlinedAt };
    public static Builder Before(Instruction instruction) => new(InsertPoint.BeforeInstruction(instruction)) { ILOffset = instruction.ILOffset, InlinedAt = instruction.InlinedAt };
    public static Builder After(Instruction instruction) => new(InsertPoint.AfterInstruction(instruction)) { ILOffset = instruction.ILOffset, InlinedAt = instruction.InlinedAt };

    /// <summary>The block built into; setting it moves the insertion point to that block's end.</summary>
    public Block Block
    {
        get => point.Block;
        set => SetInsertPoint(InsertPoint.AtEnd(value));
    }

    public InsertPoint InsertPoint => point;

    public void SetInsertPoint(InsertPoint point)
    {
        if (point.Before is { } before && before.Block != point.Block)
            throw new ArgumentException($"{before.Opcode.Mnemonic()} {before} is not in {point.Block}", nameof(point));
        this.point = point;
        beforeIndex = 0;
    }

    /// <summary>Stamped on every instruction built, for diagnostics.</summary>
    public int ILOffset { get; set; } = -1;
    /// <summary>Stamped with <see cref="ILOffset"/>: the inlined calls the offset is inside (see <see cref="Instruction.InlinedAt"/>).</summary>
    public InlineSite? InlinedAt { get; set; }

    /// <summary>Given to every instruction built that may throw: the handler in force where the code is.</summary>
    public Block? Unwind { get; set; }
    /// <summary>Loads and stores built while set are volatile (the importer sets it for an access after <c>volatile.</c>).</summary>
    public bool Volatile { get; set; }

    public Instruction Emit(Opcode op, IrType type, params Value[] operands)
    {
        var i = new Instruction(op, type, operands) { ILOffset = ILOffset, InlinedAt = InlinedAt };
        if (op.MayThrow()) i.Unwind = Unwind;
        if (Volatile && op is Opcode.Load or Opcode.Store) i.Volatile = true;
        return Place(i);
    }

    /// <summary>Puts an instruction made elsewhere (or taken out with Remove) at the insertion point.</summary>
    public Instruction Place(Instruction instruction)
    {
        var (block, before) = point;
        if (before is null) return block.Append(instruction);
        if (before.Block != block)
            throw new InvalidOperationException($"the insertion point {before.Opcode.Mnemonic()} {before} left {block}");
        var list = block.Instructions;
        int at = beforeIndex < list.Count && list[beforeIndex] == before ? beforeIndex : list.IndexOf(before);
        list.Insert(at, instruction);
        beforeIndex = at + 1;
        return instruction;
    }

    public Instruction ConstInt(IrType type, long value)
    {
        var i = Emit(Opcode.ConstInt, type);
        i.IntValue = value;
        return i;
    }

    public Instruction ConstFloat(IrType type, double value)
    {
        var i = Emit(Opcode.ConstFloat, type);
        i.FloatValue = value;
        return i;
    }

    public Instruction Null(IrType type) => Emit(Opcode.ConstNull, type);

    /// <summary>The zero of a scalar type: null, 0.0 or 0.</summary>
    public Instruction Zero(IrType type) =>
        type.IsPointerLike ? Null(type) : type.IsFloat ? ConstFloat(type, 0) : ConstInt(type, 0);

    /// <summary>Zeroes a slot of any type: a store for scalars, a fill for structs.</summary>
    public void StoreZero(IrType type, Value address)
    {
        if (type is StructType st)
            Emit(Opcode.Fill, IrType.Void, address, ConstInt(IrType.I8, 0), ConstInt(IrType.I64, st.Size));
        else
            Store(Zero(type), address);
    }

    public Instruction StringLiteral(string text)
    {
        var i = Emit(Opcode.StringLiteral, IrType.Obj);
        i.Text = text;
        return i;
    }

    public Instruction Binary(Opcode op, Value a, Value b) => Emit(op, a.Type, a, b);

    public Instruction Compare(Predicate predicate, Value a, Value b)
    {
        var op = a.Type.IsFloat ? Opcode.FCmp : Opcode.ICmp;
        var i = Emit(op, IrType.Bool, a, b);
        i.Predicate = predicate;
        return i;
    }

    public Instruction Convert(Opcode op, Value v, IrType to) => Emit(op, to, v);

    public Instruction Alloca(IrType type)
    {
        var i = Emit(Opcode.Alloca, IrType.Ptr);
        i.TypeOperand = type;
        return i;
    }

    public Instruction Load(IrType type, Value address) => Emit(Opcode.Load, type, address);
    public Instruction Store(Value value, Value address) => Emit(Opcode.Store, IrType.Void, value, address);

    public Instruction FieldAddr(Value baseAddress, FieldInfo field)
    {
        var i = Emit(Opcode.FieldAddr, IrType.Ptr, baseAddress);
        i.Field = field;
        return i;
    }

    public Instruction GlobalAddr(Global global)
    {
        var i = Emit(Opcode.GlobalAddr, IrType.Ptr);
        i.Global = global;
        return i;
    }

    public Instruction WithClass(Opcode op, IrType type, ClassInfo cls, params Value[] operands)
    {
        var i = Emit(op, type, operands);
        i.Class = cls;
        return i;
    }

    public Instruction Call(Function callee, IEnumerable<Value> args)
    {
        var i = Emit(Opcode.Call, callee.ReturnType, args.ToArray());
        i.Callee = callee;
        return i;
    }

    public Instruction Intrinsic(IntrinsicKind kind, IrType type, params Value[] args)
    {
        var i = Emit(Opcode.Intrinsic, type, args);
        i.Intrinsic = kind;
        return i;
    }

    public Instruction Br(Block target, IEnumerable<Value>? args = null)
    {
        var i = Emit(Opcode.Br, IrType.Void);
        i.Targets.Add(new BlockTarget(target, args));
        return i;
    }

    public Instruction CondBr(Value condition, BlockTarget ifTrue, BlockTarget ifFalse)
    {
        var i = Emit(Opcode.CondBr, IrType.Void, condition);
        i.Targets.Add(ifTrue);
        i.Targets.Add(ifFalse);
        return i;
    }

    public Instruction Ret(Value? value) =>
        value is null ? Emit(Opcode.Ret, IrType.Void) : Emit(Opcode.Ret, IrType.Void, value);

    public Instruction Unreachable() => Emit(Opcode.Unreachable, IrType.Void);
}
