using System.Globalization;
using System.Text;

namespace Testbed.IR;

/// <summary>
/// Writes the textual form of the IR. Every instruction is one line:
/// <c>%result = mnemonic type operands payload</c>; blocks are <c>bbN(%p: type, ...):</c>.
/// The form is regular on purpose, so that <see cref="Parser"/> reads back exactly what is written:
/// print(parse(text)) == text, and nothing the module holds is left out (see the free <c>field</c>
/// lines and <c>from</c> owners). Only diagnostics-only data is not printed: Function.Source and
/// Instruction.ILOffset.
/// </summary>
public static class Printer
{
    /// <param name="numbering">Numbers that stay put across rewrites (for diffs and remarks); null numbers each function densely.</param>
    public static string Print(Module module, StableNumbering? numbering = null)
    {
        var sb = new StringBuilder();
        sb.Append("module ").Append(Quote(module.Name)).Append('\n');
        foreach (var s in module.Structs)
        {
            sb.Append("\nstruct ").Append(s.Name).Append(" size ").Append(s.Size).Append(" align ").Append(s.Alignment).Append(" {\n");
            foreach (var f in s.Fields) PrintField(sb, "  ", f, s.StructName);
            sb.Append("}\n");
        }
        foreach (var c in module.Classes)
        {
            sb.Append("\nclass ").Append(Quote(c.Name)).Append(" size ").Append(c.InstanceSize);
            if (c.ComponentSize != 0 || c.ElementType is not null)
            {
                sb.Append(" component ");
                if (c.ElementType is not null) sb.Append(c.ElementType).Append(' ');
                sb.Append(c.ComponentSize);
            }
            sb.Append(" layer ").Append(Quote(c.Layer));
            if (c.StaticConstructor is not null) sb.Append(" cctor @").Append(Quote(c.StaticConstructor.Name));
            if (c.InitializedFlag is not null) sb.Append(" flag @").Append(Quote(c.InitializedFlag.Name));
            foreach (ClassFlags flag in Enum.GetValues<ClassFlags>())
                if (flag != ClassFlags.None && c.Flags.HasFlag(flag)) sb.Append(' ').Append(flag.ToString().ToLowerInvariant());
            if (c.Rank != 0) sb.Append(" rank ").Append(c.Rank);
            if (c.BaseClass is not null) sb.Append(" base ").Append(Quote(c.BaseClass.Name, force: true));
            if (c.ElementClass is not null) sb.Append(" elementclass ").Append(Quote(c.ElementClass.Name, force: true));
            if (c.DisplayName != c.Name) sb.Append(" display ").Append(Quote(c.DisplayName, force: true));
            sb.Append(" {\n");
            foreach (var f in c.Fields) PrintField(sb, "  ", f, c.Name);
            if (c.VTable.Count > 0) sb.Append("  vtable ").Append(Slots(c.VTable)).Append('\n');
            foreach (var impl in c.Interfaces)
            {
                sb.Append("  implements ").Append(Quote(impl.Interface.Name, force: true));
                if (impl.Methods.Count > 0) sb.Append(' ').Append(Slots(impl.Methods));
                sb.Append('\n');
            }
            sb.Append("}\n");
        }
        var free = FreeFields(module);
        if (free.Count > 0) sb.Append('\n');
        foreach (var f in free) PrintField(sb, "field ", f, container: null);
        if (module.Globals.Count > 0) sb.Append('\n');
        foreach (var g in module.Globals)
        {
            sb.Append("global @").Append(Quote(g.Name)).Append(" : ").Append(g.Type).Append(" layer ").Append(Quote(g.Layer));
            if (g.IsConstant) sb.Append(" const");
            if (g.IsExternal) sb.Append(" external");
            if (g.InitialData is not null)
                sb.Append(" data ").Append(g.InitialData.Length == 0 ? "\"\"" : Convert.ToHexString(g.InitialData).ToLowerInvariant());
            sb.Append('\n');
        }
        foreach (var f in module.Functions)
            sb.Append('\n').Append(Print(f, numbering));
        if (module.EntryPoint is not null) sb.Append("\nentry @").Append(Quote(module.EntryPoint.Name)).Append('\n');
        return sb.ToString();
    }

