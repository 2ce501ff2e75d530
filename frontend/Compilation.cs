using Mono.Cecil;
using Mono.Cecil.Cil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// Whole-program import: starting from the application's entry point, every <c>[RuntimeExport]</c>
/// of the core library and library OS, and the exports the pipeline's passes need (their
/// <c>RuntimeSupport</c>), imports each reachable method once per instantiation into one IR module.
/// </summary>
public sealed class Compilation
{
    private readonly Dictionary<string, Function> functions = new();
    private readonly Queue<(MethodInstance Method, Function Function)> pending = new();
    private readonly Dictionary<string, MethodDefinition> exports = new();
    private readonly List<Diagnostic> diagnostics = new();
    private readonly SourceMaps sourceMaps = new();
    // Reported, but the build goes on (unlike diagnostics).
    private readonly List<Diagnostic> warnings = new();

    private Compilation(AssemblyDefinition app, IReadOnlyList<AssemblyDefinition> libraries)
    {
        App = app;
        Libraries = libraries;
        Module = new Module(app.Name.Name);
        Layouts = new TypeLayouts(Module);
        Tables = new VirtualTables(this);
        GenericVirtuals = new GenericVirtualMethods(this);
        ArrayInterfaces = new ArrayInterfaces(this);
        Variance = new InterfaceVariance(this);
        Handlers = new HandlerRecords(this);
        Layouts.CoreLibrary = libraries.FirstOrDefault(a => a.Name.Name == Layers.CoreLibraryAssembly)?.MainModule;
    }

    internal VirtualTables Tables { get; }
    internal GenericVirtualMethods GenericVirtuals { get; }
    internal ArrayInterfaces ArrayInterfaces { get; }
    internal InterfaceVariance Variance { get; }
    internal HandlerRecords Handlers { get; }
    private readonly Dictionary<ClassInfo, ArrayType> instantiatedArrays = new();
    /// <summary>Every instantiated class and the type it was instantiated as (System.Array for arrays).</summary>
    private readonly Dictionary<ClassInfo, TypeReference> instantiated = new();

    public AssemblyDefinition App { get; }
    public IReadOnlyList<AssemblyDefinition> Libraries { get; }
    public Module Module { get; }
    public TypeLayouts Layouts { get; }
    public IReadOnlyList<Diagnostic> Diagnostics => diagnostics;

    /// <summary>Imports the program. Throws <see cref="DiagnosticException"/> listing every unsupported construct.</summary>
    /// <param name="rootEveryAppMethod">Also import every non-generic method of the application, reachable
    /// or not (for looking at the IR of a library of methods, and for tests of the importer).</param>
    /// <param name="runtimeSupport">Symbols of <c>[RuntimeExport(..., WhenImported = true)]</c> methods to
    /// import although nothing imports them: what a pass's instrumentation will call (a pass's
    /// <c>RuntimeSupport</c>).</param>
    /// <param name="warn">Told of each warning (the build goes on): a generic expansion cut off (TB1003).</param>
    public static Module Import(string appAssemblyPath, IReadOnlyList<string> libraryAssemblyPaths, bool rootEveryAppMethod = false,
        IReadOnlyCollection<string>? runtimeSupport = null, Action<Diagnostic>? warn = null)
    {
        // References resolve lazily, after every input is recorded, so each assembly exists once
        // and type identity holds across assemblies.
        var resolution = new AssemblyResolution(libraryAssemblyPaths.Append(appAssemblyPath).Select(p => Path.GetDirectoryName(Path.GetFullPath(p))!).Distinct());
        AssemblyDefinition Read(string path)
        {
            try
            {
                return AssemblyDefinition.ReadAssembly(path, resolution.ReaderParameters(readSymbols: File.Exists(Path.ChangeExtension(path, ".pdb"))));
            }
            catch (SymbolsNotMatchingException)
            {
                // A stale PDB (the assembly was rebuilt without it) costs the line numbers, not the build.
                return AssemblyDefinition.ReadAssembly(path, resolution.ReaderParameters(readSymbols: false));
            }
        }
        var libraries = libraryAssemblyPaths.Select(path => { var a = Read(path); resolution.Add(a, isLibrary: true); return a; }).ToList();
        var app = Read(appAssemblyPath);
        resolution.Add(app, isLibrary: false);

        var compilation = new Compilation(app, libraries);
        compilation.Run(rootEveryAppMethod, runtimeSupport ?? Array.Empty<string>());
        foreach (var w in compilation.warnings) warn?.Invoke(w);
        if (compilation.diagnostics.Count > 0) throw new DiagnosticException(compilation.diagnostics);
        return compilation.Module;
    }

