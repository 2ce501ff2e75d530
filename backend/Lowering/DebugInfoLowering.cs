using Testbed.Backend.Llvm;
using Testbed.IR;

namespace Testbed.Backend.Lowering;

/// <summary>
/// DWARF through LLVM's DIBuilder (with -g): a subprogram for every function, named as C# names it,
/// a line for every instruction from its method's sequence points (<see cref="SourceMap"/>), inlined-at
/// chains for code our inliner copied (<see cref="InlineSite"/>), and the parameters and named locals
/// the importer described (<see cref="DebugVariable"/>) with their types: C# primitives, and references
/// as pointers to a struct of the class's fields, so that a debugger can print <c>s-&gt;_stringLength</c>.
/// Code with no source (compiler-made functions, hidden statements) gets line 0, DWARF's "no line",
/// never a neighbour's line. LLVM keeps what it can through its optimiser; at -O0 every slot survives.
/// </summary>
internal sealed class DebugInfoLowering
{
    private readonly ModuleLowering module;
    private readonly LLVMDIBuilderRef di;
    private readonly LLVMMetadataRef unit;
    private readonly bool optimized;
    private readonly Dictionary<string, LLVMMetadataRef> files = new(StringComparer.Ordinal);
    private readonly Dictionary<Function, LLVMMetadataRef> subprograms = new();
    private readonly Dictionary<(Function, InlineSite), LLVMMetadataRef> callLocations = new();
    private readonly Dictionary<string, LLVMMetadataRef> types = new(StringComparer.Ordinal);
    private readonly Dictionary<ClassInfo, LLVMMetadataRef> classes = new();
    private readonly LLVMMetadataRef subroutineType;

    public DebugInfoLowering(ModuleLowering module, bool optimized)
    {
        this.module = module;
        this.optimized = optimized;
        di = LLVM.CreateDIBuilder(module.Llvm);
        var main = module.Ir.Functions.FirstOrDefault(f => f.Layer == "app" && f.SourceMap is not null)?.SourceMap?.Document;
        unit = LLVM.DIBuilderCreateCompileUnit(di, File(main ?? module.Ir.Name), "Testbed", optimized);
        subroutineType = LLVM.DIBuilderCreateSubroutineType(di, File(main ?? module.Ir.Name), [default]);
        var i32 = module.Context.Int32;
        LLVM.AddModuleFlag(module.Llvm, LLVMModuleFlagBehavior.Warning, "Debug Info Version",
            LLVM.ValueAsMetadata(LLVM.ConstInt(i32, LLVM.DebugMetadataVersion(), false)));
        LLVM.AddModuleFlag(module.Llvm, LLVMModuleFlagBehavior.Warning, "Dwarf Version", LLVM.ValueAsMetadata(LLVM.ConstInt(i32, 5, false)));
    }

    /// <summary>Resolves what the builder left open; call once, after every function is lowered.</summary>
    public void Finish()
    {
        LLVM.DIBuilderFinalize(di);
        LLVM.DisposeDIBuilder(di);
    }

    private LLVMMetadataRef File(string path)
    {
        if (files.TryGetValue(path, out var file)) return file;
        return files[path] = LLVM.DIBuilderCreateFile(di, System.IO.Path.GetFileName(path), System.IO.Path.GetDirectoryName(path) ?? "");
    }

    /// <summary>What a debugger calls the function: C#'s Namespace.Type.Method, without the parameter list the IR name carries.</summary>
    public static string DisplayName(Function f)
    {
        var name = f.Name;
        int depth = 0;
        for (int k = 0; k < name.Length; k++)
        {
            if (name[k] is '<' or '[') depth++;
            else if (name[k] is '>' or ']') depth--;
            else if (name[k] == '(' && depth == 0) { name = name[..k]; break; }
        }
        return name.Replace("::", ".");
    }

    public LLVMMetadataRef Subprogram(Function f)
    {
        if (subprograms.TryGetValue(f, out var known)) return known;
        var map = f.SourceMap;
        uint line = (uint)(map?.FirstLine ?? 0);
        int flags = LLVM.DIFlagPrototyped | (map is null ? LLVM.DIFlagArtificial : 0);
        var sub = subprograms[f] = LLVM.DIBuilderCreateFunction(di, unit, DisplayName(f), "", FileOf(f),
            line, subroutineType, localToUnit: f.ExportName is null, line, flags, optimized);
        if (!IsLowered(f)) RetainParameters(f, sub);
        return sub;
    }

