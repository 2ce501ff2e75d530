using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>Virtual and interface dispatch, indirect calls, type tests and unboxing.</summary>
internal sealed partial class FunctionLowering
{
    /// <summary>Offset of the vtable in a type descriptor (docs/runtime-contract.md).</summary>
    private const int VTableOffset = 64;

    private LLVMTypeRef SignatureOf(Instruction call, int firstArgument) =>
        LLVM.FunctionType(T(call.Type), call.Operands.Skip(firstArgument).Select(o => T(o.Type)).ToArray());

    /// <summary>The code address a virtual or interface call of slot IntValue of Class reaches for this receiver.</summary>
    private LLVMValueRef DispatchTarget(Instruction i, LLVMValueRef receiver)
    {
        if (i.Class!.IsInterface)
        {
            var (find, type) = module.RuntimeFunction("tb_find_interface_method", IrType.Ptr, IrType.Ptr, IrType.Ptr, IrType.I32);
            return LLVM.BuildCall2(builder, type, find, new[] { receiver, module.TypeDescriptor(i.Class), LLVM.ConstInt(ctx.Int32, (ulong)i.IntValue, false) });
        }
        var descriptor = Load(ctx.Ptr, receiver);
        return Load(ctx.Ptr, BytePointer(descriptor, I64(VTableOffset + 8 * i.IntValue)));
    }

    private LLVMValueRef DispatchCall(Instruction i)
    {
        var args = i.Operands.Select(V).ToArray();
        var target = DispatchTarget(i, args[0]);
        return LLVM.BuildCall2(builder, SignatureOf(i, 0), target, args);
    }

    private LLVMValueRef IndirectCall(Instruction i)
    {
        var args = i.Operands.Skip(1).Select(V).ToArray();
        return LLVM.BuildCall2(builder, SignatureOf(i, 1), V(i.Operands[0]), args);
    }

    /// <summary>Type tests and unboxing call the core library (System.Runtime.TypeCast), which walks the descriptors.</summary>
    private LLVMValueRef TypeCheck(string helper, Instruction i)
    {
        var (fn, type) = module.RuntimeFunction(helper, IrType.Ptr, IrType.Ptr, IrType.Ptr);
        return LLVM.BuildCall2(builder, type, fn, new[] { V(i.Operands[0]), module.TypeDescriptor(i.Class!) });
    }
}