    private void Run(bool rootEveryAppMethod, IReadOnlyCollection<string> runtimeSupport)
    {
        foreach (var assembly in Libraries.Append(App))
            foreach (var type in assembly.MainModule.GetTypes())
                foreach (var method in type.Methods)
                    if (RuntimeSymbol(method, "RuntimeExportAttribute") is { } symbol)
                        exports[symbol] = method;

        foreach (var method in exports.Values)
        {
            if (method.HasGenericParameters || method.DeclaringType.HasGenericParameters)
            {
                Report("TB1003", $"{method.Module.Assembly.Name.Name}: {method.FullName}", "a [RuntimeExport] method cannot be generic");
                continue;
            }
            // A service of the library OS (sockets, threads) is compiled only into images that import
            // it, so a program that never opens a socket carries no network stack.
            if (!IsExportedWhenImported(method))
                GetFunction(new MethodInstance(method, method.DeclaringType));
        }

        foreach (var symbol in runtimeSupport)
        {
            if (exports.TryGetValue(symbol, out var support))
                GetFunction(new MethodInstance(support, support.DeclaringType));
            else
                Report("TB1005", symbol, "a pass in the pipeline needs this [RuntimeExport] of the library OS, and no library exports it");
        }

        if (rootEveryAppMethod)
            foreach (var type in App.MainModule.GetTypes().Where(t => !t.HasGenericParameters && !t.IsInterface))
                foreach (var method in type.Methods.Where(m => m.HasBody && !m.HasGenericParameters))
                    GetFunction(new MethodInstance(method, type));

        var entry = App.EntryPoint;
        if (entry is null)
            Report("TB1004", App.Name.Name, "the application has no entry point (static Main)");
        else
            Module.EntryPoint = SynthesiseAppMain(GetFunction(new MethodInstance(entry, entry.DeclaringType)), entry);

        // Generic virtual methods need the instantiated classes, and their overrides may instantiate
        // more: import and complete dispatchers in rounds until nothing new appears.
        do
        {
            ImportPending();
        }
        while (GenericVirtuals.CompleteRound(instantiated) | ArrayInterfaces.CompleteRound(instantiatedArrays)
            | Variance.CompleteRound(instantiated));
        GenericVirtuals.WriteBodies();
    }

    private void ImportPending()
    {
        while (pending.Count > 0)
        {
            var (method, function) = pending.Dequeue();
            try
            {
                // Reported once, at the method, rather than at each piece of its state machine.
                if (method.Definition.CustomAttributes.FirstOrDefault(a => a.AttributeType.Namespace == "System.Runtime.CompilerServices"
                        && a.AttributeType.Name is "AsyncStateMachineAttribute" or "AsyncIteratorStateMachineAttribute") is not null)
                    throw new UnsupportedException(-1, "an async method: async/await and tasks are not supported (no Task or task scheduler; docs/language-support.md)");
                new ILImporter(this, method, function).Import();
            }
            catch (UnsupportedException e)
            {
                Report("TB1001", e.ILOffset < 0 ? method.Location : $"{method.Location} at IL_{e.ILOffset:x4}", e.Message);
                function.Blocks.Clear();
            }
            catch (Exception e) when (e is not DiagnosticException and not OutOfMemoryException)
            {
                // A bug of the importer still names the method it was importing, and the build goes on to report the rest.
                Report("TB1999", method.Location, $"internal error in the importer ({e.GetType().Name}: {e.Message}); please report it with this program");
                function.Blocks.Clear();
            }
        }
    }

    public void Report(string code, string location, string message) => diagnostics.Add(new Diagnostic(code, location, message));

