namespace Testbed.Backend.Llvm;

/// <summary>Owns an LLVM module: printing, verification, the LLVM pass pipeline and code generation.
/// Converts implicitly to <see cref="LLVMModuleRef"/> for the raw <see cref="LLVM"/> calls.</summary>
public sealed class LlvmModule : IDisposable
{
    private LLVMModuleRef handle;

    internal LlvmModule(LlvmContext context, LLVMModuleRef handle)
    {
        Context = context;
        this.handle = handle;
    }

    public LlvmContext Context { get; }

    public LLVMModuleRef Handle => handle.IsNull ? throw new ObjectDisposedException(nameof(LlvmModule)) : handle;

    public static implicit operator LLVMModuleRef(LlvmModule module) => module.Handle;

    public string Triple
    {
        get => LLVM.GetTarget(Handle);
        set => LLVM.SetTarget(Handle, value);
    }

    public string DataLayout
    {
        get => LLVM.GetDataLayoutStr(Handle);
        set => LLVM.SetDataLayout(Handle, value);
    }

    /// <summary>Gives the module the machine's triple and data layout. Do this before building IR that
    /// depends on sizes, and before optimising: passes read the layout from the module.</summary>
    public void ConfigureFor(LlvmTargetMachine machine)
    {
        Triple = machine.Triple;
        DataLayout = machine.DataLayout;
    }

    /// <summary>Appends module-level assembly (LLVM separates successive pieces with a newline).</summary>
    public void AppendInlineAsm(string asm) => LLVM.AppendModuleInlineAsm(Handle, asm);

    /// <summary>The module as textual IR.</summary>
    public string Print() => LLVM.PrintModuleToString(Handle);

    /// <summary>Null when the module is valid, else the verifier's report.</summary>
    public string? Verify() => LLVM.VerifyModule(Handle);

    /// <summary>Runs an LLVM pass pipeline written as for <c>opt -passes=</c>. Null on success, else
    /// LLVM's message (for example for "O2", which must be written "default&lt;O2&gt;").</summary>
    public string? TryRunPasses(string pipeline, LlvmTargetMachine machine, bool verifyEach = false)
    {
        LLVMPassBuilderOptionsRef options = LLVM.CreatePassBuilderOptions();
        try
        {
            LLVM.PassBuilderOptionsSetVerifyEach(options, verifyEach);
            string? error = LLVM.GetErrorMessage(LLVM.RunPasses(Handle, pipeline, machine.Handle, options));
            return error is null ? null : $"LLVM pipeline \"{pipeline}\": {error}";
        }
        finally
        {
            LLVM.DisposePassBuilderOptions(options);
        }
    }

    /// <exception cref="LlvmException">The pipeline is malformed or a pass failed.</exception>
    public void RunPasses(string pipeline, LlvmTargetMachine machine, bool verifyEach = false)
    {
        string? error = TryRunPasses(pipeline, machine, verifyEach);
        if (error is not null) throw new LlvmException(error);
    }

    /// <exception cref="LlvmException">Code generation failed (e.g. invalid inline asm).</exception>
    public void EmitObject(LlvmTargetMachine machine, string path) =>
        CheckEmit(() => LLVM.TargetMachineEmitToFile(machine.Handle, Handle, path, LLVMCodeGenFileType.Object));

    /// <exception cref="LlvmException">Code generation failed.</exception>
    public void EmitAssembly(LlvmTargetMachine machine, string path) =>
        CheckEmit(() => LLVM.TargetMachineEmitToFile(machine.Handle, Handle, path, LLVMCodeGenFileType.Assembly));

    /// <exception cref="LlvmException">Code generation failed.</exception>
    public byte[] EmitObjectToBytes(LlvmTargetMachine machine) => EmitToBytes(machine, LLVMCodeGenFileType.Object);

    /// <exception cref="LlvmException">Code generation failed.</exception>
    public string EmitAssemblyToString(LlvmTargetMachine machine) =>
        System.Text.Encoding.UTF8.GetString(EmitToBytes(machine, LLVMCodeGenFileType.Assembly));

    /// <summary>Writes bitcode; false if the file could not be written.</summary>
    public bool WriteBitcode(string path) => LLVM.WriteBitcodeToFile(Handle, path);

    private byte[] EmitToBytes(LlvmTargetMachine machine, LLVMCodeGenFileType fileType)
    {
        byte[] bytes = [];
        CheckEmit(() =>
        {
            string? error = LLVM.TargetMachineEmitToMemoryBuffer(machine.Handle, Handle, fileType, out LLVMMemoryBufferRef buffer);
            if (error is not null) return error;
            try { bytes = LLVM.GetBufferBytes(buffer); }
            finally { LLVM.DisposeMemoryBuffer(buffer); }
            return null;
        });
        return bytes;
    }

    // Some code generation errors (notably in inline asm) arrive as context diagnostics while the
    // emit call itself reports success; either kind makes the output unusable.
    private void CheckEmit(Func<string?> emit)
    {
        int before = Context.Diagnostics.Count;
        string? error = emit();
        string[] diagnosed = Context.ErrorsSince(before).Select(d => d.Message).ToArray();
        if (error is null && diagnosed.Length == 0) return;
        IEnumerable<string> all = error is null ? diagnosed : diagnosed.Prepend(error);
        throw new LlvmException("code generation failed: " + string.Join("\n", all));
    }

    public void Dispose()
    {
        if (handle.IsNull) return;
        LLVM.DisposeModule(handle);
        handle = default;
        Context.Release(this);
    }
}