    private static string Slots(IEnumerable<Function?> slots) =>
        "[" + string.Join(", ", slots.Select(f => f is null ? "null" : "@" + Quote(f.Name))) + "]";

    /// <summary>
    /// <c>type name @offset</c>, with <c>from Owner</c> when the field belongs to another type than the
    /// one listing it (a base class's field in a derived class) and on free-standing <c>field</c> lines.
    /// </summary>
    private static void PrintField(StringBuilder sb, string prefix, FieldInfo f, string? container)
    {
        sb.Append(prefix).Append(f.Type).Append(' ').Append(Quote(f.Name)).Append(" @").Append(f.Offset);
        if (f.Owner != container) sb.Append(" from ").Append(Quote(f.Owner));
        sb.Append('\n');
    }

    /// <summary>
    /// Fields that instructions reference but no struct or class of the module lists (say, made up by a
    /// pass or a test): printed as <c>field</c> lines so that the references can be read back.
    /// </summary>
    private static List<FieldInfo> FreeFields(Module module)
    {
        static (string, string, IrType, int) Key(FieldInfo f) => (f.Owner, f.Name, f.Type, f.Offset);
        var listed = new HashSet<(string, string, IrType, int)>(
            module.Structs.SelectMany(s => s.Fields).Concat(module.Classes.SelectMany(c => c.Fields)).Select(Key));
        var free = new List<FieldInfo>();
        foreach (var i in module.Functions.SelectMany(f => f.Instructions))
            if (i.Field is not null && listed.Add(Key(i.Field)))
                free.Add(i.Field);
        return free;
    }

    /// <param name="numbering">Numbers that stay put across rewrites (for diffs and remarks); null numbers densely.</param>
    public static string Print(Function function, StableNumbering? numbering = null)
    {
        if (numbering is null) function.Renumber();
        else numbering.Assign(function);
        var sb = new StringBuilder();
        sb.Append(function.IsDeclaration ? "declare @" : "func @").Append(Quote(function.Name)).Append('(');
        sb.Append(string.Join(", ", function.ParameterTypes.Select((t, k) => t.Name + ParameterAttributeText.Text(function.ParameterAttributes(k)))));
        sb.Append(") -> ").Append(function.ReturnType).Append(" layer ").Append(Quote(function.Layer));
        if (function.ExportName is not null) sb.Append(" export ").Append(Quote(function.ExportName));
        if (function.ImportName is not null) sb.Append(" import ").Append(Quote(function.ImportName));
        foreach (FunctionFlags flag in Enum.GetValues<FunctionFlags>())
            if (flag != FunctionFlags.None && function.Flags.HasFlag(flag))
                sb.Append(' ').Append(flag.ToString().ToLowerInvariant());
        if (!function.Memory.IsUnknown) sb.Append(' ').Append(function.Memory.Text());
        if (function.IsDeclaration) return sb.Append('\n').ToString();
        sb.Append(" {\n");
        foreach (var block in function.Blocks)
        {
            sb.Append(block);
            if (block.Parameters.Count > 0)
                sb.Append('(').Append(string.Join(", ", block.Parameters.Select(p => $"{p}: {p.Type}"))).Append(')');
            sb.Append(":\n");
            foreach (var i in block.Instructions)
                sb.Append("  ").Append(Print(i)).Append('\n');
        }
        return sb.Append("}\n").ToString();
    }