    /// <summary>The IR function for a method instance, created (and queued for import) on first use.</summary>
    public Function GetFunction(MethodInstance method)
    {
        if (functions.TryGetValue(method.Name, out var existing)) return existing;
        var def = method.Definition;

        var imported = RuntimeSymbol(def, "RuntimeImportAttribute");
        if (imported is not null && exports.TryGetValue(imported, out var exporter) && exporter != def)
        {
            var target = GetFunction(new MethodInstance(exporter, exporter.DeclaringType));
            functions[method.Name] = target;
            return target;
        }

        var parameters = new List<IrType>();
        if (def.HasThis) parameters.Add(method.HasValueTypeThis ? IrType.Ptr : IrType.Obj);
        parameters.AddRange(method.ParameterTypes.Select(Layouts.Map));
        var function = new Function(method.Name, Layouts.Map(method.ReturnType), parameters, Layers.Of(def.DeclaringType))
        {
            Source = method.Location,
            SourceMap = sourceMaps.Of(def),
            ExportName = RuntimeSymbol(def, "RuntimeExportAttribute"),
        };
        if (function.ExportName is { } symbol && LibcSymbols.Contains(symbol)) function.Flags |= FunctionFlags.NoBuiltins;
        if ((def.ImplAttributes & MethodImplAttributes.NoInlining) != 0) function.Flags |= FunctionFlags.NoInline;
        if ((def.ImplAttributes & MethodImplAttributes.AggressiveInlining) != 0) function.Flags |= FunctionFlags.AggressiveInline;
        functions[method.Name] = function;
        Module.Functions.Add(function);

        if (imported is not null)
            function.ImportName = imported;
        else if (Delegates.IsRuntimeImplemented(def))
            Delegates.SynthesiseBody(this, method, function);
        else if (!def.HasBody)
            Report("TB1002", method.Location, "the method has no body (extern or abstract) and is neither [RuntimeImport] nor a known intrinsic");
        else if (GenericNesting(method) > MaxGenericNesting)
            CutOffGenericExpansion(method, function);
        else
            pending.Enqueue((method, function));
        return function;
    }

    /// <summary>
    /// How deeply generic instantiations may nest (G&lt;G&lt;...&gt;&gt;, arrays count as a level) before the
    /// compiler stops expanding. Ahead-of-time compilation instantiates every generic method it can
    /// reach; a method that calls itself with a growing type argument (M&lt;T&gt; calling M&lt;G&lt;T&gt;&gt;) can
    /// reach infinitely many, and the import would never end. Real code nests a few levels.
    /// </summary>
    public const int MaxGenericNesting = 16;

    private static int GenericNesting(MethodInstance method) =>
        method.MethodArguments.Append(method.DeclaringType).Select(Nesting).DefaultIfEmpty(0).Max();

    private static int Nesting(TypeReference type) => type switch
    {
        GenericInstanceType g => 1 + g.GenericArguments.Select(Nesting).DefaultIfEmpty(0).Max(),
        ArrayType a => 1 + Nesting(a.ElementType),
        TypeSpecification s => Nesting(s.ElementType),
        _ => 0,
    };

    /// <summary>
    /// The body of an instantiation nested too deeply: raises NotSupportedException naming it, as
    /// NativeAOT does (its warning IL3054). The build succeeds with a warning; the program fails only if
    /// it really calls that deep.
    /// </summary>
    private void CutOffGenericExpansion(MethodInstance method, Function function)
    {
        warnings.Add(new Diagnostic("TB1003", method.Location,
            $"generic expansion stopped at {method.Name}, nested more than {MaxGenericNesting} levels deep (a method calling itself with a growing type argument?); calling it throws NotSupportedException"));
        var entry = function.AddBlock();
        foreach (var type in function.ParameterTypes) entry.AddParameter(type);
        var b = new Builder(entry);
        b.Call(Handlers.Runtime("RaiseGenericNestingTooDeep"), new Value[] { b.StringLiteral(method.Name) });
        b.Emit(Opcode.Unreachable, IrType.Void);
    }

    /// <summary>
    /// C library functions the library OS provides for LLVM's own calls: compiled with no-builtins,
    /// so that LLVM does not turn the loop inside memset back into a call of memset.
    /// </summary>
    private static readonly HashSet<string> LibcSymbols = new()
    {
        "memcpy", "memmove", "memset", "memcmp", "bcmp",
        "floor", "floorf", "ceil", "ceilf", "trunc", "truncf", "roundeven", "roundevenf", "fmod", "fmodf",
    };

    /// <summary>The class info of a type with its static constructor wired up, for initialisation checks.</summary>
    public ClassInfo ClassWithInitializer(TypeReference type)
    {
        var info = Layouts.Class(type);
        if (info.InitializedFlag is not null) return info;
        var def = TypeLayouts.Resolve(type);
        var cctor = def.Methods.FirstOrDefault(m => m.IsConstructor && m.IsStatic);
        if (cctor is null) return info;
        info.InitializedFlag = new Global(info.Name + "::<initialized>", IrType.I8, info.Layer);
        Module.Globals.Add(info.InitializedFlag);
        info.StaticConstructor = GetFunction(new MethodInstance(cctor, type));
        return info;
    }

    /// <summary>The class of <paramref name="type"/>, marked as instantiated: its vtable and interface maps are filled.</summary>
    public ClassInfo Instantiate(TypeReference type)
    {
        var info = type is ArrayType array ? Layouts.ArrayClass(array) : Layouts.Class(type);
        if (info.Flags.HasFlag(ClassFlags.Instantiated)) return info;
        TypeReference dispatchType = type switch
        {
            ArrayType => Layouts.CoreType("System.Array"),
            _ => type,
        };
        Tables.Instantiate(info, dispatchType);
        instantiated[info] = dispatchType;
        if (type is ArrayType arrayType) instantiatedArrays[info] = arrayType;
        return info;
    }

