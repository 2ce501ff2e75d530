using System.Globalization;

namespace Testbed.IR;

/// <summary>
/// Reads the textual IR back: exactly the language <see cref="Printer.Print(Module)"/> writes, with
/// any names for values (<c>%N</c>) and blocks, and <c>;</c> comments. Every problem is a TB4001
/// diagnostic at file:line:column, so that a hand-written test file is fixed from the message alone.
/// </summary>
public static class Parser
{
    public const string DiagnosticCode = "TB4001";

    /// <summary>Parses a whole module as Printer.Print(Module) writes it; throws DiagnosticException (TB4001) on any error.</summary>
    public static Module ParseModule(string text, string fileName = "<input>")
    {
        ArgumentNullException.ThrowIfNull(text);
        TokenCursor? cursor = null;
        try
        {
            cursor = new TokenCursor(Lexer.Tokenize(text, fileName), fileName);
            return new ModuleReader(cursor).Read();
        }
        catch (DiagnosticException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A parser bug must still reach the user as a diagnostic pointing into the input, never as a stack trace.
            var at = cursor?.Peek ?? new Token(TokenKind.End, "", 1, 1);
            throw Error(fileName, at.Line, at.Column, $"the parser failed here ({e.GetType().Name}: {e.Message}); this is a bug in the parser");
        }
    }

    internal static DiagnosticException Error(string fileName, int line, int column, string message) =>
        new(new Diagnostic(DiagnosticCode, $"{fileName}:{line}:{column}", message));
}

/// <summary>
/// One parse of a module. Names may be used before they are declared (a call of a function
/// defined further down, a struct printed after its first use, a class's static constructor), so
/// references are resolved by fixups that run once everything has been read, in text order: the
/// first undefined name is the one reported. (Values and blocks are checked earlier, at the end
/// of their function: see <see cref="BodyReader"/>.)
/// </summary>
internal sealed class ModuleReader
{
    private static readonly Dictionary<string, PrimitiveType> Primitives = IrType.Primitives.ToDictionary(p => p.Name);
    private static readonly Dictionary<string, FunctionFlags> Flags = Enum.GetValues<FunctionFlags>()
        .Where(f => f != FunctionFlags.None).ToDictionary(f => f.ToString().ToLowerInvariant());
    private static readonly HashSet<string> Declarations = new() { "module", "struct", "class", "field", "global", "func", "declare", "entry" };

    private readonly TokenCursor c;
    private Module module = null!;
    private readonly Dictionary<string, (StructType Type, Token? Defined)> structs = new();
    private readonly Dictionary<string, (ClassInfo Class, Token Defined)> classes = new();
    private readonly Dictionary<string, (Function Function, Token Defined)> functions = new();
    private readonly Dictionary<string, (Global Global, Token Defined)> globals = new();
    /// <summary>Fields by qualified name: the own fields of structs and classes, and free-standing ones; the first declaration wins.</summary>
    private readonly Dictionary<string, FieldInfo> fields = new();
    private readonly Dictionary<string, Token> freeFields = new();
    /// <summary>Entries of a struct or class owned by another type (a base class), shared with that type's FieldInfo at the end.</summary>
    private readonly List<(List<FieldInfo> List, int Index)> inherited = new();
    private readonly List<Action> fixups = new();
    private Token? entry;

    public ModuleReader(TokenCursor cursor) { c = cursor; }

    public static bool IsDeclarationKeyword(Token t) => t.Kind == TokenKind.Word && Declarations.Contains(t.Text);

