using System.Text;
using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>Enum attributes the target asks for on every function (e.g. noredzone in a kernel that takes interrupts).</summary>
public sealed record LoweringOptions(IReadOnlyList<string> FunctionAttributes)
{
    /// <summary>
    /// Test for a pending exception after calls that may throw. Off only as an ablation, to measure
    /// what explicit propagation costs on the path that does not throw: exceptions then escape
    /// their handlers.
    /// </summary>
    public bool ExceptionChecksAfterCalls { get; init; } = true;

    /// <summary>
    /// Link try blocks' handler records into the first pass's chain (docs/exceptions.md). Off only as
    /// an ablation, to measure what that costs on the path that does not throw: a program that then
    /// throws finds no handler.
    /// </summary>
    public bool HandlerRecords { get; init; } = true;

    /// <summary>
    /// Emit DWARF: line tables, subprograms, parameters and locals (-g; see <see cref="DebugInfoLowering"/>),
    /// and stack-trace frames with file and line through <see cref="FrameWithLineSymbol"/>, which the
    /// frontend must then have compiled in (its runtime support).
    /// </summary>
    public bool DebugInfo { get; init; }

    /// <summary>The core library's frame recorder with file and line (<c>void (byte* method, byte* file, int line)</c>).</summary>
    public const string FrameWithLineSymbol = "tb_exception_frame_at";

    /// <summary>
    /// Mark a card after every reference store that may be into an old object (<see cref="GcWriteBarrier"/>).
    /// Off only as an ablation, to measure what the barrier costs: the collector is then told there
    /// are no barriers and marks the whole heap at every collection.
    /// </summary>
    public bool WriteBarriers { get; init; } = true;

    /// <summary>Whether the pipeline optimises: recorded in the debug info, so that debuggers expect variables to come and go.</summary>
    public bool Optimized { get; init; } = true;
}

/// <summary>
/// Lowers a whole IR module into one LLVM module: types, globals, type descriptors, string literals
/// and function declarations here; function bodies in <see cref="FunctionLowering"/>.
/// </summary>
public sealed class ModuleLowering
{
    private readonly Dictionary<StructType, LLVMTypeRef> structTypes = new();
    private readonly Dictionary<Global, LLVMValueRef> globals = new();
    private readonly Dictionary<Function, LLVMValueRef> functions = new();
    private readonly Dictionary<Function, LLVMTypeRef> functionTypes = new();
    private readonly TypeDescriptors typeDescriptors;
    private readonly Dictionary<string, LLVMValueRef> stringLiterals = new();
    private readonly Dictionary<string, (LLVMValueRef Function, LLVMTypeRef Type)> runtimeFunctions = new();

    public ModuleLowering(Module ir, LlvmModule llvm, LoweringOptions options)
    {
        Ir = ir;
        Llvm = llvm;
        Context = llvm.Context;
        Options = options;
        typeDescriptors = new TypeDescriptors(this);
    }

    public Module Ir { get; }
    public LlvmModule Llvm { get; }
    public LlvmContext Context { get; }
    public LoweringOptions Options { get; }
    /// <summary>Null unless <see cref="LoweringOptions.DebugInfo"/>.</summary>
    internal DebugInfoLowering? Debug { get; private set; }

    public static void Lower(Module ir, LlvmModule llvm, LoweringOptions options)
    {
        var lowering = new ModuleLowering(ir, llvm, options);
        lowering.throwing = ThrowAnalysis.FunctionsThatMayThrow(ir);
        lowering.EmitsWriteBarriers = options.WriteBarriers && GcWriteBarrier.Enabled(ir);
        lowering.HasNoScanAllocation = ir.Functions.Any(f => f.ExportName == FunctionLowering.NoScanAllocationSymbol);
        foreach (var g in ir.Globals) lowering.Global(g);
        foreach (var f in ir.Functions) lowering.Declare(f);
        if (options.DebugInfo) lowering.Debug = new DebugInfoLowering(lowering, options.Optimized);
        foreach (var f in ir.Functions.Where(f => !f.IsDeclaration))
            new FunctionLowering(lowering, f).Lower();
        lowering.Debug?.Finish();
        StaticRoots.DefineIfImported(lowering);
        GcWriteBarrier.DefineIfImported(lowering);
        GcRegisterSpill.DefineIfImported(lowering);
        lowering.typeDescriptors.Complete();
    }

