using Mono.Cecil.Cil;
using Testbed.IR;
using Cil = Mono.Cecil.Cil;

namespace Testbed.Frontend;

/// <summary>Arithmetic, comparisons, conversions and branches (ECMA-335 III.1.5 operand tables).</summary>
internal sealed partial class ILImporter
{
    private void Jump(BlockTarget target)
    {
        var br = b.Emit(Opcode.Br, IrType.Void);
        br.Targets.Add(target);
    }

    /// <summary>
    /// Makes a value fit a slot of another IR type: narrowing for small integer fields and locals,
    /// native int ↔ pointer, object ↔ interior pointer (pinning), float widths.
    /// </summary>
    private Value Coerce(Value v, IrType to)
    {
        var from = v.Type;
        if (from == to) return v;
        if (to is StructType || from is StructType)
            throw Unsupported($"a value of type {from} is used where {to} is expected");
        if (from == IrType.Bool) return Coerce(b.Convert(Opcode.ZExt, v, IrType.I32), to);
        if (to.IsInteger && from.IsInteger)
            return b.Convert(to.Size < from.Size ? Opcode.Trunc : Opcode.SExt, v, to);
        if (to == IrType.Ptr && from.IsInteger) return b.Convert(Opcode.IntToPtr, from == IrType.I64 ? v : b.Convert(Opcode.SExt, v, IrType.I64), IrType.Ptr);
        if (to.IsInteger && from == IrType.Ptr) return Coerce(b.Convert(Opcode.PtrToInt, v, IrType.I64), to);
        if (to.IsInteger && from == IrType.Obj) return Coerce(b.Convert(Opcode.Reinterpret, v, IrType.Ptr), to);
        if (to.IsPointerLike && from.IsPointerLike) return b.Convert(Opcode.Reinterpret, v, to);
        if (to.IsFloat && from.IsFloat) return b.Convert(to.Size > from.Size ? Opcode.FPExt : Opcode.FPTrunc, v, to);
        throw Unsupported($"a value of type {from} is used where {to} is expected");
    }

    private Value ZeroExtendToI64(Value v) => v.Type == IrType.I32 ? b.Convert(Opcode.ZExt, v, IrType.I64) : Coerce(v, IrType.I64);

    private Value BoolToInt(Value v) => b.Convert(Opcode.ZExt, v, IrType.I32);

    private Value IsZero(Value v) => v.Type.IsPointerLike
        ? b.Compare(Predicate.Eq, v, b.Null(v.Type))
        : v.Type.IsFloat ? b.Compare(Predicate.OEq, v, b.ConstFloat(v.Type, 0)) : b.Compare(Predicate.Eq, v, b.ConstInt(v.Type, 0));

    private Value IsNonZero(Value v) => v.Type.IsPointerLike
        ? b.Compare(Predicate.Ne, v, b.Null(v.Type))
        : v.Type.IsFloat ? b.Compare(Predicate.UNe, v, b.ConstFloat(v.Type, 0)) : b.Compare(Predicate.Ne, v, b.ConstInt(v.Type, 0));

    /// <summary>Brings two operands to one type, as the binary-operation table allows.</summary>
    private (Value, Value) Unify(Value x, Value y)
    {
        if (x.Type == y.Type) return (x, y);
        if (x.Type.IsFloat && y.Type.IsFloat)
            return x.Type == IrType.F64 ? (x, Coerce(y, IrType.F64)) : (Coerce(x, IrType.F64), y);
        if (x.Type.IsPointerLike && y.Type.IsPointerLike) return (Coerce(x, IrType.Ptr), Coerce(y, IrType.Ptr));
        if (x.Type.IsPointerLike) return (x, Coerce(y, x.Type));
        if (y.Type.IsPointerLike) return (Coerce(x, y.Type), y);
        if (x.Type.IsInteger && y.Type.IsInteger)
            return x.Type.Size > y.Type.Size ? (x, Coerce(y, x.Type)) : (Coerce(x, y.Type), y);
        throw Unsupported($"operands of types {x.Type} and {y.Type} cannot be combined");
    }

    /// <summary>
    /// Integer predicates map to float ones: IL's signed forms are the ordered comparisons, the
    /// ".un" forms the unordered ones, and bne.un/ceq keep .NET's NaN behaviour.
    /// </summary>
    private Value Compare(Predicate predicate)
    {
        var y = Pop();
        var x = Pop();
        (x, y) = Unify(x, y);
        if (x.Type.IsFloat) predicate = FloatPredicate(predicate);
        return b.Compare(predicate, x, y);
    }