    public Module Read()
    {
        c.SkipNewLines();
        if (!c.Peek.Is("module")) throw c.Expected("'module <name>' at the start of the input");
        c.Next();
        module = new Module(c.ExpectName("the module's name").Text);
        c.EndOfLine();
        while (true)
        {
            c.SkipNewLines();
            var t = c.Next();
            if (t.Kind == TokenKind.End) break;
            switch (t.Kind == TokenKind.Word ? t.Text : "")
            {
                case "struct": ReadStruct(t); break;
                case "class": ReadClass(t); break;
                case "field": ReadFreeField(); break;
                case "global": ReadGlobal(); break;
                case "func": ReadFunction(t, hasBody: true); break;
                case "declare": ReadFunction(t, hasBody: false); break;
                case "entry": ReadEntry(t); break;
                default:
                    throw c.ErrorAt(t, $"expected a declaration (struct, class, field, global, func, declare or entry), found {t.Describe()}");
            }
        }
        ShareInheritedFields();
        foreach (var fixup in fixups) fixup();
        foreach (var f in module.Functions) f.Renumber();
        return module;
    }

    // ---- Declarations ----

    private void ReadStruct(Token keyword)
    {
        var name = c.ExpectKind(TokenKind.Local, "the struct's name (%Name)");
        if (structs.TryGetValue(name.Text, out var known) && known.Defined is { } first)
            throw c.ErrorAt(name, $"struct {StructText(name.Text)} is defined twice (first at {first.Position})");
        var type = known.Type ?? new StructType(name.Text);
        structs[name.Text] = (type, name);
        module.Structs.Add(type);
        c.Expect("size");
        type.LayoutSize = c.ExpectInt("the struct's size in bytes");
        c.Expect("align");
        type.LayoutAlignment = c.ExpectInt("the struct's alignment in bytes");
        type.IsLaidOut = true;
        ReadFields(type.Fields, name.Text, "struct " + StructText(name.Text), keyword);
    }

    private void ReadClass(Token keyword)
    {
        var name = c.ExpectName("the class's name");
        if (classes.TryGetValue(name.Text, out var known))
            throw c.ErrorAt(name, $"class {Printer.Quote(name.Text, force: true)} is defined twice (first at {known.Defined.Position})");
        var info = new ClassInfo(name.Text);
        classes[name.Text] = (info, name);
        module.Classes.Add(info);
        c.Expect("size");
        info.InstanceSize = c.ExpectInt("the instance size in bytes");
        if (c.Accept("component"))
        {
            // The printer leaves the element type out when only a component size is known.
            if (!c.PeekInt(out _)) info.ElementType = ParseType();
            info.ComponentSize = c.ExpectInt("the element size in bytes");
        }
        c.Expect("layer");
        info.Layer = c.ExpectName("the layer (app, corlib or libos.<component>)").Text;
        if (c.Accept("cctor"))
        {
            var cctor = c.ExpectKind(TokenKind.Global, "the static constructor (@function)");
            fixups.Add(() => info.StaticConstructor = ResolveFunction(cctor));
        }
        if (c.Accept("flag"))
        {
            var flag = c.ExpectKind(TokenKind.Global, "the initialized flag (@global)");
            fixups.Add(() => info.InitializedFlag = ResolveGlobal(flag));
        }
        while (c.Peek.Kind == TokenKind.Word && ClassFlagWords.TryGetValue(c.Peek.Text, out var classFlag))
        {
            c.Next();
            info.Flags |= classFlag;
        }
        if (c.Accept("rank")) info.Rank = c.ExpectInt("the array's rank");
        if (c.Accept("base"))
        {
            var baseName = c.ExpectKind(TokenKind.String, "the base class (\"Name\")");
            fixups.Add(() => info.BaseClass = ResolveClass(baseName));
        }
        if (c.Accept("elementclass"))
        {
            var element = c.ExpectKind(TokenKind.String, "the element class (\"Name\")");
            fixups.Add(() => info.ElementClass = ResolveClass(element));
        }
        if (c.Accept("display")) info.DisplayName = c.ExpectKind(TokenKind.String, "the .NET name (\"Name\")").Text;
        ReadFields(info.Fields, name.Text, "class " + Printer.Quote(name.Text, force: true), keyword, info);
    }

    private static readonly Dictionary<string, ClassFlags> ClassFlagWords = Enum.GetValues<ClassFlags>()
        .Where(f => f != ClassFlags.None).ToDictionary(f => f.ToString().ToLowerInvariant());

