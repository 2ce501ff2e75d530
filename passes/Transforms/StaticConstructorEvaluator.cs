using System.Buffers.Binary;
using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// Runs a static constructor at compile time, as far as that is sure to give what running it in the
/// program would: it may compute with integers and doubles, use stack slots and objects it creates
/// itself (a box, a struct), branch and loop, and store into the static fields of its own class.
/// It may not call anything, read or write anyone else's memory, leave a created object reachable
/// from a static, or throw: any of these, or more than <see cref="StepLimit"/> instructions, gives
/// up (null), and the constructor runs at run time as before.
///
/// What comes out is the bytes of each of the class's static fields, which is all the constructor can
/// have changed. Memory is modelled as blocks of bytes; a pointer or object stored into a block is
/// remembered beside its bytes, so that loading it back gives the same pointer.
/// </summary>
internal sealed class StaticConstructorEvaluator
{
    public const int StepLimit = 100_000;

    private abstract record Val;
    private sealed record Int(long Value) : Val;
    private sealed record Float(double Value) : Val;
    private sealed record Null : Val { public static readonly Null Instance = new(); }
    /// <summary>An address: <see cref="Offset"/> bytes into <see cref="Memory"/> (an object starts at offset 0).</summary>
    private sealed record Address(MemoryBlock Memory, long Offset) : Val;

    private sealed class MemoryBlock
    {
        public MemoryBlock(byte[] bytes, Global? global) { Bytes = bytes; Global = global; }
        public byte[] Bytes { get; }
        /// <summary>The static field this block is; null for a stack slot or an object made here.</summary>
        public Global? Global { get; }
        /// <summary>Pointers and objects stored at an offset: their bytes are not a value we can write down.</summary>
        public Dictionary<long, Address> References { get; } = new();
    }

    private readonly IReadOnlyDictionary<Global, MemoryBlock> statics;
    private readonly Dictionary<Value, Val> values = new();
    private readonly Dictionary<ClassInfo, MemoryBlock> descriptors = new();

    private StaticConstructorEvaluator(IEnumerable<Global> ownStatics)
    {
        statics = ownStatics.ToDictionary(g => g, g => new MemoryBlock(
            g.InitialData is { } data ? (byte[])data.Clone() : new byte[g.Type.Size], g));
    }

    /// <summary>
    /// The bytes each of <paramref name="ownStatics"/> holds after <paramref name="constructor"/> has run,
    /// or null (with the reason) when the constructor does something that must happen at run time.
    /// </summary>
    public static (IReadOnlyDictionary<Global, byte[]>? Values, string? Reason) Evaluate(Function constructor, IEnumerable<Global> ownStatics)
    {
        var evaluator = new StaticConstructorEvaluator(ownStatics);
        try
        {
            evaluator.Run(constructor);
        }
        catch (CannotEvaluate e)
        {
            return (null, e.Message);
        }
        foreach (var block in evaluator.statics.Values)
            if (block.References.Count > 0)
                return (null, $"it leaves a pointer or object in {block.Global!.Name}");
        return (evaluator.statics.ToDictionary(p => p.Key, p => p.Value.Bytes), null);
    }

    private sealed class CannotEvaluate(string reason) : Exception(reason);

    private void Run(Function f)
    {
        if (f.IsDeclaration || f.ParameterTypes.Count != 0) throw new CannotEvaluate("it has no body or takes parameters");
        var block = f.Entry;
        int steps = 0;
        while (true)
        {
            Block? next = null;
            IReadOnlyList<Value>? arguments = null;
            foreach (var i in block.Instructions)
            {
                if (++steps > StepLimit) throw new CannotEvaluate($"it runs more than {StepLimit} instructions");
                switch (i.Opcode)
                {
                    case Opcode.Ret:
                        return;
                    case Opcode.Br:
                        (next, arguments) = (i.Targets[0].Block, i.Targets[0].Arguments);
                        break;
                    case Opcode.CondBr:
                        var taken = i.Targets[IntOf(i.Operands[0]) != 0 ? 0 : 1];
                        (next, arguments) = (taken.Block, taken.Arguments);
                        break;
                    case Opcode.Switch:
                        long selector = IntOf(i.Operands[0]);
                        int index = i.CaseValues.IndexOf(ConstantFolding.Normalize(selector, i.Operands[0].Type));
                        var chosen = i.Targets[index + 1];
                        (next, arguments) = (chosen.Block, chosen.Arguments);
                        break;
                    default:
                        Execute(i);
                        continue;
                }
                break;
            }
            if (next is null) throw new CannotEvaluate($"block {block} ends without a terminator it understands");
            // Block parameters take all their arguments at once, as phis do.
            var incoming = arguments!.Select(ValueOf).ToList();
            for (int p = 0; p < next.Parameters.Count; p++) values[next.Parameters[p]] = incoming[p];
            block = next;
        }
    }

