namespace Testbed.IR;

/// <summary>
/// Checks the IR's structural and type rules. Every message names the function, the block and the
/// instruction, so that a pass author can find what a pass broke.
/// </summary>
public static class Verifier
{
    public static List<string> Verify(Module module)
    {
        var errors = new List<string>();
        var names = new HashSet<string>();
        foreach (var f in module.Functions)
        {
            if (!names.Add(f.Name)) errors.Add($"@{f.Name}: defined twice");
            errors.AddRange(Verify(f));
        }
        return errors;
    }

    public static List<string> Verify(Function function)
    {
        var errors = new List<string>();
        for (int k = 0; k < function.ParameterTypes.Count; k++)
            if (function.ParameterAttributes(k) is var attributes && attributes != ParameterAttributes.None
                && !ParameterAttributeText.CanHoldPointer(function.ParameterTypes[k]))
                errors.Add($"@{function.Name}: parameter {k} is {function.ParameterTypes[k]}, which holds no pointer, but has{ParameterAttributeText.Text(attributes)}");
        if (function.IsDeclaration) return errors;
        function.Renumber();
        void Error(Block b, Instruction? i, string message) =>
            errors.Add($"@{function.Name}, {b}{(i is null ? "" : $", '{Printer.Print(i)}'")}: {message}");

        if (function.Entry.Parameters.Count != function.ParameterTypes.Count)
            Error(function.Entry, null, $"entry block has {function.Entry.Parameters.Count} parameters, the function {function.ParameterTypes.Count}");
        else
            for (int k = 0; k < function.ParameterTypes.Count; k++)
                if (function.Entry.Parameters[k].Type != function.ParameterTypes[k])
                    Error(function.Entry, null, $"parameter {k} is {function.Entry.Parameters[k].Type}, the signature says {function.ParameterTypes[k]}");

        var blocks = new HashSet<Block>(function.Blocks);
        var position = new Dictionary<Value, (Block Block, int Index)>();
        foreach (var b in function.Blocks)
        {
            foreach (var p in b.Parameters) position[p] = (b, -1);
            for (int k = 0; k < b.Instructions.Count; k++) position[b.Instructions[k]] = (b, k);
        }
        var dominators = new Dominators(function);

        foreach (var b in function.Blocks)
        {
            if (b.Terminator is null) Error(b, null, "block does not end with a terminator");
            for (int k = 0; k < b.Instructions.Count; k++)
            {
                var i = b.Instructions[k];
                if (i.Block != b) Error(b, i, "instruction's block link is stale");
                if (i.Opcode.IsTerminator() && k != b.Instructions.Count - 1) Error(b, i, "terminator in the middle of a block");
                foreach (var operand in i.Operands)
                {
                    if (!position.TryGetValue(operand, out var def)) { Error(b, i, $"operand {operand} is not defined in this function"); continue; }
                    if (!dominators.IsReachable(b)) continue;
                    bool ok = def.Block == b ? def.Index < k
                        : operand is Instruction definition ? dominators.Dominates(definition, b)
                        : dominators.Dominates(def.Block, b);
                    if (!ok) Error(b, i, UndominatedUse(operand, def.Block, b, dominators));
                }
                foreach (var t in i.Targets)
                {
                    if (!blocks.Contains(t.Block)) { Error(b, i, $"branch to a block of another function"); continue; }
                    // The entry block's parameters are the function's arguments; nothing may jump back to it.
                    if (t.Block == function.Entry) { Error(b, i, "branch to the entry block"); continue; }
                    if (t.Arguments.Count != t.Block.Parameters.Count)
                    {
                        Error(b, i, $"{t.Block} takes {t.Block.Parameters.Count} arguments, the branch passes {t.Arguments.Count}");
                        continue;
                    }
                    for (int a = 0; a < t.Arguments.Count; a++)
                    {
                        if (t.Arguments[a].Type != t.Block.Parameters[a].Type)
                            Error(b, i, $"argument {a} to {t.Block} is {t.Arguments[a].Type}, the parameter is {t.Block.Parameters[a].Type}");
                        if (position.TryGetValue(t.Arguments[a], out var def) && dominators.IsReachable(b)
                            && !(def.Block == b || (t.Arguments[a] is Instruction definition ? dominators.Dominates(definition, b) : dominators.Dominates(def.Block, b))))
                            Error(b, i, $"argument {t.Arguments[a]} does not dominate the branch");
                    }
                }
                // Block parameters become LLVM phis, which allow one value per predecessor block.
                foreach (var sameBlock in i.Targets.GroupBy(t => t.Block).Where(g => g.Count() > 1))
                    if (sameBlock.Select(t => t.Arguments).Distinct(ArgumentListComparer.Instance).Count() > 1)
                        Error(b, i, $"two edges into {sameBlock.Key} pass different arguments");
                if (i.Unwind is { } handler)
                {
                    if (!i.Opcode.MayThrow()) Error(b, i, "an instruction that cannot throw has an unwind target");
                    else if (!blocks.Contains(handler)) Error(b, i, "unwind to a block of another function");
                    else if (handler.Parameters.Count != 0) Error(b, i, $"unwind target {handler} has parameters");
                    else if (handler.Instructions.FirstOrDefault()?.Opcode != Opcode.LandingPad) Error(b, i, $"unwind target {handler} does not start with a landingpad");
                }
                if (i.Opcode == Opcode.LandingPad && k != 0) Error(b, i, "landingpad must be the first instruction of its block");
                if (i.Volatile && i.Opcode is not (Opcode.Load or Opcode.Store)) Error(b, i, "only loads and stores can be volatile");
                var typeError = CheckTypes(function, i);
                if (typeError is not null) Error(b, i, typeError);
            }
        }
        CheckUseLists(function, blocks, Error, errors);
        return errors;
    }