    private static Predicate FloatPredicate(Predicate p) => p switch
    {
        Predicate.Eq => Predicate.OEq,
        Predicate.Ne => Predicate.UNe,
        Predicate.SLt => Predicate.OLt,
        Predicate.SLe => Predicate.OLe,
        Predicate.SGt => Predicate.OGt,
        Predicate.SGe => Predicate.OGe,
        Predicate.ULt => Predicate.ULtF,
        Predicate.ULe => Predicate.ULeF,
        Predicate.UGt => Predicate.UGtF,
        Predicate.UGe => Predicate.UGeF,
        _ => p,
    };

    private void ImportConditionalBranch(Value condition, Cil.Instruction i)
    {
        var taken = Enter((Cil.Instruction)i.Operand);
        var fallthrough = Enter(i.Next ?? throw Unsupported("a conditional branch at the end of the method"));
        b.CondBr(condition, taken, fallthrough);
    }

    private void ImportCompareAndBranch(Predicate predicate, Cil.Instruction i) => ImportConditionalBranch(Compare(predicate), i);

    private void ImportSwitch(Cil.Instruction i)
    {
        var selector = Coerce(Pop(), IrType.I32);
        var targets = (Cil.Instruction[])i.Operand;
        var fallthrough = Enter(i.Next ?? throw Unsupported("a switch at the end of the method"));
        var sw = b.Emit(Opcode.Switch, IrType.Void, selector);
        sw.Targets.Add(fallthrough);
        for (int k = 0; k < targets.Length; k++)
        {
            sw.Targets.Add(Enter(targets[k]));
            sw.CaseValues.Add(k);
        }
    }

    private Value PopNumeric()
    {
        var v = Pop();
        return v.Type.IsPointerLike ? Coerce(v, IrType.I64) : v;
    }

    private void ImportBinary(Opcode integerOp, Opcode? floatOp)
    {
        var y = PopNumeric();
        var x = PopNumeric();
        (x, y) = Unify(x, y);
        if (x.Type.IsFloat)
            Push(b.Binary(floatOp ?? throw Unsupported($"'{current.OpCode.Name}' on floating-point operands (invalid IL)"), x, y));
        else
            Push(b.Binary(integerOp, x, y));
    }

    /// <summary>Pointer + integer stays a pointer (ECMA III.1.5): managed pointers must not lose their provenance.</summary>
    private void ImportAdd()
    {
        var y = Pop();
        var x = Pop();
        if (x.Type == IrType.Ptr && y.Type.IsInteger) { Push(b.Emit(Opcode.PtrAdd, IrType.Ptr, x, Coerce(y, IrType.I64))); return; }
        if (y.Type == IrType.Ptr && x.Type.IsInteger) { Push(b.Emit(Opcode.PtrAdd, IrType.Ptr, y, Coerce(x, IrType.I64))); return; }
        Push(x); Push(y);
        ImportBinary(Opcode.Add, Opcode.FAdd);
    }

    private void ImportSub()
    {
        var y = Pop();
        var x = Pop();
        if (x.Type == IrType.Ptr && y.Type.IsInteger)
        {
            var negated = b.Emit(Opcode.Neg, IrType.I64, Coerce(y, IrType.I64));
            Push(b.Emit(Opcode.PtrAdd, IrType.Ptr, x, negated));
            return;
        }
        Push(x); Push(y);
        ImportBinary(Opcode.Sub, Opcode.FSub);
    }

    /// <summary>The shift count may be int32 or native int; the result has the type of the shifted value.</summary>
    private void ImportShift(Opcode op)
    {
        var count = PopNumeric();
        var value = PopNumeric();
        if (!value.Type.IsInteger) throw Unsupported($"shift of a {value.Type} value");
        count = count.Type.Size > value.Type.Size ? b.Convert(Opcode.Trunc, count, value.Type)
            : count.Type.Size < value.Type.Size ? b.Convert(Opcode.ZExt, count, value.Type) : count;
        Push(b.Binary(op, value, count));
    }

    private void ImportNegate()
    {
        var v = PopNumeric();
        Push(b.Emit(v.Type.IsFloat ? Opcode.FNeg : Opcode.Neg, v.Type, v));
    }