    private void Execute(Instruction i)
    {
        var ops = i.Operands;
        switch (i.Opcode)
        {
            case Opcode.ConstInt: Set(i, new Int(ConstantFolding.Normalize(i.IntValue, i.Type))); break;
            case Opcode.ConstFloat: Set(i, new Float(i.FloatValue)); break;
            case Opcode.ConstNull: Set(i, Null.Instance); break;
            case Opcode.Reinterpret: Set(i, ValueOf(ops[0])); break;
            case Opcode.Alloca:
                Set(i, new Address(new MemoryBlock(new byte[(i.TypeOperand ?? throw new CannotEvaluate("an alloca without a type")).Size], null), 0));
                break;
            case Opcode.NewObject:
            {
                // The header points at the class's descriptor: not null, the same for objects of one
                // class, and never a value a static may keep.
                var created = new MemoryBlock(new byte[Math.Max(i.Class!.InstanceSize, 8)], null);
                created.References[0] = new Address(DescriptorOf(i.Class), 0);
                Set(i, new Address(created, 0));
                break;
            }
            case Opcode.GlobalAddr:
                if (!statics.TryGetValue(i.Global!, out var own)) throw new CannotEvaluate($"it reaches {i.Global!.Name}, which is not its class's");
                Set(i, new Address(own, 0));
                break;
            case Opcode.FieldAddr: Set(i, Offset(ops[0], i.Field!.Offset)); break;
            case Opcode.PtrAdd: Set(i, Offset(ops[0], IntOf(ops[1]))); break;
            case Opcode.Load: Set(i, Load(AddressOf(ops[0]), i.Type)); break;
            case Opcode.Store: Store(AddressOf(ops[1]), ops[0].Type, ValueOf(ops[0])); break;
            case Opcode.Fill:
            {
                var at = AddressOf(ops[0]);
                long count = IntOf(ops[2]);
                CheckRange(at, count);
                Array.Fill(at.Memory.Bytes, (byte)IntOf(ops[1]), (int)at.Offset, (int)count);
                ForgetReferences(at, count);
                break;
            }
            case Opcode.Copy:
            {
                var (to, from) = (AddressOf(ops[0]), AddressOf(ops[1]));
                long count = IntOf(ops[2]);
                CheckRange(to, count);
                CheckRange(from, count);
                if (from.Memory.References.Keys.Any(o => o >= from.Offset && o < from.Offset + count))
                    throw new CannotEvaluate("it copies memory that holds pointers");
                Array.Copy(from.Memory.Bytes, from.Offset, to.Memory.Bytes, to.Offset, count);
                ForgetReferences(to, count);
                break;
            }
            case Opcode.NullCheck:
                if (ValueOf(ops[0]) is Null) throw new CannotEvaluate("it dereferences null");
                break;
            case Opcode.ICmp: Set(i, new Int(Compare(i.Predicate, ValueOf(ops[0]), ValueOf(ops[1]), ops[0].Type) ? 1 : 0)); break;
            case Opcode.Select: Set(i, IntOf(ops[0]) != 0 ? ValueOf(ops[1]) : ValueOf(ops[2])); break;
            case Opcode.FAdd or Opcode.FSub or Opcode.FMul or Opcode.FDiv:
                Set(i, new Float(Round(i.Type, FloatArithmetic(i.Opcode, FloatOf(ops[0]), FloatOf(ops[1])))));
                break;
            case Opcode.FNeg: Set(i, new Float(-FloatOf(ops[0]))); break;
            case Opcode.FPExt: Set(i, new Float(FloatOf(ops[0]))); break;
            case Opcode.FPTrunc: Set(i, new Float((float)FloatOf(ops[0]))); break;
            case Opcode.SIToFP: Set(i, new Float(Round(i.Type, IntOf(ops[0])))); break;
            default:
                if (!ConstantFolding.IsFoldableType(i.Type) || i.Opcode.IsCall() || i.Operands.Any(o => !ConstantFolding.IsFoldableType(o.Type)))
                    throw new CannotEvaluate($"it does {i.Opcode.Mnemonic()}");
                var folded = ConstantFolding.Fold(i, ops.Select(IntOf).ToList())
                    ?? throw new CannotEvaluate($"its {i.Opcode.Mnemonic()} would throw");
                Set(i, new Int(folded));
                break;
        }
    }

    private static double FloatArithmetic(Opcode op, double a, double b) => op switch
    {
        Opcode.FAdd => a + b,
        Opcode.FSub => a - b,
        Opcode.FMul => a * b,
        _ => a / b,
    };

    /// <summary>A float operation rounds to float, which rounding the double result does exactly for + - * /.</summary>
    private static double Round(IrType type, double value) => type == IrType.F32 ? (float)value : value;

