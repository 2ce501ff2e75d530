namespace Testbed.IR;

/// <summary>An SSA value: a block parameter or the result of an instruction.</summary>
public abstract class Value
{
    protected Value(IrType type) { Type = type; }

    public IrType Type { get; set; }
    /// <summary>Number used by the printer (%N); assigned by <see cref="Function.Renumber"/>.</summary>
    public int Id { get; set; } = -1;
    public override string ToString() => "%" + Id;
}

/// <summary>
/// A block parameter. The IR uses block parameters instead of phi nodes: a branch passes one
/// argument for each parameter of its target. A function's parameters are its entry block's.
/// </summary>
public sealed class BlockParameter : Value
{
    public BlockParameter(Block block, IrType type) : base(type) { Block = block; }
    public Block Block { get; internal set; }
}

/// <summary>A branch edge: a target block and the arguments for its parameters.</summary>
public sealed class BlockTarget
{
    public BlockTarget(Block block, IEnumerable<Value>? arguments = null)
    {
        Block = block;
        Arguments = arguments?.ToList() ?? new List<Value>();
    }

    public Block Block { get; set; }
    public List<Value> Arguments { get; }
}

public sealed class Instruction : Value
{
    public Instruction(Opcode opcode, IrType type, params Value[] operands) : base(type)
    {
        Opcode = opcode;
        Operands = operands.ToList();
    }

    public Opcode Opcode { get; set; }
    public List<Value> Operands { get; }
    public Block? Block { get; internal set; }

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
    public List<BlockTarget> Targets { get; } = new();
    /// <summary>Case values of a Switch, one for each target after the default.</summary>
    public List<long> CaseValues { get; } = new();
    /// <summary>
    /// The handler block an exception thrown by this instruction goes to (it starts with a landingpad
    /// and has no parameters); null: the exception propagates to the caller.
    /// </summary>
    public Block? Unwind { get; set; }
    /// <summary>Where the instruction came from (IL offset in its method), for diagnostics and debug info.</summary>
    public int ILOffset { get; set; } = -1;

    public bool HasResult => Type != IrType.Void;
}