    public static string Print(Instruction i)
    {
        var sb = new StringBuilder();
        if (i.HasResult) sb.Append(i).Append(" = ");
        sb.Append(i.Opcode.Mnemonic());
        if (i.Opcode is Opcode.ICmp or Opcode.FCmp) sb.Append(' ').Append(i.Predicate.Mnemonic());
        if (i.Opcode == Opcode.Intrinsic) sb.Append(' ').Append(i.Intrinsic.ToString().ToLowerInvariant());
        if (i.Volatile) sb.Append(" volatile");
        if (i.Opcode == Opcode.Throw && i.IntValue == ThrowKind.Rethrow) sb.Append(" rethrow");
        if (i.Opcode == Opcode.Throw && i.IntValue == ThrowKind.Resume) sb.Append(" resume");
        if (i.HasResult || i.Opcode.IsCall() || i.Opcode == Opcode.Intrinsic) sb.Append(' ').Append(i.Type);

        var parts = new List<string>();
        switch (i.Opcode)
        {
            case Opcode.ConstInt: parts.Add(i.IntValue.ToString(CultureInfo.InvariantCulture)); break;
            case Opcode.ConstFloat: parts.Add(FormatFloat(i.FloatValue)); break;
            case Opcode.StringLiteral: parts.Add(Quote(i.Text ?? "", force: true)); break;
            // Missing payloads are left out rather than crashing: the verifier prints the instructions it rejects.
            case Opcode.Alloca or Opcode.ElementAddr when i.TypeOperand is not null: parts.Add(i.TypeOperand.Name); break;
            case Opcode.Call or Opcode.FunctionAddress when i.Callee is not null: parts.Add("@" + Quote(i.Callee.Name)); break;
            case var op when op.HasSlot() && i.Class is not null:
                parts.Add(Quote(i.Class.Name, force: true));
                parts.Add(i.IntValue.ToString(CultureInfo.InvariantCulture));
                break;
            case Opcode.IsInstance or Opcode.CastClass or Opcode.Unbox or Opcode.TypeDescriptor when i.Class is not null:
                parts.Add(Quote(i.Class.Name, force: true));
                break;
            case Opcode.GlobalAddr when i.Global is not null: parts.Add("@" + Quote(i.Global.Name)); break;
            case Opcode.NewObject or Opcode.NewArray or Opcode.NewString or Opcode.InitClass when i.Class is not null:
                parts.Add(Quote(i.Class.Name, force: true));
                break;
        }
        parts.AddRange(i.Operands.Select(o => o.ToString()!));
        if (i.Field is not null) parts.Add(Quote(i.Field.QualifiedName, force: true));
        if (i.Opcode == Opcode.Switch && i.Targets.Count > 0)
        {
            parts.Add(Target(i.Targets[0]));
            parts.Add("[" + string.Join(", ", i.CaseValues.Zip(i.Targets.Skip(1), (v, t) => $"{v}: {Target(t)}")) + "]");
        }
        else
        {
            parts.AddRange(i.Targets.Select(Target));
        }
        if (parts.Count > 0) sb.Append(' ').Append(string.Join(", ", parts));
        if (i.Unwind is not null) sb.Append(" unwind ").Append(i.Unwind);
        return sb.ToString();
    }

    private static string Target(BlockTarget t) =>
        t.Arguments.Count == 0 ? t.Block.ToString() : $"{t.Block}({string.Join(", ", t.Arguments)})";

    /// <summary>
    /// Round-trippable: "R" formatting, with the special values spelled out. A NaN other than
    /// double.NaN shows its bits (<c>nan(0x7ff8000000000000)</c>), since sign and payload are observable.
    /// </summary>
    public static string FormatFloat(double d) =>
        double.IsNaN(d)
            ? BitConverter.DoubleToUInt64Bits(d) == BitConverter.DoubleToUInt64Bits(double.NaN) ? "nan" : $"nan(0x{BitConverter.DoubleToUInt64Bits(d):x16})"
        : double.IsPositiveInfinity(d) ? "inf" : double.IsNegativeInfinity(d) ? "-inf"
        : d == 0 && double.IsNegative(d) ? "-0.0"
        : d.ToString("R", CultureInfo.InvariantCulture) is var s && (s.Contains('.') || s.Contains('E')) ? s : s + ".0";

    /// <summary>Names made of identifier characters print bare; others are quoted with C-style escapes.</summary>
    public static string Quote(string name, bool force = false)
    {
        if (!force && name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '$'))
            return name;
        var sb = new StringBuilder("\"");
        foreach (var c in name)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20 || c > 0x7e) sb.Append("\\u").Append(((int)c).ToString("x4"));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
