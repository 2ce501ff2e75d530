using Testbed.IR;
using Testbed.Passes;

namespace StrengthReduce;

/// <summary>
/// Replaces a multiplication by a constant power of two with a left shift: <c>x * 8</c> becomes
/// <c>x &lt;&lt; 3</c>. Sound because <c>mul</c> wraps modulo 2^n (checked multiplication is the separate
/// <c>mulovf</c>, left alone), and so does <c>shl</c>: both give the low n bits of x·2^k. The constant is
/// read modulo 2^n too, so <c>x * -2147483648</c> in i32 is <c>x &lt;&lt; 31</c>.
/// </summary>
[Pass("strength-reduce", Description = "Replace multiplication by a power of two with a left shift")]
public sealed class StrengthReduceMultiply : IFunctionPass
{
    [PassParameter("layer", Description = "Only rewrite functions of this layer (app, corlib, libos.<component>); empty: every layer")]
    public string Layer { get; set; } = "";

    public PreservedAnalyses Run(Function function, PassContext context)
    {
        if (Layer.Length > 0 && function.Layer != Layer) return PreservedAnalyses.All;
        bool changed = false;
        foreach (var block in function.Blocks)
        {
            for (int k = 0; k < block.Instructions.Count; k++)
            {
                var mul = block.Instructions[k];
                if (mul.Opcode != Opcode.Mul) continue;
                int constantAt = IsConstant(mul.Operands[1]) ? 1 : IsConstant(mul.Operands[0]) ? 0 : -1;
                if (constantAt < 0) continue;
                var factor = (Instruction)mul.Operands[constantAt];
                int bits = ((PrimitiveType)mul.Type).Bits;
                ulong multiplier = (ulong)factor.IntValue & (bits == 64 ? ulong.MaxValue : (1UL << bits) - 1);
                if (multiplier <= 1) continue;
                if (!ulong.IsPow2(multiplier))
                {
                    context.Remark(RemarkKind.Missed, function, $"{multiplier} is not a power of two", mul);
                    continue;
                }
                int shift = (int)ulong.Log2(multiplier);
                // The shift count is a constant of the same type: the IR's shl takes two operands of one type.
                var amount = new Instruction(Opcode.ConstInt, mul.Type) { IntValue = shift, ILOffset = mul.ILOffset };
                block.Insert(k++, amount);
                var value = mul.Operands[1 - constantAt];
                mul.Opcode = Opcode.Shl;
                mul.Operands[0] = value;
                mul.Operands[1] = amount;
                context.Count("multiplications replaced by shifts");
                context.Remark(RemarkKind.Passed, function, $"multiplication by {multiplier} became a shift by {shift}", mul);
                changed = true;
            }
        }
        // Instructions changed, blocks and branches did not: dominators and loops stay valid.
        return changed ? PreservedAnalyses.ControlFlow : PreservedAnalyses.All;
    }

    private static bool IsConstant(Value v) => v is Instruction { Opcode: Opcode.ConstInt };
}