    /// <summary>The function's source file, or a name for its layer when it has none (runtime glue).</summary>
    private LLVMMetadataRef FileOf(Function f) => File(f.SourceMap?.Document ?? "<" + f.Layer + ">");

    private HashSet<Function>? lowered;

    private bool IsLowered(Function f) => (lowered ??= module.Ir.Functions.ToHashSet()).Contains(f);

    /// <summary>
    /// A function that only exists as inlined copies (globaldce deleted its body after inlining) gets no
    /// <see cref="Declare"/>: its parameters are recorded on the subprogram itself, as LLVM keeps those of a
    /// function it deleted, so that a debugger still names them in the inlined frame ("Main (args=...)").
    /// </summary>
    private void RetainParameters(Function f, LLVMMetadataRef sub)
    {
        var file = FileOf(f);
        uint line = (uint)(f.SourceMap?.FirstLine ?? 0);
        foreach (var variable in f.DebugVariables.Where(v => v.IsParameter).OrderBy(v => v.ArgumentNumber))
        {
            var type = variable.Storage switch
            {
                Instruction { Opcode: Opcode.Alloca } slot when slot.TypeOperand is { } t => t,
                _ => variable.Storage.Type,
            };
            LLVM.DIBuilderCreateParameterVariable(di, sub, variable.Name, (uint)variable.ArgumentNumber, file, line, TypeOf(variable, type));
        }
    }

    /// <summary>The location of <paramref name="i"/> in <paramref name="f"/>: its own method's line, inside the calls it was inlined through.</summary>
    public LLVMMetadataRef Location(Function f, Instruction i)
    {
        var scope = i.InlinedAt?.Callee ?? f;
        var point = scope.SourceMap?.At(i.ILOffset);
        return LLVM.DIBuilderCreateDebugLocation(module.Context, (uint)(point?.Line ?? 0), (uint)(point?.Column ?? 0), Subprogram(scope),
            i.InlinedAt is { } site ? CallLocation(f, site) : default);
    }

    /// <summary>The function's own first line: where its parameters' records are placed.</summary>
    public LLVMMetadataRef EntryLocation(Function f) =>
        LLVM.DIBuilderCreateDebugLocation(module.Context, (uint)(f.SourceMap?.FirstLine ?? 0), 0, Subprogram(f), default);

    /// <summary>
    /// The slots block's code (stack slots, arguments spilled for the debugger): line 0, so that a
    /// debugger's breakpoint on the function lands after it, where the arguments can be read.
    /// </summary>
    public LLVMMetadataRef PrologueLocation(Function f) => LLVM.DIBuilderCreateDebugLocation(module.Context, 0, 0, Subprogram(f), default);

    private LLVMMetadataRef CallLocation(Function f, InlineSite site)
    {
        if (callLocations.TryGetValue((f, site), out var known)) return known;
        var scope = site.Caller?.Callee ?? f;
        var point = scope.SourceMap?.At(site.CallILOffset);
        return callLocations[(f, site)] = LLVM.DIBuilderCreateDebugLocation(module.Context, (uint)(point?.Line ?? 0), (uint)(point?.Column ?? 0),
            Subprogram(scope), site.Caller is { } outer ? CallLocation(f, outer) : default);
    }

    /// <summary>
    /// Describes <paramref name="variable"/> as living in <paramref name="slot"/> (an alloca of the
    /// slots block) for the whole function; <paramref name="slotsBlock"/> gets the record.
    /// </summary>
    public void Declare(Function f, DebugVariable variable, IrType type, LLVMValueRef slot, LLVMBasicBlockRef slotsBlock)
    {
        var sub = Subprogram(f);
        var file = FileOf(f);
        uint line = (uint)(f.SourceMap?.FirstLine ?? 0);
        var described = TypeOf(variable, type);
        var record = variable.IsParameter
            ? LLVM.DIBuilderCreateParameterVariable(di, sub, variable.Name, (uint)variable.ArgumentNumber, file, line, described)
            : LLVM.DIBuilderCreateAutoVariable(di, sub, variable.Name, file, line, described);
        LLVM.DIBuilderInsertDeclareRecordAtEnd(di, slot, record, LLVM.DIBuilderCreateEmptyExpression(di), EntryLocation(f), slotsBlock);
    }

