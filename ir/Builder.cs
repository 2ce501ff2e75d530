namespace Testbed.IR;

/// <summary>Appends instructions to a block; the one way frontends and passes create IR.</summary>
public sealed class Builder
{
    public Builder(Block block) { Block = block; }

    public Block Block { get; set; }
    /// <summary>Stamped on every instruction built, for diagnostics.</summary>
    public int ILOffset { get; set; } = -1;

    /// <summary>Given to every instruction built that may throw: the handler in force where the code is.</summary>
    public Block? Unwind { get; set; }

    public Instruction Emit(Opcode op, IrType type, params Value[] operands)
    {
        var i = new Instruction(op, type, operands) { ILOffset = ILOffset };
        if (op.MayThrow()) i.Unwind = Unwind;
        return Block.Append(i);
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