    /// <summary>
    /// The use lists (<see cref="Value.Uses"/>) against what they summarise, both ways: each operand
    /// and branch argument in the function is listed by its value, and each use a value of the
    /// function lists is such a slot. A pass that drops a block without erasing its code, or edits
    /// the IR behind the API, fails here.
    /// </summary>
    private static void CheckUseLists(Function function, HashSet<Block> blocks, Action<Block, Instruction?, string> error, List<string> errors)
    {
        int slots = 0, listed = 0;
        foreach (var b in function.Blocks)
        {
            foreach (var p in b.Parameters) listed += p.UseCount;
            foreach (var i in b.Instructions)
            {
                listed += i.UseCount;
                for (int k = 0; k < i.Operands.Count; k++) CheckListed(b, i, i.Operands.UseAt(k));
                foreach (var t in i.Targets)
                    for (int k = 0; k < t.Arguments.Count; k++) CheckListed(b, i, t.Arguments.UseAt(k));
            }
        }
        // Every slot is listed (just checked); when the lists hold no more entries than there are
        // slots, they hold nothing else. Only otherwise is each entry examined, to name the extra one.
        if (listed == slots) return;
        foreach (var b in function.Blocks)
        {
            foreach (var p in b.Parameters) CheckUses(p);
            foreach (var i in b.Instructions) CheckUses(i);
        }

        void CheckListed(Block b, Instruction i, Use slot)
        {
            if (slot.Value is not { } v) return;
            slots++;
            int at = slot.List.PositionOf(slot.Index);
            if (at < 0 || at >= v.UseCount || v.EntryAt(at) != new UseEntry(slot.List, slot.Index))
                error(b, i, $"the use list of {v} misses its use as {slot}");
        }

        void CheckUses(Value v)
        {
            for (int k = 0; k < v.UseCount; k++)
            {
                var (list, index) = v.EntryAt(k);
                var user = list.User;
                string? wrong =
                    (uint)index >= (uint)list.Count || list.PositionOf(index) != k || list[index] != v ? "an entry that is not its own"
                    : user is null ? "an edge that no branch holds"
                    : user.Block is not { } ub || !blocks.Contains(ub) ? $"'{Printer.Print(user)}' in {user.Block?.ToString() ?? "no block"}, which is not in the function (erase a dropped block's code: EraseBlocks)"
                    : list.Edge is { } e ? (e.Branch != user || !user.Targets.Contains(e) ? $"an argument that '{Printer.Print(user)}' does not pass" : null)
                    : list != user.Operands ? $"an operand that '{Printer.Print(user)}' does not have" : null;
                if (wrong is not null) errors.Add($"@{function.Name}: the use list of {v} names {wrong}");
            }
        }
    }