    private LLVMMetadataRef TypeOf(DebugVariable variable, IrType type) => variable.Encoding switch
    {
        VariableEncoding.Reference when ClassNamed(variable.TypeName) is { } cls => Pointer(Class(cls), variable.TypeName),
        VariableEncoding.Reference or VariableEncoding.Pointer => Pointer(default, variable.TypeName),
        VariableEncoding.Aggregate when type is StructType st => Struct(st),
        VariableEncoding.Aggregate => Basic(variable.TypeName, type, DwarfEncoding.Unsigned),
        _ => Basic(CSharpName(variable.TypeName), type, variable.Encoding switch
        {
            VariableEncoding.Signed => DwarfEncoding.Signed,
            VariableEncoding.Float => DwarfEncoding.Float,
            VariableEncoding.Boolean => DwarfEncoding.Boolean,
            VariableEncoding.Char => DwarfEncoding.Utf,
            _ => DwarfEncoding.Unsigned,
        }),
    };

    private Dictionary<string, ClassInfo>? classesByName;

    private ClassInfo? ClassNamed(string name)
    {
        classesByName ??= module.Ir.Classes.GroupBy(c => c.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        return classesByName.GetValueOrDefault(name);
    }

    private static string CSharpName(string typeName) => typeName switch
    {
        "System.Int32" => "int", "System.UInt32" => "uint", "System.Int64" => "long", "System.UInt64" => "ulong",
        "System.Int16" => "short", "System.UInt16" => "ushort", "System.Byte" => "byte", "System.SByte" => "sbyte",
        "System.Boolean" => "bool", "System.Char" => "char", "System.Single" => "float", "System.Double" => "double",
        "System.IntPtr" => "nint", "System.UIntPtr" => "nuint",
        _ => typeName,
    };

    private LLVMMetadataRef Basic(string name, IrType type, DwarfEncoding encoding)
    {
        var key = $"{name}/{type.Size}/{encoding}";
        if (types.TryGetValue(key, out var known)) return known;
        return types[key] = LLVM.DIBuilderCreateBasicType(di, name, (ulong)type.Size * 8, encoding);
    }

    private LLVMMetadataRef Pointer(LLVMMetadataRef pointee, string name)
    {
        var key = "*" + name;
        if (types.TryGetValue(key, out var known)) return known;
        return types[key] = LLVM.DIBuilderCreatePointerType(di, pointee, name);
    }

    /// <summary>A field's type: primitives by IR type, references as untyped pointers (a field's class is not in the IR).</summary>
    private LLVMMetadataRef FieldType(IrType type) => type switch
    {
        StructType st => Struct(st),
        _ when type == IrType.Obj => Pointer(default, "object"),
        _ when type == IrType.Ptr => Pointer(default, "void*"),
        _ when type == IrType.F32 || type == IrType.F64 => Basic(type.Name, type, DwarfEncoding.Float),
        _ when type == IrType.Bool => Basic("bool", IrType.I8, DwarfEncoding.Boolean),
        _ => Basic(type.Name, type, DwarfEncoding.Signed),
    };

    private LLVMMetadataRef Members(string name, IEnumerable<FieldInfo> fields, int size)
    {
        var file = File("<types>");
        // A string's or array's fixed part ends where its first element starts: the struct must still cover that element.
        size = Math.Max(size, fields.Select(f => f.Offset + f.Type.Size).DefaultIfEmpty(0).Max());
        var members = fields.OrderBy(f => f.Offset)
            .Select(f => LLVM.DIBuilderCreateMemberType(di, unit, f.Name, file, (ulong)f.Type.Size * 8, (ulong)f.Offset * 8, FieldType(f.Type)))
            .ToArray();
        return LLVM.DIBuilderCreateStructType(di, unit, name, file, (ulong)size * 8, members);
    }

    private LLVMMetadataRef Struct(StructType st)
    {
        var key = "%" + st.StructName;
        if (types.TryGetValue(key, out var known)) return known;
        return types[key] = Members(st.StructName, st.Fields, st.Size);
    }

    /// <summary>An object as the debugger sees it through a reference: every instance field of the class and its bases, at its offset from the reference.</summary>
    private LLVMMetadataRef Class(ClassInfo cls)
    {
        if (classes.TryGetValue(cls, out var known)) return known;
        // A class's fields already include its bases' (the layout copies them first).
        return classes[cls] = Members(cls.Name, cls.Fields, Math.Max(cls.InstanceSize, 8));
    }
}
