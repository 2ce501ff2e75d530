using Testbed.IR;

namespace Testbed.Passes;

/// <summary>What one instruction does with a value that holds the tracked pointer.</summary>
public enum PointerUseKind
{
    /// <summary>Reads memory through it: a load, an array's length, a bounds check, a type test's header read.</summary>
    Read,
    /// <summary>Writes memory through it: a store's address, a fill, a copy's destination.</summary>
    Write,
    /// <summary>
    /// Passed to a direct call as operand <see cref="PointerUse.Operand"/>: whether that lets it escape,
    /// and whether the callee writes through it, are the callee's parameter attributes.
    /// </summary>
    CallArgument,
    /// <summary>The pointer may outlive what this function sees: stored in memory, returned, thrown, made an integer, passed to a callee nobody knows.</summary>
    Escape,
}

public readonly record struct PointerUse(Instruction At, PointerUseKind Kind, int Operand, string Reason);

/// <summary>
/// Where a pointer goes inside one function: every value that holds it or an address derived from
/// it (<see cref="Holders"/>), the function's own stack slots it is kept in (<see cref="Slots"/>), and
/// every use. The shared core of the function-attrs pass (a parameter's pointer) and the escape
/// analysis (an allocation's).
///
/// Derived values are those of fieldaddr, ptradd, elementaddr, reinterpret, select, the type tests
/// (which return their operand), and block parameters that receive one. A struct value holds the
/// pointer when it was loaded from a slot that holds it: a span is built in a slot, loaded, stored in
/// another slot and read back field by field, and only following the pointer through such slots sees
/// that the span's pointer is the array's. A slot may keep the pointer only if it is private: its
/// address is used for loads, stores (as the address), copies and fills and nothing else, so nothing
/// outside the function can read it back. A load of a pointer, object or struct from such a slot
/// holds the pointer again; a load of an i64 or f64 from it could be the pointer as a number and
/// counts as an escape; smaller values (a span's length) cannot hold it.
/// </summary>
public sealed class PointerFlow
{
    private readonly HashSet<Value> holders = new();
    private readonly HashSet<Instruction> slots = new();
    private readonly List<PointerUse> uses = new();

    private PointerFlow() { }

    public IReadOnlySet<Value> Holders => holders;
    /// <summary>The function's private slots that a store or copy put the pointer in.</summary>
    public IReadOnlySet<Instruction> Slots => slots;
    public IReadOnlyList<PointerUse> Uses => uses;

    /// <summary>The first use that lets the pointer escape, counting a call argument as one unless <paramref name="parameterAttributes"/> says the callee's parameter is nocapture.</summary>
    public PointerUse? FirstEscape(Func<Function, int, ParameterAttributes> parameterAttributes, Instruction? ignoring = null)
    {
        foreach (var use in uses)
        {
            if (use.At == ignoring) continue;
            if (use.Kind == PointerUseKind.Escape) return use;
            if (use.Kind == PointerUseKind.CallArgument && !parameterAttributes(use.At.Callee!, use.Operand).HasFlag(ParameterAttributes.NoCapture))
                return use with { Reason = $"passed to @{use.At.Callee!.Name} as argument {use.Operand}, which it may capture" };
        }
        return null;
    }

    public static PointerFlow Compute(Function function, params Value[] roots) => Compute(FunctionUses.Of(function), roots);

    public static PointerFlow Compute(FunctionUses uses, params Value[] roots)
    {
        var flow = new PointerFlow();
        var work = new Stack<Value>();
        void Hold(Value v)
        {
            if (flow.holders.Add(v)) work.Push(v);
        }
        void Keep(IEnumerable<Instruction> into)
        {
            foreach (var slot in into)
                if (flow.slots.Add(slot))
                    foreach (var reader in uses.Slots.Readers(slot))
                        flow.ReadBack(reader, uses.Slots, Hold);
        }
        foreach (var root in roots) Hold(root);
        while (work.Count > 0)
        {
            var v = work.Pop();
            foreach (var use in uses.Of(v))
            {
                if (use.Into is { } parameter) { Hold(parameter); continue; }
                flow.Classify(v, use.User, use.Operand, uses.Slots, Hold, Keep);
            }
        }
        return flow;
    }

    private void Add(Instruction at, PointerUseKind kind, int operand, string reason) => uses.Add(new PointerUse(at, kind, operand, reason));

