using System.Text;
using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>
/// Exceptions by explicit propagation (docs/exceptions.md): a throw stores the exception in
/// <c>tb_pending_exception</c> and branches to the instruction's handler, or to the function's
/// propagate block, which adds the function to the stack trace and returns. After a call of a
/// function that may throw, the caller tests the slot. No unwinder and no tables: it works the same
/// on bare metal and under Linux, and a call of a function that cannot throw costs nothing.
/// </summary>
internal sealed partial class FunctionLowering
{
    private Instruction? current;
    private LLVMBasicBlockRef propagateBlock;

    /// <summary>Where an exception raised by the current instruction goes: its handler, or out of the function.</summary>
    private LLVMBasicBlockRef ExceptionalExit()
    {
        if (current?.Unwind is { } handler) return blocks[handler];
        if (!propagateBlock.IsNull) return propagateBlock;
        var here = LLVM.GetInsertBlock(builder);
        propagateBlock = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "propagate");
        LLVM.PositionBuilderAtEnd(builder, propagateBlock);
        var (frame, frameType) = module.RuntimeFunction("tb_exception_frame", IrType.Void, IrType.Ptr);
        LLVM.BuildCall2(builder, frameType, frame, new[] { module.FrameName(function) });
        if (function.ReturnType == IrType.Void) LLVM.BuildRetVoid(builder);
        else LLVM.BuildRet(builder, LLVM.ConstNull(T(function.ReturnType)));
        LLVM.PositionBuilderAtEnd(builder, here);
        return propagateBlock;
    }

    /// <summary>After a call that may have thrown: leave for the handler if an exception is pending.</summary>
    private void BranchIfPending()
    {
        var pending = Load(ctx.Ptr, module.PendingException);
        var next = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "nothrow");
        LLVM.BuildCondBr(builder, LLVM.BuildIsNotNull(builder, pending), ExceptionalExit(), next);
        LLVM.PositionBuilderAtEnd(builder, next);
    }

    private void AfterCall(Instruction call)
    {
        if (module.CallMayThrow(call)) BranchIfPending();
    }

    /// <summary>
    /// throw: hand the object to the core library (which records it, or a NullReferenceException
    /// for null, and runs the first pass), then leave. A resume (<see cref="ThrowKind.Resume"/>)
    /// carries on with an exception whose first pass has run: it only makes it pending again.
    /// </summary>
    private void Throw(Instruction i)
    {
        if (i.IntValue == ThrowKind.Resume)
        {
            Store(V(i.Operands[0]), module.PendingException);
        }
        else
        {
            var helper = i.IntValue == ThrowKind.Rethrow ? "tb_reraise" : "tb_raise";
            var (raise, type) = module.RuntimeFunction(helper, IrType.Void, IrType.Obj);
            LLVM.BuildCall2(builder, type, raise, new[] { V(i.Operands[0]) });
        }
        LLVM.BuildBr(builder, ExceptionalExit());
    }

    /// <summary>landingpad: take the pending exception, so that the handler's own calls start clean.</summary>
    private LLVMValueRef LandingPad()
    {
        var exception = Load(ctx.Ptr, module.PendingException);
        Store(LLVM.ConstPointerNull(ctx.Ptr), module.PendingException);
        return exception;
    }
}
