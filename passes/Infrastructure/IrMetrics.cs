using Testbed.IR;

namespace Testbed.Passes;

public sealed record LayerCounts(int Functions, int Instructions);

/// <summary>
/// The key a per-layer report counts a function under: its layer, except for the module's entry point.
/// The entry point (<c>tb_app_main</c>) is glue the compiler synthesises, tagged with the app's layer
/// so that it may call Main and inline it; counting it as the application's code would make a program
/// look bigger than what its author wrote, and after inlining it may hold Main's body, so it belongs to
/// no single layer either. Reports list it apart, under <see cref="EntryPoint"/>.
/// </summary>
public static class ReportedLayer
{
    /// <summary>Not a layer name (layers are app, corlib and libos.&lt;component&gt;): the same shape as count-layer-calls' "(indirect)".</summary>
    public const string EntryPoint = "(entry)";

    public static string Of(Module module, Function function) =>
        function == module.EntryPoint ? EntryPoint : function.Layer;
}

/// <summary>Call sites from functions of one layer to functions of another.</summary>
public sealed record LayerPair(string Caller, string Callee, int CallSites);

/// <summary>
/// How much IR there is and how much of it calls across layers (--metrics): instructions by opcode and
/// by layer (the entry point apart: <see cref="ReportedLayer"/>), and the direct call sites whose caller and callee are in different layers, by pair of
/// layers. Virtual, interface and indirect calls, whose callee is known only when they run, are
/// counted apart (<see cref="IndirectCallSites"/>).
/// </summary>
public sealed record IrMeasurement(
    int Functions, int Instructions,
    IReadOnlyDictionary<string, int> ByOpcode, IReadOnlyDictionary<string, LayerCounts> ByLayer,
    int CallSites, int CrossLayerCallSites, IReadOnlyList<LayerPair> CrossLayerPairs, int IndirectCallSites)
{
    /// <summary>Counts the instructions of every function with a body; declarations are not counted.</summary>
    public static IrMeasurement Of(Module module)
    {
        var byOpcode = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var byLayer = new SortedDictionary<string, LayerCounts>(StringComparer.Ordinal);
        int functions = 0, instructions = 0, indirect = 0;
        foreach (var f in module.Functions.Where(f => !f.IsDeclaration))
        {
            int count = 0;
            foreach (var i in f.Instructions)
            {
                var key = i.Opcode.Mnemonic();
                byOpcode[key] = byOpcode.GetValueOrDefault(key) + 1;
                if (i.Opcode.IsCall() && i.Opcode != Opcode.Call) indirect++;
                count++;
            }
            var reportedLayer = ReportedLayer.Of(module, f);
            var layer = byLayer.GetValueOrDefault(reportedLayer) ?? new LayerCounts(0, 0);
            byLayer[reportedLayer] = new LayerCounts(layer.Functions + 1, layer.Instructions + count);
            functions++;
            instructions += count;
        }
        var layers = new AnalysisManager(module).GetModule<LayerGraph>(module);
        return new IrMeasurement(functions, instructions, byOpcode, byLayer,
            layers.Graph.Edges.Sum(e => e.CallSites), layers.CrossLayerCallSites,
            layers.CrossLayerEdges.Select(e => new LayerPair(e.Source, e.Target, e.CallSites)).ToList(), indirect);
    }
}