    private static bool Compare(Predicate p, Val a, Val b, IrType type)
    {
        if (a is Int x && b is Int y) return ConstantFolding.Compare(p, x.Value, y.Value, ConstantFolding.Bits(type));
        if (p is not (Predicate.Eq or Predicate.Ne or Predicate.ULt or Predicate.ULe or Predicate.UGt or Predicate.UGe))
            throw new CannotEvaluate($"it compares addresses with {p}");
        // Null is address 0 and anything made or named here is above it; two addresses compare only
        // within one block of memory, where their offsets decide.
        long ka, kb;
        switch (a, b)
        {
            case (Null, Null): ka = kb = 0; break;
            case (Null, Address): ka = 0; kb = 1; break;
            case (Address, Null): ka = 1; kb = 0; break;
            case (Address l, Address r) when l.Memory == r.Memory: ka = l.Offset; kb = r.Offset; break;
            case (Address, Address) when p is Predicate.Eq or Predicate.Ne: return p == Predicate.Ne;
            default: throw new CannotEvaluate("it compares unrelated addresses");
        }
        return ConstantFolding.Compare(p, ka, kb, 64);
    }

    private Address Offset(Value pointer, long by) => ValueOf(pointer) switch
    {
        Address a => a with { Offset = a.Offset + by },
        Null => throw new CannotEvaluate("it dereferences null"),
        _ => throw new CannotEvaluate("it makes an address from an integer"),
    };

    private Address AddressOf(Value pointer) => Offset(pointer, 0);

    private static void CheckRange(Address at, long size)
    {
        if (at.Offset < 0 || size < 0 || at.Offset + size > at.Memory.Bytes.Length)
            throw new CannotEvaluate("it reaches outside an object");
    }

    private static void ForgetReferences(Address at, long size)
    {
        foreach (var offset in at.Memory.References.Keys.Where(o => o > at.Offset - 8 && o < at.Offset + size).ToList())
            at.Memory.References.Remove(offset);
    }

    private static Val Load(Address at, IrType type)
    {
        CheckRange(at, type.Size);
        var bytes = at.Memory.Bytes.AsSpan((int)at.Offset, type.Size);
        if (type.IsPointerLike)
        {
            if (at.Memory.References.TryGetValue(at.Offset, out var stored)) return stored;
            if (BinaryPrimitives.ReadInt64LittleEndian(bytes) == 0) return Null.Instance;
            throw new CannotEvaluate("it loads a pointer that is not one");
        }
        if (at.Memory.References.Keys.Any(o => o > at.Offset - 8 && o < at.Offset + type.Size))
            throw new CannotEvaluate("it reads a pointer's bytes as a number");
        if (type == IrType.F64) return new Float(BinaryPrimitives.ReadDoubleLittleEndian(bytes));
        if (type == IrType.F32) return new Float(BinaryPrimitives.ReadSingleLittleEndian(bytes));
        if (!ConstantFolding.IsFoldableType(type)) throw new CannotEvaluate($"it loads a {type}");
        long raw = type.Size switch
        {
            1 => bytes[0],
            2 => BinaryPrimitives.ReadInt16LittleEndian(bytes),
            4 => BinaryPrimitives.ReadInt32LittleEndian(bytes),
            _ => BinaryPrimitives.ReadInt64LittleEndian(bytes),
        };
        return new Int(ConstantFolding.Normalize(raw, type));
    }

    private static void Store(Address at, IrType type, Val value)
    {
        CheckRange(at, type.Size);
        ForgetReferences(at, type.Size);
        var bytes = at.Memory.Bytes.AsSpan((int)at.Offset, type.Size);
        switch (value)
        {
            case Null:
                bytes.Clear();
                break;
            case Address pointer:
                bytes.Clear();
                at.Memory.References[at.Offset] = pointer;
                break;
            case Float f when type == IrType.F64:
                BinaryPrimitives.WriteDoubleLittleEndian(bytes, f.Value);
                break;
            case Float f when type == IrType.F32:
                BinaryPrimitives.WriteSingleLittleEndian(bytes, (float)f.Value);
                break;
            case Int n when ConstantFolding.IsFoldableType(type):
                for (int k = 0; k < type.Size; k++) bytes[k] = (byte)(n.Value >> (8 * k));
                break;
            default:
                throw new CannotEvaluate($"it stores a {value.GetType().Name} as {type}");
        }
    }

    private MemoryBlock DescriptorOf(ClassInfo cls)
    {
        if (!descriptors.TryGetValue(cls, out var descriptor))
            descriptors[cls] = descriptor = new MemoryBlock(Array.Empty<byte>(), null);
        return descriptor;
    }

    private void Set(Instruction i, Val v) => values[i] = v;

    private Val ValueOf(Value v) => values.TryGetValue(v, out var known) ? known : throw new CannotEvaluate($"{v} has no value yet");

    private long IntOf(Value v) => ValueOf(v) is Int n ? n.Value : throw new CannotEvaluate("it uses an address as a number");

    private double FloatOf(Value v) => ValueOf(v) is Float f ? f.Value : throw new CannotEvaluate("it uses a non-float as a float");
}
