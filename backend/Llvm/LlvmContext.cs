using System.Runtime.InteropServices;

namespace Testbed.Backend.Llvm;

/// <summary>A diagnostic LLVM reported through the context (inline asm errors, warnings, remarks).</summary>
public sealed record LlvmDiagnostic(LLVMDiagnosticSeverity Severity, string Message)
{
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()}: {Message}";
}

/// <summary>An LLVM context: owns types and constants, and the modules and builders created from it,
/// which are disposed with it. Like LLVM's, not thread-safe: one thread at a time per context.</summary>
public sealed class LlvmContext : IDisposable
{
    private readonly List<LlvmDiagnostic> diagnostics = [];
    private readonly HashSet<IDisposable> children = [];
    private GCHandle diagnosticsHandle;
    private LLVMContextRef handle;

    public LlvmContext()
    {
        LlvmNative.Initialize();
        handle = LLVM.ContextCreate();
        diagnosticsHandle = GCHandle.Alloc(diagnostics);
        unsafe
        {
            LLVM.ContextSetDiagnosticHandler(handle, &OnDiagnostic, GCHandle.ToIntPtr(diagnosticsHandle));
        }
    }

    public LLVMContextRef Handle => handle.IsNull ? throw new ObjectDisposedException(nameof(LlvmContext)) : handle;

    public static implicit operator LLVMContextRef(LlvmContext context) => context.Handle;

    /// <summary>Everything LLVM reported so far, in order.</summary>
    public IReadOnlyList<LlvmDiagnostic> Diagnostics => diagnostics;

    public LLVMTypeRef Int1 => LLVM.Int1TypeInContext(Handle);
    public LLVMTypeRef Int8 => LLVM.Int8TypeInContext(Handle);
    public LLVMTypeRef Int16 => LLVM.Int16TypeInContext(Handle);
    public LLVMTypeRef Int32 => LLVM.Int32TypeInContext(Handle);
    public LLVMTypeRef Int64 => LLVM.Int64TypeInContext(Handle);
    public LLVMTypeRef Float => LLVM.FloatTypeInContext(Handle);
    public LLVMTypeRef Double => LLVM.DoubleTypeInContext(Handle);
    public LLVMTypeRef Void => LLVM.VoidTypeInContext(Handle);
    /// <summary>The opaque pointer type <c>ptr</c> (address space 0).</summary>
    public LLVMTypeRef Ptr => LLVM.PointerTypeInContext(Handle, 0);

    public LlvmModule CreateModule(string name) =>
        Adopt(new LlvmModule(this, LLVM.ModuleCreateWithNameInContext(name, Handle)));

    /// <summary>A copy of <paramref name="module"/> in this context, owned by it like any other module.</summary>
    public LlvmModule CloneModule(LlvmModule module) => Adopt(new LlvmModule(this, LLVM.CloneModule(module.Handle)));

    public LlvmBuilder CreateBuilder() => Adopt(new LlvmBuilder(this, LLVM.CreateBuilderInContext(Handle)));

    /// <summary>Parses textual IR (or bitcode). Null and the module on success, else the parser's message.</summary>
    public string? TryParseIR(ReadOnlySpan<byte> ir, string name, out LlvmModule? module)
    {
        LLVMMemoryBufferRef buffer = LLVM.CreateMemoryBufferWithMemoryRangeCopy(ir, name);
        string? error = LLVM.ParseIRInContext(Handle, buffer, out LLVMModuleRef parsed);
        module = error is null ? Adopt(new LlvmModule(this, parsed)) : null;
        return error;
    }

    /// <exception cref="LlvmException">The text is not valid IR.</exception>
    public LlvmModule ParseIR(string ir, string name = "input")
    {
        string? error = TryParseIR(System.Text.Encoding.UTF8.GetBytes(ir), name, out LlvmModule? module);
        return module ?? throw new LlvmException($"{name}: {error}");
    }

    /// <summary>Errors reported since diagnostic number <paramref name="start"/> (see <see cref="Diagnostics"/>).</summary>
    internal IEnumerable<LlvmDiagnostic> ErrorsSince(int start) =>
        diagnostics.Skip(start).Where(d => d.Severity == LLVMDiagnosticSeverity.Error);

    private T Adopt<T>(T child) where T : IDisposable
    {
        children.Add(child);
        return child;
    }

    internal void Release(IDisposable child) => children.Remove(child);

    public void Dispose()
    {
        if (handle.IsNull) return;
        // LLVM requires modules and builders to go before their context.
        foreach (IDisposable child in children.ToArray()) child.Dispose();
        LLVM.ContextDispose(handle);
        handle = default;
        diagnosticsHandle.Free();
    }

    [UnmanagedCallersOnly]
    private static void OnDiagnostic(LLVMDiagnosticInfoRef info, IntPtr sink)
    {
        // An exception must not unwind into LLVM's frames.
        try
        {
            var list = (List<LlvmDiagnostic>)GCHandle.FromIntPtr(sink).Target!;
            list.Add(new LlvmDiagnostic(LLVM.GetDiagInfoSeverity(info), LLVM.GetDiagInfoDescription(info)));
        }
        catch
        {
        }
    }
}
