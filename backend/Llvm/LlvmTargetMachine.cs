namespace Testbed.Backend.Llvm;

/// <summary>Owns an LLVM target machine: the triple, CPU, features, relocation and code model that
/// code generation uses. Converts implicitly to <see cref="LLVMTargetMachineRef"/>.</summary>
public sealed class LlvmTargetMachine : IDisposable
{
    private LLVMTargetMachineRef handle;

    private LlvmTargetMachine(LLVMTargetMachineRef handle, string triple, string cpu, string features, string dataLayout)
    {
        this.handle = handle;
        Triple = triple;
        Cpu = cpu;
        Features = features;
        DataLayout = dataLayout;
    }

    public string Triple { get; }
    public string Cpu { get; }
    public string Features { get; }

    /// <summary>The data layout string modules for this machine must carry.</summary>
    public string DataLayout { get; }

    public LLVMTargetMachineRef Handle =>
        handle.IsNull ? throw new ObjectDisposedException(nameof(LlvmTargetMachine)) : handle;

    public static implicit operator LLVMTargetMachineRef(LlvmTargetMachine machine) => machine.Handle;

    /// <exception cref="LlvmException">LLVM has no target for <paramref name="triple"/>.</exception>
    public static LlvmTargetMachine Create(string triple, string cpu, string features, LLVMCodeGenOptLevel optLevel,
        LLVMRelocMode reloc, LLVMCodeModel codeModel)
    {
        LlvmNative.Initialize();
        string? error = LLVM.GetTargetFromTriple(triple, out LLVMTargetRef target);
        if (error is not null) throw new LlvmException($"target {triple}: {error}");
        LLVMTargetMachineRef machine = LLVM.CreateTargetMachine(target, triple, cpu, features, optLevel, reloc, codeModel);
        if (machine.IsNull) throw new LlvmException($"LLVM could not create a target machine for {triple} (cpu {cpu}, features \"{features}\")");
        LLVMTargetDataRef layout = LLVM.CreateTargetDataLayout(machine);
        try
        {
            return new LlvmTargetMachine(machine, triple, cpu, features, LLVM.CopyStringRepOfTargetData(layout));
        }
        finally
        {
            LLVM.DisposeTargetData(layout);
        }
    }

    /// <summary>Size and alignment queries for this machine's layout; dispose the result.</summary>
    public LlvmTargetData CreateTargetData() => new(LLVM.CreateTargetDataLayout(Handle));

    public void Dispose()
    {
        if (handle.IsNull) return;
        LLVM.DisposeTargetMachine(handle);
        handle = default;
    }
}

/// <summary>Owns an LLVM data layout and answers size, alignment and field offset questions.</summary>
public sealed class LlvmTargetData : IDisposable
{
    private LLVMTargetDataRef handle;

    internal LlvmTargetData(LLVMTargetDataRef handle) => this.handle = handle;

    public LLVMTargetDataRef Handle => handle.IsNull ? throw new ObjectDisposedException(nameof(LlvmTargetData)) : handle;

    public static implicit operator LLVMTargetDataRef(LlvmTargetData data) => data.Handle;

    public ulong SizeInBits(LLVMTypeRef type) => LLVM.SizeOfTypeInBits(Handle, type);

    /// <summary>Bytes between consecutive array elements (the size including tail padding).</summary>
    public ulong AbiSize(LLVMTypeRef type) => LLVM.ABISizeOfType(Handle, type);

    public uint AbiAlignment(LLVMTypeRef type) => LLVM.ABIAlignmentOfType(Handle, type);

    public ulong OffsetOfElement(LLVMTypeRef structType, uint element) => LLVM.OffsetOfElement(Handle, structType, element);

    public void Dispose()
    {
        if (handle.IsNull) return;
        LLVM.DisposeTargetData(handle);
        handle = default;
    }
}