    /// <summary>The error for a use its definition does not dominate, naming the unwind edge when one is the cause.</summary>
    private static string UndominatedUse(Value operand, Block home, Block user, Dominators dominators) =>
        operand is Instruction && dominators.Dominates(home, user)
            ? $"operand {operand} does not dominate this use: {home} can leave through an unwind edge at or before it and reach {user}"
            : $"operand {operand} does not dominate this use";

    private static string? CheckTypes(Function function, Instruction i)
    {
        var ops = i.Operands;
        string? Count(int n) => ops.Count != n ? $"expects {n} operands, has {ops.Count}" : null;
        switch (i.Opcode)
        {
            case Opcode.ConstInt:
                if (!i.Type.IsInteger && i.Type != IrType.Bool) return "integer constant of non-integer type";
                return Count(0) ?? (!((PrimitiveType)i.Type).HoldsConstant(i.IntValue) ? $"{i.IntValue} does not fit {i.Type}" : null);
            case Opcode.ConstFloat:
                return i.Type.IsFloat ? Count(0) : "float constant of non-float type";
            case Opcode.ConstNull:
                return i.Type.IsPointerLike ? Count(0) : "null of non-pointer type";
            case var op when op.IsIntegerBinary():
                if (Count(2) is { } e1) return e1;
                bool logical = i.Opcode is Opcode.And or Opcode.Or or Opcode.Xor;
                if (!i.Type.IsInteger && !(logical && i.Type == IrType.Bool)) return $"integer operation on {i.Type}";
                return ops[0].Type != i.Type || ops[1].Type != i.Type ? $"operands are {ops[0].Type} and {ops[1].Type}, expected {i.Type}" : null;
            case var op when op.IsFloatBinary():
                if (Count(2) is { } e2) return e2;
                if (!i.Type.IsFloat) return $"float operation on {i.Type}";
                return ops[0].Type != i.Type || ops[1].Type != i.Type ? $"operands are {ops[0].Type} and {ops[1].Type}, expected {i.Type}" : null;
            case Opcode.Neg or Opcode.Not:
                return Count(1) ?? (ops[0].Type != i.Type || !i.Type.IsInteger ? $"operand is {ops[0].Type}, result {i.Type}" : null);
            case Opcode.FNeg:
                return Count(1) ?? (ops[0].Type != i.Type || !i.Type.IsFloat ? $"operand is {ops[0].Type}, result {i.Type}" : null);
            case Opcode.ICmp:
                if (Count(2) is { } e3) return e3;
                if (i.Type != IrType.Bool) return "comparison must produce bool";
                if (ops[0].Type != ops[1].Type) return $"compares {ops[0].Type} with {ops[1].Type}";
                return ops[0].Type.IsFloat ? "icmp on floats" : null;
            case Opcode.FCmp:
                if (Count(2) is { } e4) return e4;
                return ops[0].Type != ops[1].Type || !ops[0].Type.IsFloat ? $"fcmp on {ops[0].Type} and {ops[1].Type}" : null;
            case Opcode.Trunc or Opcode.SExt or Opcode.ZExt:
                if (Count(1) is { } e5) return e5;
                var from = ops[0].Type;
                if (!(from.IsInteger || from == IrType.Bool) || !i.Type.IsInteger) return $"{i.Opcode.Mnemonic()} from {from} to {i.Type}";
                bool widening = from.Size < i.Type.Size || (from == IrType.Bool && i.Type.IsInteger);
                return (i.Opcode == Opcode.Trunc) == widening ? $"{i.Opcode.Mnemonic()} from {from} to {i.Type} goes the wrong way" : null;
            case Opcode.Load:
                return Count(1) ?? (ops[0].Type != IrType.Ptr ? $"loads through {ops[0].Type}, expected ptr" : null);
            case Opcode.Store:
                return Count(2) ?? (ops[1].Type != IrType.Ptr ? $"stores through {ops[1].Type}, expected ptr" : null);
            case Opcode.FieldAddr:
                return Count(1) ?? (!ops[0].Type.IsPointerLike ? $"field address of {ops[0].Type}" : i.Field is null ? "no field" : null);
            case Opcode.PtrAdd:
                return Count(2) ?? (ops[0].Type != IrType.Ptr || ops[1].Type != IrType.I64 ? $"ptradd of {ops[0].Type} and {ops[1].Type}, expected ptr and i64" : null);
            case Opcode.Call:
                if (i.Callee is null) return "call without callee";
                if (ops.Count != i.Callee.ParameterTypes.Count) return $"@{i.Callee.Name} takes {i.Callee.ParameterTypes.Count} arguments, the call passes {ops.Count}";
                for (int k = 0; k < ops.Count; k++)
                    if (ops[k].Type != i.Callee.ParameterTypes[k]) return $"argument {k} is {ops[k].Type}, @{i.Callee.Name} expects {i.Callee.ParameterTypes[k]}";
                return i.Type != i.Callee.ReturnType ? $"call result is {i.Type}, @{i.Callee.Name} returns {i.Callee.ReturnType}" : null;
            case Opcode.CallVirtual or Opcode.CallInterface:
                if (i.Class is null) return "virtual call without a class";
                if (ops.Count == 0 || ops[0].Type != IrType.Obj) return "the receiver (operand 0) must be obj";
                if (i.Opcode == Opcode.CallInterface != i.Class.IsInterface) return $"{i.Opcode.Mnemonic()} through {(i.Class.IsInterface ? "an interface" : "a class")}";
                return i.IntValue < 0 ? "negative slot" : null;
            case Opcode.CallIndirect:
                return ops.Count == 0 || ops[0].Type != IrType.Ptr ? "the function address (operand 0) must be ptr" : null;
            case Opcode.FunctionAddress:
                return Count(0) ?? (i.Callee is null ? "funcaddr without a function" : i.Type != IrType.Ptr ? "funcaddr produces ptr" : null);
            case Opcode.VirtualFunctionAddress:
                return Count(1) ?? (i.Class is null || ops[0].Type != IrType.Obj || i.Type != IrType.Ptr ? "virtualfunctionaddress takes an obj, a class and produces ptr" : null);
            case Opcode.IsInstance or Opcode.CastClass:
                return Count(1) ?? (i.Class is null ? "no class" : ops[0].Type != IrType.Obj || i.Type != IrType.Obj ? $"{i.Opcode.Mnemonic()} takes and produces obj" : null);
            case Opcode.TypeDescriptor:
                return Count(0) ?? (i.Class is null ? "no class" : i.Type != IrType.Ptr ? "typedescriptor produces ptr" : null);
            case Opcode.Unbox:
                return Count(1) ?? (i.Class is null ? "no class" : ops[0].Type != IrType.Obj || i.Type != IrType.Ptr ? "unbox takes obj and produces ptr" : null);
            case Opcode.LandingPad:
                return Count(0) ?? (i.Type != IrType.Obj ? "landingpad produces obj" : null);
            case Opcode.Throw:
                return Count(1) ?? (ops[0].Type != IrType.Obj ? "throws a non-object" : null);
            case Opcode.Ret:
                if (function.ReturnType == IrType.Void) return ops.Count == 0 ? null : "returns a value from a void function";
                return ops.Count != 1 ? "ret without a value" : ops[0].Type != function.ReturnType ? $"returns {ops[0].Type}, the function returns {function.ReturnType}" : null;
            case Opcode.CondBr:
                return Count(1) ?? (ops[0].Type != IrType.Bool ? $"condition is {ops[0].Type}, expected bool" : i.Targets.Count != 2 ? "condbr needs two targets" : null);
            case Opcode.Br:
                return Count(0) ?? (i.Targets.Count != 1 ? "br needs one target" : null);
            case Opcode.Switch:
            {
                if (Count(1) is { } e) return e;
                if (!ops[0].Type.IsInteger) return $"switch on {ops[0].Type}";
                if (i.Targets.Count != i.CaseValues.Count + 1) return "switch needs a default and one target per case";
                var type = (PrimitiveType)ops[0].Type;
                var seen = new HashSet<long>();
                foreach (var v in i.CaseValues)
                {
                    if (!type.HoldsConstant(v)) return $"case {v} does not fit {type}";
                    if (!seen.Add(type.SignedConstant(v))) return $"case {v} appears twice";
                }
                return null;
            }
            case Opcode.ArrayLength:
                return Count(1) ?? (ops[0].Type != IrType.Obj ? "array length of a non-object" : null);
            case Opcode.ElementAddr or Opcode.BoundsCheck:
                return Count(2) ?? (ops[0].Type != IrType.Obj || !ops[1].Type.IsInteger ? $"{i.Opcode.Mnemonic()} of {ops[0].Type}[{ops[1].Type}]" : null);
            case Opcode.OverflowCheck:
                return Count(1) ?? (ops[0].Type != IrType.Bool ? "overflowcheck needs a bool" : null);
            case Opcode.Select:
                return Count(3) ?? (ops[0].Type != IrType.Bool || ops[1].Type != i.Type || ops[2].Type != i.Type ? "select needs bool, then two values of the result type" : null);
            case Opcode.Intrinsic:
                return CheckIntrinsic(i);
        }
        return null;
    }