    /// <summary><c>[@f, null, ...]</c>: the functions of a vtable or an interface's slots.</summary>
    private void ReadSlots(List<Function?> slots)
    {
        c.Expect("[");
        if (!c.Peek.Is("]"))
            do
            {
                if (c.Accept("null")) { slots.Add(null); continue; }
                var f = c.ExpectKind(TokenKind.Global, "a slot's function (@name) or null");
                int index = slots.Count;
                slots.Add(null);
                fixups.Add(() => slots[index] = ResolveFunction(f));
            } while (c.Accept(","));
        c.Expect("]");
    }

    private void ReadFields(List<FieldInfo> list, string container, string what, Token opened, ClassInfo? owner = null)
    {
        c.Expect("{");
        c.EndOfLine();
        while (true)
        {
            c.SkipNewLines();
            if (c.Accept("}")) { c.EndOfLine(); return; }
            if (c.Peek.Kind == TokenKind.End || IsDeclarationKeyword(c.Peek))
                throw c.ErrorAt(c.Peek, $"expected '}}' to close {what} (opened at {opened.Position}), found {c.Peek.Describe()}");
            if (owner is not null && c.Accept("vtable"))
            {
                ReadSlots(owner.VTable);
                c.EndOfLine();
                continue;
            }
            if (owner is not null && c.Accept("implements"))
            {
                var iface = c.ExpectKind(TokenKind.String, "the interface (\"Name\")");
                var impl = new InterfaceImplementation(new ClassInfo(iface.Text));
                var methods = new List<Function?>();
                if (c.Peek.Is("[")) ReadSlots(methods);
                c.EndOfLine();
                int index = owner.Interfaces.Count;
                owner.Interfaces.Add(impl);
                fixups.Add(() =>
                {
                    var resolved = new InterfaceImplementation(ResolveClass(iface));
                    resolved.Methods.AddRange(methods);
                    owner.Interfaces[index] = resolved;
                });
                continue;
            }
            var (field, _) = ReadFieldLine(container);
            list.Add(field);
            if (field.Owner == container) fields.TryAdd(field.QualifiedName, field);
            else inherited.Add((list, list.Count - 1));
        }
    }

    /// <summary><c>type name @offset [from Owner]</c>; the owner defaults to the enclosing struct or class.</summary>
    private (FieldInfo Field, Token Name) ReadFieldLine(string? container)
    {
        var type = ParseType();
        var name = c.ExpectName("the field's name");
        var at = c.Peek;
        if (at.Kind != TokenKind.Global || !int.TryParse(at.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var offset))
            throw c.Expected("the field's offset (@N)");
        c.Next();
        string? owner = container;
        if (c.Accept("from")) owner = c.ExpectName("the name of the type that declares the field").Text;
        else if (owner is null) throw c.Expected("'from <type>': a free-standing field names the type that declares it");
        c.EndOfLine();
        return (new FieldInfo(owner, name.Text, type, offset), name);
    }

    /// <summary>A field that instructions reference but no struct or class of the module holds.</summary>
    private void ReadFreeField()
    {
        var (field, name) = ReadFieldLine(null);
        var quoted = Printer.Quote(field.QualifiedName, force: true);
        if (freeFields.TryGetValue(field.QualifiedName, out var first))
            throw c.ErrorAt(name, $"field {quoted} is declared twice (first at {first.Position})");
        if (!fields.TryAdd(field.QualifiedName, field))
            throw c.ErrorAt(name, $"field {quoted} is declared twice (a struct or class holds it already)");
        freeFields[field.QualifiedName] = name;
    }