    /// <summary>conv.i1 … conv.u8: truncate, then widen back to the stack type by the target's sign.</summary>
    private Value ConvertInteger(IrType target, bool signed)
    {
        var v = Pop();
        if (v.Type == IrType.Obj) v = b.Convert(Opcode.Reinterpret, v, IrType.Ptr);
        if (v.Type == IrType.Ptr)
        {
            v = b.Convert(Opcode.PtrToInt, v, IrType.I64);
        }
        else if (v.Type.IsFloat)
        {
            // Saturating, NaN → 0: CoreCLR's behaviour on every platform since .NET 9.
            // Small targets go through int32 and are truncated below, as x86's cvttsd2si does.
            var wide = target == IrType.I64 ? IrType.I64 : IrType.I32;
            var op = signed || target.Size < 4 ? Opcode.FPToSI : Opcode.FPToUI;
            v = b.Convert(op, v, wide);
        }
        var stackType = target == IrType.I64 ? IrType.I64 : IrType.I32;
        if (target.Size < v.Type.Size) v = b.Convert(Opcode.Trunc, v, target);
        else if (target.Size > v.Type.Size) return b.Convert(signed ? Opcode.SExt : Opcode.ZExt, v, target);
        if (v.Type.Size < stackType.Size) v = b.Convert(signed ? Opcode.SExt : Opcode.ZExt, v, stackType);
        return v;
    }

    private Value ConvertToFloat(IrType target, bool unsignedSource)
    {
        var v = PopNumeric();
        if (v.Type.IsFloat) return v.Type == target ? v : b.Convert(target.Size > v.Type.Size ? Opcode.FPExt : Opcode.FPTrunc, v, target);
        return b.Convert(unsignedSource ? Opcode.UIToFP : Opcode.SIToFP, v, target);
    }

    /// <summary>
    /// conv.ovf.*: a range check (OverflowException), then the plain conversion. Integer sources are
    /// compared in 64 bits, extended by their own signedness (".un" means the source is unsigned);
    /// float sources must lie strictly between the target's bounds widened by one.
    /// </summary>
    private Value ConvertChecked(IrType target, bool targetSigned, bool sourceUnsigned)
    {
        var v = PopNumeric();
        int bits = ((PrimitiveType)target).Bits;
        if (v.Type.IsFloat)
        {
            var d = v.Type == IrType.F64 ? v : b.Convert(Opcode.FPExt, v, IrType.F64);
            double lower = targetSigned ? -Math.Pow(2, bits - 1) - 1 : -1;
            double upper = targetSigned ? Math.Pow(2, bits - 1) : Math.Pow(2, bits);
            // -2^63 - 1 is not a double; there the bound itself is allowed.
            var aboveLower = bits == 64 && targetSigned
                ? b.Compare(Predicate.OGe, d, b.ConstFloat(IrType.F64, -Math.Pow(2, 63)))
                : b.Compare(Predicate.OGt, d, b.ConstFloat(IrType.F64, lower));
            var belowUpper = b.Compare(Predicate.OLt, d, b.ConstFloat(IrType.F64, upper));
            var inRange = b.Emit(Opcode.And, IrType.Bool, aboveLower, belowUpper);
            b.Emit(Opcode.OverflowCheck, IrType.Void, b.Emit(Opcode.Xor, IrType.Bool, inRange, b.ConstInt(IrType.Bool, 1)));
            Push(v);
            return ConvertInteger(target, targetSigned);
        }
        var wide = v.Type == IrType.I64 ? v : b.Convert(sourceUnsigned ? Opcode.ZExt : Opcode.SExt, v, IrType.I64);
        Value? failed = null;
        void Fail(Value condition) => failed = failed is null ? condition : b.Emit(Opcode.Or, IrType.Bool, failed, condition);
        if (sourceUnsigned)
        {
            // Source in [0, 2^64): only the upper bound can fail.
            ulong max = targetSigned ? (1UL << (bits - 1)) - 1 : bits == 64 ? ulong.MaxValue : (1UL << bits) - 1;
            if (max != ulong.MaxValue)
                Fail(b.Compare(Predicate.UGt, wide, b.ConstInt(IrType.I64, (long)max)));
        }
        else
        {
            // LLVM folds the comparisons that cannot fail (e.g. an int32 source against int32 bounds).
            long min = targetSigned ? (bits == 64 ? long.MinValue : -(1L << (bits - 1))) : 0;
            if (min != long.MinValue) Fail(b.Compare(Predicate.SLt, wide, b.ConstInt(IrType.I64, min)));
            if (bits < 64)
                Fail(b.Compare(Predicate.SGt, wide, b.ConstInt(IrType.I64, targetSigned ? (1L << (bits - 1)) - 1 : (long)((1UL << bits) - 1))));
        }
        if (failed is not null) b.Emit(Opcode.OverflowCheck, IrType.Void, failed);
        Push(wide);
        return ConvertInteger(target, targetSigned);
    }
}