    /// <summary>The intrinsics whose operands LLVM types strictly; the machine ones take what their inline assembly takes.</summary>
    private static string? CheckIntrinsic(Instruction i)
    {
        var ops = i.Operands;
        string name = i.Intrinsic.ToString().ToLowerInvariant();
        string? Expect(params IrType[] types)
        {
            if (ops.Count != types.Length) return $"{name} expects {types.Length} operands, has {ops.Count}";
            for (int k = 0; k < types.Length; k++)
                if (ops[k].Type != types[k]) return $"{name}'s operand {k} is {ops[k].Type}, expected {types[k]}";
            return null;
        }
        switch (i.Intrinsic)
        {
            case IntrinsicKind.CountTrailingZeros or IntrinsicKind.CountLeadingZeros or IntrinsicKind.PopCount:
                if (ops.Count != 1) return $"{name} expects 1 operand, has {ops.Count}";
                if (ops[0].Type != IrType.I32 && ops[0].Type != IrType.I64) return $"{name} counts the bits of an i32 or i64, not {ops[0].Type}";
                return i.Type != IrType.I32 ? $"{name} produces i32, not {i.Type}" : null;
            case IntrinsicKind.Sqrt or IntrinsicKind.Floor or IntrinsicKind.Ceiling or IntrinsicKind.Round or IntrinsicKind.Truncate or IntrinsicKind.FAbs:
                if (ops.Count != 1) return $"{name} expects 1 operand, has {ops.Count}";
                return !i.Type.IsFloat || ops[0].Type != i.Type ? $"{name} takes and produces one float type, not {ops[0].Type} to {i.Type}" : null;
            case IntrinsicKind.MatchBytes16:
                return Expect(IrType.Ptr, IrType.I8) ?? (i.Type != IrType.I32 ? $"{name} produces i32" : null);
            case IntrinsicKind.MatchChars8:
                return Expect(IrType.Ptr, IrType.I16) ?? (i.Type != IrType.I32 ? $"{name} produces i32" : null);
            case IntrinsicKind.EqualBytes16:
                return Expect(IrType.Ptr, IrType.Ptr) ?? (i.Type != IrType.I32 ? $"{name} produces i32" : null);
        }
        return null;
    }

    private sealed class ArgumentListComparer : IEqualityComparer<OperandList>
    {
        public static readonly ArgumentListComparer Instance = new();
        public bool Equals(OperandList? x, OperandList? y) => x!.SequenceEqual(y!);
        public int GetHashCode(OperandList list) => list.Count;
    }
}