    public LLVMTypeRef Type(IrType type)
    {
        if (type == IrType.Void) return Context.Void;
        if (type == IrType.Bool) return Context.Int1;
        if (type == IrType.I8) return Context.Int8;
        if (type == IrType.I16) return Context.Int16;
        if (type == IrType.I32) return Context.Int32;
        if (type == IrType.I64) return Context.Int64;
        if (type == IrType.F32) return Context.Float;
        if (type == IrType.F64) return Context.Double;
        if (type.IsPointerLike) return Context.Ptr;
        if (type is StructType st) return Struct(st);
        throw new InvalidOperationException($"no LLVM type for {type}");
    }

    /// <summary>
    /// Structs are packed LLVM structs whose members sit at exactly the IR's offsets, with explicit
    /// padding: field addresses are computed from those offsets, so both must agree. Overlapping
    /// fields (explicit layout) become plain bytes.
    /// </summary>
    private LLVMTypeRef Struct(StructType st)
    {
        if (structTypes.TryGetValue(st, out var t)) return t;
        t = LLVM.StructCreateNamed(Context, st.StructName);
        structTypes[st] = t;
        var members = new List<LLVMTypeRef>();
        int offset = 0;
        foreach (var f in st.Fields.OrderBy(f => f.Offset))
        {
            if (f.Offset < offset) { members.Clear(); offset = 0; break; }
            if (f.Offset > offset) members.Add(LLVM.ArrayType2(Context.Int8, (ulong)(f.Offset - offset)));
            members.Add(Type(f.Type));
            offset = f.Offset + f.Type.Size;
        }
        if (st.Size > offset) members.Add(LLVM.ArrayType2(Context.Int8, (ulong)(st.Size - offset)));
        LLVM.StructSetBody(t, members.ToArray(), packed: true);
        return t;
    }

    private void Global(Global g)
    {
        var type = g.InitialData is { } data ? LLVM.ArrayType2(Context.Int8, (ulong)data.Length) : Type(g.Type);
        var value = LLVM.AddGlobal(Llvm, type, g.Name);
        if (g.IsExternal)
        {
            LLVM.SetLinkage(value, LLVMLinkage.External);
        }
        else
        {
            LLVM.SetLinkage(value, LLVMLinkage.Internal);
            LLVM.SetInitializer(value, g.InitialData is { } bytes ? LLVM.ConstStringInContext2(Context, bytes, dontNullTerminate: true) : LLVM.ConstNull(type));
            LLVM.SetGlobalConstant(value, g.IsConstant);
        }
        LLVM.SetAlignment(value, (uint)Math.Max(8, g.Type.Alignment));
        globals[g] = value;
    }

    public LLVMValueRef GlobalValue(Global g) => globals[g];