    private readonly Dictionary<Function, Function> unboxingStubs = new();

    /// <summary>
    /// A boxed value type's vtable entry for a method of the value type: takes the box and calls the
    /// method with the address of the value inside it.
    /// </summary>
    public Function UnboxingStub(Function method)
    {
        if (unboxingStubs.TryGetValue(method, out var known)) return known;
        var parameters = method.ParameterTypes.Skip(1).Prepend(IrType.Obj).ToList();
        var stub = new Function(method.Name + "$unbox", method.ReturnType, parameters, method.Layer) { Source = method.Source };
        Module.Functions.Add(stub);
        var entry = stub.AddBlock();
        foreach (var t in parameters) entry.AddParameter(t);
        var b = new Builder(entry);
        var box = b.Emit(Opcode.Reinterpret, IrType.Ptr, entry.Parameters[0]);
        var value = b.Emit(Opcode.PtrAdd, IrType.Ptr, box, b.ConstInt(IrType.I64, TypeLayouts.BoxedValueOffset));
        var result = b.Call(method, entry.Parameters.Skip(1).Prepend<Value>(value));
        b.Ret(result.HasResult ? result : null);
        return unboxingStubs[method] = stub;
    }

    public static bool HasStaticConstructor(TypeDefinition type) => type.Methods.Any(m => m.IsConstructor && m.IsStatic);

    private Function SynthesiseAppMain(Function main, MethodDefinition entry)
    {
        var glue = new Function("tb_app_main", IrType.I32, Array.Empty<IrType>(), Layers.App) { ExportName = "tb_app_main", Source = "synthesised entry glue" };
        Module.Functions.Add(glue);
        var b = new Builder(glue.AddBlock());
        // Exceptions that escape Main end the program as CoreCLR ends it.
        Function Runtime(string name) => Handlers.Runtime(name);
        b.Call(Runtime("Initialize"), Array.Empty<Value>());
        var unhandled = glue.AddBlock();
        b.Unwind = unhandled;
        var args = new List<Value>();
        if (entry.Parameters.Count == 1)
        {
            // Main(string[] args): the platform's arguments (argv[1..] on Linux, the kernel command
            // line's TESTBED_ARG= words on PVH), through corlib's System.Environment.GetMainArguments,
            // which imports tb_platform_arguments: only programs that take arguments carry it.
            var environment = Layouts.CoreType("System.Environment");
            var arguments = environment.Methods.Single(m => m.Name == "GetMainArguments" && m.Parameters.Count == 0);
            args.Add(b.Call(GetFunction(new MethodInstance(arguments, environment)), Array.Empty<Value>()));
        }
        var result = b.Call(main, args);
        b.Ret(main.ReturnType == IrType.Void ? b.ConstInt(IrType.I32, 0) : result);
        var handler = new Builder(unhandled);
        handler.Call(Runtime("Unhandled"), new Value[] { handler.Emit(Opcode.LandingPad, IrType.Obj) });
        handler.Ret(handler.ConstInt(IrType.I32, Testbed.Frontend.ExitCodes.UnhandledException));
        return glue;
    }

    public static string? RuntimeSymbol(MethodDefinition method, string attributeName) =>
        method.CustomAttributes.FirstOrDefault(a => a.AttributeType.Name == attributeName && a.AttributeType.Namespace == "System.Runtime")
            is { } attr && attr.ConstructorArguments.Count == 1 ? attr.ConstructorArguments[0].Value as string : null;

    /// <summary><c>[RuntimeExport(..., WhenImported = true)]</c>: a root only once a reachable <c>[RuntimeImport]</c> names it.</summary>
    public static bool IsExportedWhenImported(MethodDefinition method) =>
        method.CustomAttributes.FirstOrDefault(a => a.AttributeType.Name == "RuntimeExportAttribute" && a.AttributeType.Namespace == "System.Runtime")
            is { } attr && attr.Properties.Any(p => p.Name == "WhenImported" && p.Argument.Value is true);
}

internal static class ExitCodes
{
    /// <summary>CoreCLR's exit status for an unhandled exception on Linux.</summary>
    public const int UnhandledException = 134;
}

/// <summary>An IL construct the importer does not handle yet; becomes a TB1001 diagnostic.</summary>
public sealed class UnsupportedException : Exception
{
    public UnsupportedException(int ilOffset, string message) : base(message) { ILOffset = ilOffset; }
    public int ILOffset { get; }
}
