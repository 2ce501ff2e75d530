namespace Testbed.IR;

/// <summary>The whole program: every function and global of app, core library and library OS.</summary>
public sealed class Module
{
    public Module(string name) { Name = name; }

    public string Name { get; }
    public List<Function> Functions { get; } = new();
    public List<Global> Globals { get; } = new();
    public List<StructType> Structs { get; } = new();
    public List<ClassInfo> Classes { get; } = new();
    /// <summary>The function the platform layer calls as <c>tb_app_main</c>.</summary>
    public Function? EntryPoint { get; set; }

    public Function? FindFunction(string name) => Functions.FirstOrDefault(f => f.Name == name);
    public Global? FindGlobal(string name) => Globals.FirstOrDefault(g => g.Name == name);
    public ClassInfo? FindClass(string name) => Classes.FirstOrDefault(c => c.Name == name);
}

public sealed class Global
{
    public Global(string name, IrType type, string layer)
    {
        Name = name;
        Type = type;
        Layer = layer;
    }

    public string Name { get; }
    public IrType Type { get; }
    /// <summary>app, corlib or libos.&lt;component&gt;: which part of the system owns it.</summary>
    public string Layer { get; set; }
    /// <summary>Initial bytes (e.g. the data of an array initialiser); null means zero.</summary>
    public byte[]? InitialData { get; set; }
    public bool IsConstant { get; set; }
    /// <summary>Defined elsewhere (the target's assembly) and referenced under this exact name.</summary>
    public bool IsExternal { get; set; }
}

public sealed class Function
{
    public Function(string name, IrType returnType, IEnumerable<IrType> parameterTypes, string layer)
    {
        Name = name;
        ReturnType = returnType;
        ParameterTypes = parameterTypes.ToList();
        Layer = layer;
    }

    /// <summary>Unique within the module; also the symbol name unless <see cref="ExportName"/> is set.</summary>
    public string Name { get; }
    public IrType ReturnType { get; set; }
    public List<IrType> ParameterTypes { get; }
    /// <summary>app, corlib or libos.&lt;component&gt;: which part of the system the code belongs to.</summary>
    public string Layer { get; set; }
    /// <summary>The external symbol this function is emitted as ([RuntimeExport]); null if internal.</summary>
    public string? ExportName { get; set; }
    /// <summary>A declaration only: the body is provided under this symbol by the target ([RuntimeImport] with no export in the program).</summary>
    public string? ImportName { get; set; }
    public List<Block> Blocks { get; } = new();
    public FunctionFlags Flags { get; set; }
    /// <summary>Where the function came from, for diagnostics: "Assembly: Type::Method".</summary>
    public string? Source { get; set; }
    /// <summary>The C# source lines and names of the method the body was imported from, when its PDB was found.</summary>
    public SourceMap? SourceMap { get; set; }
    /// <summary>The parameters and named locals the importer could describe (see <see cref="DebugVariable"/>).</summary>
    public List<DebugVariable> DebugVariables { get; } = new();
    /// <summary>
    /// What the function may do to memory its callers see (set by the function-attrs pass, or written in
    /// the text). A pass that changes what a function does, not only how, must reset it and the
    /// parameter attributes; passes that keep the behaviour (inlining into it, folding) keep them true.
    /// </summary>
    public MemoryEffects Memory { get; set; } = MemoryEffects.Unknown;
    private readonly List<ParameterAttributes> parameterAttributes = new();

    /// <summary>The facts known about parameter <paramref name="index"/>; None unless set.</summary>
    public ParameterAttributes ParameterAttributes(int index) =>
        index < parameterAttributes.Count ? parameterAttributes[index] : IR.ParameterAttributes.None;

    public void SetParameterAttributes(int index, ParameterAttributes attributes)
    {
        while (parameterAttributes.Count <= index) parameterAttributes.Add(IR.ParameterAttributes.None);
        parameterAttributes[index] = attributes;
    }

    public bool IsDeclaration => Blocks.Count == 0;
    public Block Entry => Blocks[0];
    public IReadOnlyList<BlockParameter> Parameters => Entry.Parameters;
    public string SymbolName => ExportName ?? ImportName ?? Name;

    public Block AddBlock()
    {
        var block = new Block(this);
        Blocks.Add(block);
        return block;
    }

    public IEnumerable<Instruction> Instructions => Blocks.SelectMany(b => b.Instructions);

    /// <summary>Gives every value and block a dense number in program order, for printing.</summary>
    public void Renumber()
    {
        int value = 0, block = 0;
        foreach (var b in Blocks)
        {
            b.Id = block++;
            foreach (var p in b.Parameters) p.Id = value++;
            foreach (var i in b.Instructions)
                i.Id = i.HasResult ? value++ : -1;
        }
    }
}

[Flags]
public enum FunctionFlags
{
    None = 0,
    NoInline = 1,
    AggressiveInline = 2,
    /// <summary>Its own loops must not be turned into calls of memcpy/memset (it is memcpy/memset).</summary>
    NoBuiltins = 4,
    NoReturn = 8,
}

public sealed class Block
{
    internal Block(Function function)
    {
        Function = function;
        Instructions = new InstructionList(this);
    }

    public Function Function { get; }
    public int Id { get; set; } = -1;
    public List<BlockParameter> Parameters { get; } = new();
    public InstructionList Instructions { get; }
    public Instruction? Terminator =>
        Instructions.Count > 0 && Instructions[^1].Opcode.IsTerminator() ? Instructions[^1] : null;

    public BlockParameter AddParameter(IrType type)
    {
        var p = new BlockParameter(this, type);
        Parameters.Add(p);
        return p;
    }

    public Instruction Append(Instruction instruction)
    {
        Instructions.Add(instruction);
        return instruction;
    }

    public void Insert(int index, Instruction instruction) => Instructions.Insert(index, instruction);

    /// <summary>Branch targets, and the handlers of instructions that may throw (exceptional edges).</summary>
    public IEnumerable<Block> Successors =>
        (Terminator?.Targets.Select(t => t.Block) ?? Enumerable.Empty<Block>()).Concat(UnwindTargets);

    public IEnumerable<Block> UnwindTargets =>
        Instructions.Where(i => i.Unwind is not null).Select(i => i.Unwind!).Distinct();

    public override string ToString() => "bb" + Id;
}