    private void ReadGlobal()
    {
        var name = c.ExpectKind(TokenKind.Global, "the global's name (@name)");
        if (globals.TryGetValue(name.Text, out var known))
            throw c.ErrorAt(name, $"global @{Printer.Quote(name.Text)} is defined twice (first at {known.Defined.Position})");
        c.Expect(":");
        var type = ParseType();
        c.Expect("layer");
        var g = new Global(name.Text, type, c.ExpectName("the layer (app, corlib or libos.<component>)").Text);
        globals[name.Text] = (g, name);
        module.Globals.Add(g);
        while (true)
        {
            if (c.Accept("const")) g.IsConstant = true;
            else if (c.Accept("external")) g.IsExternal = true;
            else if (c.Accept("data")) g.InitialData = ReadHexBytes();
            else break;
        }
        c.EndOfLine();
    }

    private byte[] ReadHexBytes()
    {
        var t = c.Peek;
        if (t.Kind == TokenKind.String && t.Text.Length == 0) { c.Next(); return Array.Empty<byte>(); }
        if (t.Kind != TokenKind.Word || t.Text.Length % 2 != 0 || !t.Text.All(char.IsAsciiHexDigit))
            throw c.Expected("the initial bytes as an even number of hexadecimal digits (\"\" for none)");
        c.Next();
        return Convert.FromHexString(t.Text);
    }

    private void ReadFunction(Token keyword, bool hasBody)
    {
        var name = c.ExpectKind(TokenKind.Global, "the function's name (@name)");
        if (functions.TryGetValue(name.Text, out var known))
            throw c.ErrorAt(name, $"function @{Printer.Quote(name.Text)} is defined twice (first at {known.Defined.Position})");
        c.Expect("(");
        var parameters = new List<IrType>();
        var attributes = new List<ParameterAttributes>();
        if (!c.Peek.Is(")"))
            do
            {
                parameters.Add(ParseType());
                attributes.Add(ReadParameterAttributes());
            } while (c.Accept(","));
        c.Expect(")");
        c.Expect("->");
        var returnType = ParseType();
        c.Expect("layer");
        var f = new Function(name.Text, returnType, parameters, c.ExpectName("the layer (app, corlib or libos.<component>)").Text);
        functions[name.Text] = (f, name);
        module.Functions.Add(f);
        for (int k = 0; k < attributes.Count; k++) f.SetParameterAttributes(k, attributes[k]);
        while (true)
        {
            if (c.Accept("export")) f.ExportName = c.ExpectName("the exported symbol name").Text;
            else if (c.Accept("import")) f.ImportName = c.ExpectName("the imported symbol name").Text;
            else if (c.Peek.Kind == TokenKind.Word && Flags.TryGetValue(c.Peek.Text, out var flag)) { c.Next(); f.Flags |= flag; }
            else if (c.Peek.Is("memory")) f.Memory = ReadMemoryEffects();
            else break;
        }
        if (!hasBody)
        {
            if (c.Peek.Is("{")) throw c.ErrorAt(c.Peek, "a 'declare' has no body; write 'func' to define the function here");
            c.EndOfLine();
            return;
        }
        if (!c.Peek.Is("{"))
            throw c.Expected("'{' to start the body, 'export <name>', 'import <name>', 'memory(...)' or a flag (" + string.Join(", ", Flags.Keys) + ")");
        c.Next();
        c.EndOfLine();
        new BodyReader(this, c, f, keyword).Read();
    }

    /// <summary>Words after a parameter's type: <c>nocapture</c>, <c>noalias</c>, <c>readonly</c>, each at most once.</summary>
    private ParameterAttributes ReadParameterAttributes()
    {
        var attributes = ParameterAttributes.None;
        while (c.Peek.Kind == TokenKind.Word && ParameterAttributeText.TryParse(c.Peek.Text, out var flag))
        {
            if (attributes.HasFlag(flag)) throw c.ErrorAt(c.Peek, $"'{c.Peek.Text}' is given twice for this parameter");
            attributes |= flag;
            c.Next();
        }
        return attributes;
    }