    private void Classify(Value v, Instruction i, int operand, SlotAddresses slotAddresses, Action<Value> hold, Action<IEnumerable<Instruction>> keep)
    {
        switch (i.Opcode)
        {
            case Opcode.FieldAddr or Opcode.PtrAdd or Opcode.ElementAddr or Opcode.Reinterpret when operand == 0:
                hold(i);
                break;
            case Opcode.Select when operand > 0:
                hold(i);
                break;
            // The type tests return their operand (or null); the helpers behind them only read the header.
            case Opcode.IsInstance or Opcode.CastClass or Opcode.Unbox:
                Add(i, PointerUseKind.Read, operand, "type test");
                hold(i);
                break;
            case Opcode.Load:
            case Opcode.ArrayLength or Opcode.BoundsCheck when operand == 0:
            case Opcode.VirtualFunctionAddress:
                Add(i, PointerUseKind.Read, operand, i.Opcode.Mnemonic());
                break;
            case Opcode.Store when operand == 1:
            case Opcode.Fill when operand == 0:
                Add(i, PointerUseKind.Write, operand, i.Opcode.Mnemonic());
                break;
            case Opcode.Copy when operand == 0:
                Add(i, PointerUseKind.Write, operand, "copy destination");
                break;
            case Opcode.Copy when operand == 1:
                Add(i, PointerUseKind.Read, operand, "copy source");
                break;
            case Opcode.Store when slotAddresses.PrivateSlotsAt(i.Operands[1]) is { } into:
                keep(into);
                break;
            case Opcode.Store:
                Add(i, PointerUseKind.Escape, operand, "stored to memory");
                break;
            case Opcode.NullCheck or Opcode.ICmp:
                break;
            case Opcode.Call:
                Add(i, PointerUseKind.CallArgument, operand, $"passed to @{i.Callee!.Name}");
                break;
            case Opcode.CallVirtual or Opcode.CallInterface or Opcode.CallIndirect:
                Add(i, PointerUseKind.Escape, operand, $"passed to a {i.Opcode.Mnemonic()} whose callee is not known");
                break;
            case Opcode.Ret:
                Add(i, PointerUseKind.Escape, operand, "returned");
                break;
            case Opcode.Throw:
                Add(i, PointerUseKind.Escape, operand, "thrown");
                break;
            case Opcode.PtrToInt:
                Add(i, PointerUseKind.Escape, operand, "converted to an integer");
                break;
            case Opcode.Intrinsic when i.Intrinsic is IntrinsicKind.MatchBytes16 or IntrinsicKind.MatchChars8 or IntrinsicKind.EqualBytes16:
                Add(i, PointerUseKind.Read, operand, i.Intrinsic.ToString().ToLowerInvariant());
                break;
            case Opcode.Intrinsic:
                Add(i, PointerUseKind.Escape, operand, $"passed to the intrinsic {i.Intrinsic.ToString().ToLowerInvariant()}");
                break;
            default:
                Add(i, PointerUseKind.Escape, operand, $"used by {i.Opcode.Mnemonic()}");
                break;
        }
    }

    /// <summary>A load or copy that may read a slot holding the pointer.</summary>
    private void ReadBack(Instruction reader, SlotAddresses slotAddresses, Action<Value> hold)
    {
        if (reader.Opcode == Opcode.Load)
        {
            if (reader.Type.IsPointerLike || reader.Type is StructType) hold(reader);
            else if (reader.Type == IrType.I64 || reader.Type == IrType.F64) Add(reader, PointerUseKind.Escape, 0, "read back from a slot as a number");
            return;
        }
        // A copy out of the slot: the destination holds the pointer too.
        if (slotAddresses.PrivateSlotsAt(reader.Operands[0]) is { } into)
        {
            foreach (var slot in into)
                if (slots.Add(slot))
                    foreach (var next in slotAddresses.Readers(slot))
                        ReadBack(next, slotAddresses, hold);
        }
        else
        {
            Add(reader, PointerUseKind.Escape, 0, "copied out of a slot into memory");
        }
    }
}

/// <summary>
/// The uses of every value of one function (the IR keeps no use lists), and which addresses point
/// into which of its stack slots. Computed once per function and shared by the flows of its values.
/// </summary>
public sealed class FunctionUses
{
    /// <summary>A use of a value: as operand <see cref="Operand"/> of <see cref="User"/>, or as a branch argument flowing <see cref="Into"/> a block parameter.</summary>
    public readonly record struct Use(Instruction User, int Operand, BlockParameter? Into);

    private readonly Dictionary<Value, List<Use>> uses = new();

    private FunctionUses(Function function)
    {
        Function = function;
        foreach (var i in function.Instructions)
        {
            for (int k = 0; k < i.Operands.Count; k++) Record(i.Operands[k], new Use(i, k, null));
            foreach (var t in i.Targets)
                for (int k = 0; k < t.Arguments.Count && k < t.Block.Parameters.Count; k++)
                    Record(t.Arguments[k], new Use(i, -1, t.Block.Parameters[k]));
        }
        Slots = new SlotAddresses(function, this);
    }

    public static FunctionUses Of(Function function) => new(function);

    public Function Function { get; }
    public SlotAddresses Slots { get; }

    public IReadOnlyList<Use> Of(Value v) => uses.TryGetValue(v, out var list) ? list : Array.Empty<Use>();

    private void Record(Value v, Use use)
    {
        if (!uses.TryGetValue(v, out var list)) uses[v] = list = new List<Use>();
        list.Add(use);
    }
}