    private void Declare(Function f)
    {
        var type = LLVM.FunctionType(Type(f.ReturnType), f.ParameterTypes.Select(Type).ToArray());
        var existing = LLVM.GetNamedFunction(Llvm, f.SymbolName);
        var value = existing.IsNull ? LLVM.AddFunction(Llvm, f.SymbolName, type) : existing;
        LLVM.SetLinkage(value, f.ExportName is null && f.ImportName is null ? LLVMLinkage.Internal : LLVMLinkage.External);
        functions[f] = value;
        functionTypes[f] = type;
        AddEnumAttribute(value, "nounwind");
        foreach (var attribute in Options.FunctionAttributes) AddEnumAttribute(value, attribute);
        if (f.Flags.HasFlag(FunctionFlags.NoInline)) AddEnumAttribute(value, "noinline");
        if (f.Flags.HasFlag(FunctionFlags.AggressiveInline)) AddEnumAttribute(value, "inlinehint");
        if (f.Flags.HasFlag(FunctionFlags.NoReturn)) AddEnumAttribute(value, "noreturn");
        if (f.Flags.HasFlag(FunctionFlags.NoBuiltins))
            LLVM.AddAttributeAtIndex(value, LLVMAttributeIndex.Function, LLVM.CreateStringAttribute(Context, "no-builtins", ""));
        // The application's unsafe code may dereference a null pointer on purpose or by mistake, and
        // CoreCLR raises NullReferenceException for it: LLVM must keep the access (it would delete it,
        // or the path to it, as undefined behaviour), so the fault reaches the platform's report.
        // Inlining carries the attribute into callers. Only app functions that make a pointer from an
        // integer: the library OS's pointers are never null by construction.
        if (f.Layer == "app" && f.Blocks.Any(b => b.Instructions.Any(i => i.Opcode == Opcode.IntToPtr)))
            AddEnumAttribute(value, "null_pointer_is_valid");
        // Frame pointers keep stack traces cheap to walk, for the panic reports and profilers to come.
        LLVM.AddAttributeAtIndex(value, LLVMAttributeIndex.Function, LLVM.CreateStringAttribute(Context, "frame-pointer", "all"));
        FunctionAttributesLowering.Apply(this, f, value);
    }

    public void AddEnumAttribute(LLVMValueRef function, string name) =>
        LLVM.AddAttributeAtIndex(function, LLVMAttributeIndex.Function,
            LLVM.CreateEnumAttribute(Context, LLVM.GetEnumAttributeKindForName(name), 0));

    public (LLVMValueRef Function, LLVMTypeRef Type) FunctionValue(Function f) => (functions[f], functionTypes[f]);

    /// <summary>A function of the runtime contract (tb_alloc, tb_raise_*), found by symbol; declared if the program lacks it.</summary>
    public (LLVMValueRef Function, LLVMTypeRef Type) RuntimeFunction(string symbol, IrType returnType, params IrType[] parameters)
    {
        if (runtimeFunctions.TryGetValue(symbol, out var known)) return known;
        var type = LLVM.FunctionType(Type(returnType), parameters.Select(Type).ToArray());
        var value = LLVM.GetNamedFunction(Llvm, symbol);
        if (value.IsNull)
        {
            value = LLVM.AddFunction(Llvm, symbol, type);
            AddEnumAttribute(value, "nounwind");
        }
        return runtimeFunctions[symbol] = (value, type);
    }

    private HashSet<Function> throwing = new();
    private LLVMValueRef pendingException;
    private (LLVMValueRef Table, LLVMValueRef Mask)? cardTable;

    /// <summary>Whether reference stores get the generational collector's barrier: it is linked in and the options allow it.</summary>
    public bool EmitsWriteBarriers { get; private set; }

    /// <summary>Whether the collector has <c>tb_alloc_noscan</c> for objects without references.</summary>
    public bool HasNoScanAllocation { get; private set; }

    /// <summary>The write barrier's card table pointer and index mask (<see cref="GcWriteBarrier"/>).</summary>
    public (LLVMValueRef Table, LLVMValueRef Mask) CardTable => cardTable ??= GcWriteBarrier.DefineGlobals(this);
    private readonly Dictionary<string, LLVMValueRef> cStrings = new();

    public bool MayThrow(Function f) => throwing.Contains(f);

    /// <summary>Whether the caller must test for a pending exception after this call.</summary>
    public bool CallMayThrow(Instruction call) =>
        Options.ExceptionChecksAfterCalls && (call.Opcode != Opcode.Call || MayThrow(call.Callee!));

