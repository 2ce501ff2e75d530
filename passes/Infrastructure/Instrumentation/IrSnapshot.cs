using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// The printed text of a module, one entry per function plus one ("module") for everything else
/// (structs, classes, globals, the entry point), so that changes can be reported function by function.
/// </summary>
public sealed class IrSnapshot
{
    public const string ModuleLevel = "module";

    private IrSnapshot(Dictionary<string, string> texts) { Texts = texts; }

    /// <summary>Function name (or <see cref="ModuleLevel"/>) → text, in module order.</summary>
    public IReadOnlyDictionary<string, string> Texts { get; }

    public static IrSnapshot Of(Function function, StableNumbering? numbering = null) =>
        new(new Dictionary<string, string> { [function.Name] = Printer.Print(function, numbering) });

    public static IrSnapshot Of(Module module, StableNumbering? numbering = null)
    {
        var texts = new Dictionary<string, string> { [ModuleLevel] = Printer.Print(WithoutFunctions(module)) };
        // Two functions of one name are the verifier's to report; here the later one wins.
        foreach (var f in module.Functions) texts[f.Name] = Printer.Print(f, numbering);
        return new IrSnapshot(texts);
    }

    /// <summary>Names whose text differs between the two snapshots (added and removed ones included), in order.</summary>
    public IEnumerable<string> Changed(IrSnapshot after) =>
        Texts.Keys.Concat(after.Texts.Keys.Where(k => !Texts.ContainsKey(k)))
            .Where(k => Texts.GetValueOrDefault(k) != after.Texts.GetValueOrDefault(k));

    private static Module WithoutFunctions(Module module)
    {
        var shell = new Module(module.Name) { EntryPoint = module.EntryPoint };
        shell.Structs.AddRange(module.Structs);
        shell.Classes.AddRange(module.Classes);
        shell.Globals.AddRange(module.Globals);
        return shell;
    }
}
