using System.Numerics;
using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// Integer constant folding with .NET semantics, shared by the passes that evaluate instructions on
/// known operands. Values are carried as long: integers sign-extended from their width, bool as 0/1.
/// A fold that would throw at run time (a zero divisor, MinValue / -1, a checked operation that
/// overflows) returns null: the instruction must stay and throw.
/// </summary>
public static class ConstantFolding
{
    public static bool IsFoldableType(IrType type) => type.IsInteger || type == IrType.Bool;

    public static int Bits(IrType type) => ((PrimitiveType)type).Bits;

    /// <summary>The canonical form of <paramref name="value"/> as a constant of <paramref name="type"/>.</summary>
    public static long Normalize(long value, IrType type) => type == IrType.Bool ? value & 1 : Signed(value, Bits(type));

    public static long Signed(long value, int bits) => bits == 64 ? value : (value << (64 - bits)) >> (64 - bits);

    public static ulong Unsigned(long value, int bits) => bits == 64 ? (ulong)value : (ulong)value & ((1UL << bits) - 1);

    /// <summary>The result of <paramref name="i"/> given constant operands, or null if it does not fold (or would throw).</summary>
    public static long? Fold(Instruction i, IReadOnlyList<long> operands)
    {
        if (!IsFoldableType(i.Type)) return null;
        var type = i.Type;
        int bits = Bits(type);
        long a = operands.Count > 0 ? operands[0] : 0, b = operands.Count > 1 ? operands[1] : 0;
        long? result = i.Opcode switch
        {
            Opcode.ConstInt => i.IntValue,
            Opcode.Add => a + b,
            Opcode.Sub => a - b,
            Opcode.Mul => a * b,
            Opcode.And => a & b,
            Opcode.Or => a | b,
            Opcode.Xor => a ^ b,
            // Shift counts are masked to the width, as the backend and CoreCLR do.
            Opcode.Shl => a << (int)(b & (bits - 1)),
            Opcode.AShr => Signed(a, bits) >> (int)(b & (bits - 1)),
            Opcode.LShr => (long)(Unsigned(a, bits) >> (int)(b & (bits - 1))),
            Opcode.SDiv or Opcode.SRem => SignedDivision(i.Opcode, Signed(a, bits), Signed(b, bits), bits),
            Opcode.UDiv => Unsigned(b, bits) == 0 ? null : (long)(Unsigned(a, bits) / Unsigned(b, bits)),
            Opcode.URem => Unsigned(b, bits) == 0 ? null : (long)(Unsigned(a, bits) % Unsigned(b, bits)),
            Opcode.AddOvf => Checked(new BigInteger(Signed(a, bits)) + Signed(b, bits), bits, signed: true),
            Opcode.SubOvf => Checked(new BigInteger(Signed(a, bits)) - Signed(b, bits), bits, signed: true),
            Opcode.MulOvf => Checked(new BigInteger(Signed(a, bits)) * Signed(b, bits), bits, signed: true),
            Opcode.AddOvfUn => Checked(new BigInteger(Unsigned(a, bits)) + Unsigned(b, bits), bits, signed: false),
            Opcode.SubOvfUn => Checked(new BigInteger(Unsigned(a, bits)) - Unsigned(b, bits), bits, signed: false),
            Opcode.MulOvfUn => Checked(new BigInteger(Unsigned(a, bits)) * Unsigned(b, bits), bits, signed: false),
            Opcode.Neg => -a,
            Opcode.Not => ~a,
            Opcode.ICmp => Compare(i.Predicate, a, b, Bits(i.Operands[0].Type)) ? 1 : 0,
            Opcode.Trunc => a,
            Opcode.SExt => Signed(a, Bits(i.Operands[0].Type)),
            Opcode.ZExt => (long)Unsigned(a, Bits(i.Operands[0].Type)),
            Opcode.Select => a != 0 ? operands[1] : operands[2],
            _ => null,
        };
        return result is { } r ? Normalize(r, type) : null;
    }

    /// <summary>.NET: a zero divisor throws, and so does MinValue / -1 (for the remainder too).</summary>
    private static long? SignedDivision(Opcode op, long a, long b, int bits)
    {
        if (b == 0) return null;
        if (b == -1 && a == Signed(1L << (bits - 1), bits)) return null;
        return op == Opcode.SDiv ? a / b : a % b;
    }

    private static long? Checked(BigInteger exact, int bits, bool signed)
    {
        var min = signed ? -(BigInteger.One << (bits - 1)) : BigInteger.Zero;
        var max = signed ? (BigInteger.One << (bits - 1)) - 1 : (BigInteger.One << bits) - 1;
        return exact < min || exact > max ? null : (long)(ulong)(exact & ulong.MaxValue);
    }

    public static bool Compare(Predicate p, long a, long b, int bits) => p switch
    {
        Predicate.Eq => Unsigned(a, bits) == Unsigned(b, bits),
        Predicate.Ne => Unsigned(a, bits) != Unsigned(b, bits),
        Predicate.SLt => Signed(a, bits) < Signed(b, bits),
        Predicate.SLe => Signed(a, bits) <= Signed(b, bits),
        Predicate.SGt => Signed(a, bits) > Signed(b, bits),
        Predicate.SGe => Signed(a, bits) >= Signed(b, bits),
        Predicate.ULt => Unsigned(a, bits) < Unsigned(b, bits),
        Predicate.ULe => Unsigned(a, bits) <= Unsigned(b, bits),
        Predicate.UGt => Unsigned(a, bits) > Unsigned(b, bits),
        Predicate.UGe => Unsigned(a, bits) >= Unsigned(b, bits),
        _ => throw new InvalidOperationException($"{p} is not an integer predicate"),
    };

    /// <summary>Turns <paramref name="i"/> into the constant <paramref name="value"/> in place, so that its uses need no rewriting.</summary>
    public static void MakeConstant(Instruction i, long value)
    {
        i.Opcode = Opcode.ConstInt;
        i.Operands.Clear();
        i.Predicate = Predicate.None;
        i.IntValue = Normalize(value, i.Type);
        // A folded checked operation (one whose operands prove it cannot fail) no longer throws.
        i.Unwind = null;
    }
}