    /// <summary>The exception in flight; null while none is. One per image: the library OS runs one
    /// thread of execution at a time, and no thread switch happens while an exception is pending.</summary>
    public LLVMValueRef PendingException
    {
        get
        {
            if (!pendingException.IsNull) return pendingException;
            pendingException = LLVM.AddGlobal(Llvm, Context.Ptr, "tb_pending_exception");
            LLVM.SetInitializer(pendingException, LLVM.ConstPointerNull(Context.Ptr));
            LLVM.SetLinkage(pendingException, LLVMLinkage.External);
            LLVM.SetAlignment(pendingException, 8);
            return pendingException;
        }
    }

    /// <summary>A private constant NUL-terminated UTF-8 string, one per symbol.</summary>
    private LLVMValueRef CString(string symbol, string text)
    {
        if (cStrings.TryGetValue(symbol, out var known)) return known;
        var value = LLVM.AddGlobal(Llvm, LLVM.ArrayType2(Context.Int8, (ulong)Encoding.UTF8.GetByteCount(text) + 1), symbol);
        LLVM.SetInitializer(value, LLVM.ConstStringInContext2(Context, text, dontNullTerminate: false));
        LLVM.SetGlobalConstant(value, true);
        LLVM.SetLinkage(value, LLVMLinkage.Private);
        return cStrings[symbol] = value;
    }

    /// <summary>The name a function has in stack traces: .NET's <c>Type.Method(Parameters)</c>.</summary>
    public LLVMValueRef FrameName(Function f) => CString("frame." + f.Name, f.Name.Replace("::", ".").Replace('/', '+'));

    /// <summary>A source file's path, as stack traces print it after "in".</summary>
    public LLVMValueRef SourceFileName(string path) => CString("source." + path, path);

    /// <summary>A class's .NET name (<c>Type.ToString()</c>), as its descriptor and the runtime's messages use it.</summary>
    public LLVMValueRef TypeName(ClassInfo cls) => CString("typename." + cls.Name, cls.DisplayName);

    /// <summary>The type descriptor every object of this class points to (see <see cref="TypeDescriptors"/>).</summary>
    public LLVMValueRef TypeDescriptor(ClassInfo cls) => typeDescriptors.Get(cls);

    /// <summary>A string literal is a constant object laid out as a heap string would be; equal literals share one.</summary>
    public LLVMValueRef StringLiteral(string text)
    {
        if (stringLiterals.TryGetValue(text, out var s)) return s;
        var stringClass = Ir.FindClass("System.String") ?? throw new InvalidOperationException("string literal in a program without System.String");
        var chars = text.Select(c => LLVM.ConstInt(Context.Int16, c, false)).Append(LLVM.ConstInt(Context.Int16, 0, false)).ToArray();
        var init = LLVM.ConstStructInContext(Context, new[]
        {
            TypeDescriptor(stringClass),
            LLVM.ConstInt(Context.Int32, (ulong)text.Length, false),
            LLVM.ConstArray2(Context.Int16, chars),
        });
        s = LLVM.AddGlobal(Llvm, LLVM.TypeOf(init), "str." + stringLiterals.Count);
        LLVM.SetInitializer(s, init);
        LLVM.SetGlobalConstant(s, true);
        LLVM.SetLinkage(s, LLVMLinkage.Private);
        LLVM.SetAlignment(s, 8);
        return stringLiterals[text] = s;
    }

    public LLVMValueRef Intrinsic(string name, LLVMTypeRef[] overloads, out LLVMTypeRef type)
    {
        var id = LLVM.LookupIntrinsicID(name);
        if (id == 0) throw new InvalidOperationException($"LLVM has no intrinsic {name}");
        type = LLVM.IntrinsicGetType(Context, id, overloads);
        return LLVM.GetIntrinsicDeclaration(Llvm, id, overloads);
    }
}