    /// <summary>
    /// <c>memory(ACCESS)</c>, <c>memory(argmem: ACCESS)</c> or <c>memory(ACCESS, argmem: ACCESS)</c>, ACCESS
    /// one of none, read, write, readwrite: LLVM's syntax for the two locations the IR tells apart.
    /// </summary>
    private MemoryEffects ReadMemoryEffects()
    {
        var keyword = c.Next();
        c.Expect("(");
        ModRef other = ModRef.None, argmem;
        bool hasDefault = false;
        if (!c.PeekAt(1).Is(":"))
        {
            other = ReadAccess();
            hasDefault = true;
        }
        argmem = other;
        if (!hasDefault || c.Accept(","))
        {
            var location = c.Peek;
            if (!location.Is("argmem"))
                throw c.ErrorAt(location, $"expected 'argmem: ACCESS', found {location.Describe()} (the IR tells apart argmem and all other memory only)");
            c.Next();
            c.Expect(":");
            argmem = ReadAccess();
        }
        if (!c.Peek.Is(")")) throw c.Expected($"')' to close the memory attribute opened at {keyword.Position}");
        c.Next();
        return new MemoryEffects(argmem, other);
    }

    private ModRef ReadAccess()
    {
        if (c.Peek.Kind == TokenKind.Word && MemoryEffects.TryParseWord(c.Peek.Text, out var access))
        {
            c.Next();
            return access;
        }
        throw c.Expected("an access (none, read, write or readwrite)");
    }

    private void ReadEntry(Token keyword)
    {
        if (entry is { } first) throw c.ErrorAt(keyword, $"the entry point is given twice (first at {first.Position})");
        entry = keyword;
        var name = c.ExpectKind(TokenKind.Global, "the entry function (@name)");
        c.EndOfLine();
        fixups.Add(() => module.EntryPoint = ResolveFunction(name));
    }

    /// <summary>A derived class lists its base's fields as the base's own FieldInfo objects, as the importer builds them.</summary>
    private void ShareInheritedFields()
    {
        foreach (var (list, index) in inherited)
        {
            var field = list[index];
            if (!fields.TryGetValue(field.QualifiedName, out var declared)) fields[field.QualifiedName] = field;
            else if (declared.Type == field.Type && declared.Offset == field.Offset) list[index] = declared;
        }
    }

    // ---- Shared with BodyReader ----

    public IrType ParseType()
    {
        var t = c.Peek;
        if (t.Kind == TokenKind.Word && Primitives.TryGetValue(t.Text, out var primitive)) { c.Next(); return primitive; }
        if (t.Kind == TokenKind.Local) { c.Next(); return StructNamed(t); }
        if (t.Kind == TokenKind.Word)
            throw c.ErrorAt(t, $"unknown type '{t.Text}' (the types are {string.Join(", ", Primitives.Keys)} and %Struct)");
        throw c.Expected("a type");
    }

    private StructType StructNamed(Token t)
    {
        if (structs.TryGetValue(t.Text, out var known)) return known.Type;
        var type = new StructType(t.Text);
        structs[t.Text] = (type, null);
        fixups.Add(() =>
        {
            if (structs[t.Text].Defined is null) throw c.ErrorAt(t, $"struct {StructText(t.Text)} is not defined");
        });
        return type;
    }

    public void AddFixup(Action fixup) => fixups.Add(fixup);

    public Function ResolveFunction(Token t) =>
        functions.TryGetValue(t.Text, out var f) ? f.Function : throw c.ErrorAt(t, $"function @{Printer.Quote(t.Text)} is not defined");

    public Global ResolveGlobal(Token t) =>
        globals.TryGetValue(t.Text, out var g) ? g.Global : throw c.ErrorAt(t, $"global @{Printer.Quote(t.Text)} is not defined");

    public ClassInfo ResolveClass(Token t) =>
        classes.TryGetValue(t.Text, out var k) ? k.Class : throw c.ErrorAt(t, $"class {Printer.Quote(t.Text, force: true)} is not defined");

    public FieldInfo ResolveField(Token t) =>
        fields.TryGetValue(t.Text, out var f) ? f
        : throw c.ErrorAt(t, $"field {Printer.Quote(t.Text, force: true)} is not defined: no struct or class declares it and no 'field' line does");

    private static string StructText(string name) => "%" + Printer.Quote(name);
}
