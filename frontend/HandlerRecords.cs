using Mono.Cecil;
using Testbed.IR;

namespace Testbed.Frontend;

/// <summary>
/// What the importer needs for the first pass of exception handling (docs/exceptions.md): the core
/// library's entry points, the layout of a try block's handler record, and the select functions of
/// try blocks without filters, which depend only on their catch types and are shared module-wide.
/// </summary>
internal sealed class HandlerRecords
{
    /// <summary>Bytes before a record's environment: the link and the select function (corlib's HandlerRecord).</summary>
    public const int EnvironmentOffset = 16;

    private readonly Compilation compilation;
    private readonly Dictionary<int, StructType> recordTypes = new();
    private readonly Dictionary<string, Function> catchSelectors = new();
    private readonly Dictionary<string, Function> runtime = new();

    public HandlerRecords(Compilation compilation) { this.compilation = compilation; }

    /// <summary>System.Runtime.ExceptionHandling's method <paramref name="name"/>.</summary>
    public Function Runtime(string name)
    {
        if (runtime.TryGetValue(name, out var known)) return known;
        var handling = compilation.Layouts.CoreType("System.Runtime.ExceptionHandling");
        return runtime[name] = compilation.GetFunction(new MethodInstance(handling.Methods.Single(m => m.Name == name), handling));
    }

    /// <summary>A handler record followed by <paramref name="environment"/> pointers to locals and arguments.</summary>
    public StructType RecordType(int environment)
    {
        if (recordTypes.TryGetValue(environment, out var known)) return known;
        var type = new StructType($"HandlerRecord+{environment}") { LayoutAlignment = 8, IsLaidOut = true };
        type.Fields.Add(new FieldInfo(type.StructName, "Previous", IrType.Ptr, 0));
        type.Fields.Add(new FieldInfo(type.StructName, "Select", IrType.Ptr, 8));
        for (int k = 0; k < environment; k++)
            type.Fields.Add(new FieldInfo(type.StructName, "Environment" + k, IrType.Ptr, EnvironmentOffset + 8 * k));
        type.LayoutSize = EnvironmentOffset + 8 * environment;
        compilation.Module.Structs.Add(type);
        return recordTypes[environment] = type;
    }

    /// <summary>
    /// <c>i32 (ptr record, obj exception)</c>: the first of <paramref name="catchTypes"/> the exception
    /// is an instance of (null: everything), or -1.
    /// </summary>
    public Function CatchSelector(IReadOnlyList<TypeReference?> catchTypes, string layer)
    {
        var classes = catchTypes.Select(t => t is null ? null : compilation.Layouts.Class(t)).ToList();
        var key = string.Join(", ", classes.Select(c => c?.Name ?? "*"));
        if (catchSelectors.TryGetValue(key, out var known)) return known;
        var selector = new Function($"catch({key})", IrType.I32, new[] { IrType.Ptr, IrType.Obj }, layer) { Source = "synthesised select function of try blocks catching " + key };
        compilation.Module.Functions.Add(selector);
        var entry = selector.AddBlock();
        entry.AddParameter(IrType.Ptr);
        var exception = entry.AddParameter(IrType.Obj);
        Builder? b = new Builder(entry);
        for (int k = 0; k < classes.Count && b is not null; k++)
            b = TestCatchClause(b, selector, classes[k], exception, k);
        b?.Ret(b.ConstInt(IrType.I32, -1));
        return catchSelectors[key] = selector;
    }

    /// <summary>
    /// In a select function: return <paramref name="clause"/> if the exception is an instance of
    /// <paramref name="cls"/> (null: of anything, and nothing follows); else go on in the builder returned.
    /// </summary>
    public static Builder? TestCatchClause(Builder b, Function selector, ClassInfo? cls, Value exception, int clause)
    {
        if (cls is null)
        {
            b.Ret(b.ConstInt(IrType.I32, clause));
            return null;
        }
        var match = b.WithClass(Opcode.IsInstance, IrType.Obj, cls, exception);
        var taken = selector.AddBlock();
        var next = selector.AddBlock();
        b.CondBr(b.Compare(Predicate.Ne, match, b.Null(IrType.Obj)), new BlockTarget(taken), new BlockTarget(next));
        var take = new Builder(taken) { ILOffset = b.ILOffset };
        take.Ret(take.ConstInt(IrType.I32, clause));
        return new Builder(next) { ILOffset = b.ILOffset };
    }
}