/// <summary>
/// Which values are addresses inside the function's <c>alloca</c> slots, and which slots are private:
/// their addresses only reach loads, stores (as the address), copies, fills, null checks and
/// comparisons, through address arithmetic, selects and block parameters.
/// </summary>
public sealed class SlotAddresses
{
    private readonly Dictionary<Value, HashSet<Instruction>> slotsOf = new();
    /// <summary>Addresses that may also point somewhere else than a slot (a block parameter that also receives a heap pointer).</summary>
    private readonly HashSet<Value> mixed = new();
    private readonly HashSet<Instruction> exposed = new();
    private readonly Dictionary<Instruction, List<Instruction>> readers = new();

    internal SlotAddresses(Function function, FunctionUses uses)
    {
        // A load reached through two addresses of one slot (a block parameter merging them) reads it once.
        var seen = new HashSet<(Instruction, Instruction)>();
        foreach (var slot in function.Instructions.Where(i => i.Opcode == Opcode.Alloca).ToList())
        {
            var work = new Stack<Value>();
            work.Push(slot);
            slotsOf[slot] = new HashSet<Instruction> { slot };
            while (work.Count > 0)
            {
                var address = work.Pop();
                foreach (var use in uses.Of(address))
                {
                    Value? derived = use.Into is { } into ? into : IsAddressArithmetic(use.User, use.Operand) ? use.User : null;
                    if (derived is not null)
                    {
                        if (!slotsOf.TryGetValue(derived, out var set)) slotsOf[derived] = set = new HashSet<Instruction>();
                        if (set.Add(slot)) work.Push(derived);
                        continue;
                    }
                    if (!IsPrivateUse(use.User, use.Operand)) exposed.Add(slot);
                    if ((use.User.Opcode == Opcode.Load || (use.User.Opcode == Opcode.Copy && use.Operand == 1)) && seen.Add((slot, use.User)))
                    {
                        if (!readers.TryGetValue(slot, out var list)) readers[slot] = list = new List<Instruction>();
                        list.Add(use.User);
                    }
                }
            }
        }
        FindMixed(function);
    }

    /// <summary>The private slots <paramref name="address"/> points into, or null if it may point anywhere else or into a slot that is not private.</summary>
    public IReadOnlyCollection<Instruction>? PrivateSlotsAt(Value address) =>
        slotsOf.TryGetValue(address, out var set) && !mixed.Contains(address) && !set.Any(exposed.Contains) ? set : null;

    /// <summary>The slots <paramref name="address"/> may point into (empty for an address that is no slot's).</summary>
    public IReadOnlyCollection<Instruction> SlotsAt(Value address) =>
        slotsOf.TryGetValue(address, out var set) ? set : Array.Empty<Instruction>();

    public bool IsPrivate(Instruction slot) => !exposed.Contains(slot);

    /// <summary>The loads and copies (as their source) that may read <paramref name="slot"/>.</summary>
    public IReadOnlyList<Instruction> Readers(Instruction slot) => readers.TryGetValue(slot, out var list) ? list : Array.Empty<Instruction>();

    private static bool IsAddressArithmetic(Instruction i, int operand) =>
        (i.Opcode is Opcode.FieldAddr or Opcode.PtrAdd or Opcode.Reinterpret && operand == 0) || (i.Opcode == Opcode.Select && operand > 0);

    private static bool IsPrivateUse(Instruction i, int operand) =>
        i.Opcode switch
        {
            Opcode.Load or Opcode.NullCheck or Opcode.ICmp => true,
            Opcode.Store => operand == 1,
            Opcode.Copy => operand is 0 or 1,
            Opcode.Fill => operand == 0,
            _ => false,
        };

    /// <summary>A block parameter or select is mixed when one of its incoming values is not a slot address, or is mixed itself.</summary>
    private void FindMixed(Function function)
    {
        var incoming = new Dictionary<Value, List<Value>>();
        foreach (var i in function.Instructions)
        {
            foreach (var t in i.Targets)
                for (int k = 0; k < t.Arguments.Count && k < t.Block.Parameters.Count; k++)
                    Incoming(t.Block.Parameters[k]).Add(t.Arguments[k]);
            if (i.Opcode == Opcode.Select && slotsOf.ContainsKey(i)) Incoming(i).AddRange(i.Operands.Skip(1));
        }
        // Parameters of the entry block receive the caller's pointers.
        foreach (var p in function.Entry.Parameters) mixed.Add(p);
        bool changed = true;
        while (changed)
        {
            changed = false;
            foreach (var (v, sources) in incoming)
                if (slotsOf.ContainsKey(v) && !mixed.Contains(v) && sources.Any(s => !slotsOf.ContainsKey(s) || mixed.Contains(s)))
                    changed |= mixed.Add(v);
            // Arithmetic on a mixed address is mixed.
            foreach (var v in slotsOf.Keys)
                if (v is Instruction { Opcode: Opcode.FieldAddr or Opcode.PtrAdd or Opcode.Reinterpret } a && mixed.Contains(a.Operands[0]))
                    changed |= mixed.Add(v);
        }

        List<Value> Incoming(Value v)
        {
            if (!incoming.TryGetValue(v, out var list)) incoming[v] = list = new List<Value>();
            return list;
        }
    }
}
