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
    // With -g, the source line each branch into the propagate block leaves from: the block's phi gives
    // the stack trace's "in file:line N" for the path actually taken. Only with -g: the phi costs a
    // constant on every exceptional edge (hello's .text grew 7 %), and the line table is what -g asks for.
    private LLVMValueRef propagateLine;
    private readonly List<(LLVMBasicBlockRef From, int Line)> propagateEdges = new();

    /// <summary>Where an exception raised by the current instruction goes: its handler, or out of the function.</summary>
    private LLVMBasicBlockRef ExceptionalExit()
    {
        if (current?.Unwind is { } handler) return blocks[handler];
        if (!propagateBlock.IsNull) return propagateBlock;
        var here = LLVM.GetInsertBlock(builder);
        propagateBlock = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "propagate");
        LLVM.PositionBuilderAtEnd(builder, propagateBlock);
        if (TracksLines)
        {
            var (frame, frameType) = module.RuntimeFunction(LoweringOptions.FrameWithLineSymbol, IrType.Void, IrType.Ptr, IrType.Ptr, IrType.I32);
            propagateLine = LLVM.BuildPhi(builder, ctx.Int32);
            LLVM.BuildCall2(builder, frameType, frame, new[] { module.FrameName(function), module.SourceFileName(function.SourceMap!.Document), propagateLine });
        }
        else
        {
            var (frame, frameType) = module.RuntimeFunction("tb_exception_frame", IrType.Void, IrType.Ptr);
            LLVM.BuildCall2(builder, frameType, frame, new[] { module.FrameName(function) });
        }
        if (function.ReturnType == IrType.Void) LLVM.BuildRetVoid(builder);
        else LLVM.BuildRet(builder, LLVM.ConstNull(T(function.ReturnType)));
        LLVM.PositionBuilderAtEnd(builder, here);
        return propagateBlock;
    }

    /// <summary>
    /// Call right after building a branch to <paramref name="exit"/> (from <see cref="ExceptionalExit"/>),
    /// with the builder still in the branching block: a branch out of the function records its line.
    /// </summary>
    private void NoteExit(LLVMBasicBlockRef exit, int line)
    {
        if (exit == propagateBlock && TracksLines) propagateEdges.Add((LLVM.GetInsertBlock(builder), line));
    }

    private bool TracksLines => module.Debug is not null && function.SourceMap is not null;

    /// <summary>
    /// The line of the current instruction in this function's own source: for code inlined from
    /// another method, the line of the call it was inlined at, since the frame is this method's.
    /// </summary>
    private int CurrentLine()
    {
        if (current is null || !TracksLines) return 0;
        var map = function.SourceMap!;
        int offset = current.ILOffset;
        for (var site = current.InlinedAt; site is not null; site = site.Caller) offset = site.CallILOffset;
        return map.At(offset)?.Line ?? 0;
    }

    /// <summary>Fills the propagate block's line phi, once every branch into it exists.</summary>
    private void CompletePropagateLines()
    {
        if (propagateBlock.IsNull || !TracksLines) return;
        foreach (var (from, line) in propagateEdges) LLVM.AddIncoming(propagateLine, I32(line), from);
    }

    /// <summary>After a call that may have thrown: leave for the handler if an exception is pending.</summary>
    private void BranchIfPending()
    {
        var pending = Load(ctx.Ptr, module.PendingException);
        var next = LLVM.AppendBasicBlockInContext(ctx, llvmFunction, "nothrow");
        var exit = ExceptionalExit();
        LLVM.BuildCondBr(builder, LLVM.BuildIsNotNull(builder, pending), exit, next);
        NoteExit(exit, CurrentLine());
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
        var exit = ExceptionalExit();
        LLVM.BuildBr(builder, exit);
        NoteExit(exit, CurrentLine());
    }

    /// <summary>landingpad: take the pending exception, so that the handler's own calls start clean.</summary>
    private LLVMValueRef LandingPad()
    {
        var exception = Load(ctx.Ptr, module.PendingException);
        Store(LLVM.ConstPointerNull(ctx.Ptr), module.PendingException);
        return exception;
    }
}
