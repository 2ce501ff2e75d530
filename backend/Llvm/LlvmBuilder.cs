namespace Testbed.Backend.Llvm;

/// <summary>Owns an LLVM IR builder. Instructions are built with the raw <see cref="LLVM"/> calls,
/// to which a builder converts implicitly: <c>LLVM.BuildAdd(builder, a, b)</c>.</summary>
public sealed class LlvmBuilder : IDisposable
{
    private readonly LlvmContext context;
    private LLVMBuilderRef handle;

    internal LlvmBuilder(LlvmContext context, LLVMBuilderRef handle)
    {
        this.context = context;
        this.handle = handle;
    }

    public LLVMBuilderRef Handle => handle.IsNull ? throw new ObjectDisposedException(nameof(LlvmBuilder)) : handle;

    public static implicit operator LLVMBuilderRef(LlvmBuilder builder) => builder.Handle;

    public void PositionAtEnd(LLVMBasicBlockRef block) => LLVM.PositionBuilderAtEnd(Handle, block);

    public LLVMBasicBlockRef InsertBlock => LLVM.GetInsertBlock(Handle);

    /// <summary>True when the block the builder appends to already ends in a terminator.</summary>
    public bool InsertBlockIsTerminated => !LLVM.GetBasicBlockTerminator(InsertBlock).IsNull;

    public void Dispose()
    {
        if (handle.IsNull) return;
        LLVM.DisposeBuilder(handle);
        handle = default;
        context.Release(this);
    }
}
