using QuikGraph;
using Testbed.IR;

namespace Testbed.Passes;

/// <summary>Call sites from functions of one layer to functions of another (or the same) layer.</summary>
public sealed class LayerEdge : IEdge<string>
{
    public LayerEdge(string caller, string callee, int callSites)
    {
        Source = caller;
        Target = callee;
        CallSites = callSites;
    }

    public string Source { get; }
    public string Target { get; }
    public int CallSites { get; }
    public bool CrossesLayers => Source != Target;
}

/// <summary>
/// The call graph folded onto layers (app, corlib, libos.&lt;component&gt;): the research question of
/// this project is what optimisation does to the calls that cross them. One edge per ordered pair
/// of layers, weighted by call sites.
/// </summary>
public sealed class LayerGraph : IModuleAnalysis<LayerGraph>
{
    private LayerGraph(AdjacencyGraph<string, LayerEdge> graph) { Graph = graph; }

    public AdjacencyGraph<string, LayerEdge> Graph { get; }

    /// <summary>Call sites whose caller and callee are in different layers.</summary>
    public int CrossLayerCallSites => Graph.Edges.Where(e => e.CrossesLayers).Sum(e => e.CallSites);

    /// <summary>The layer pairs that calls cross, most call sites first.</summary>
    public IReadOnlyList<LayerEdge> CrossLayerEdges =>
        Graph.Edges.Where(e => e.CrossesLayers)
            .OrderByDescending(e => e.CallSites).ThenBy(e => e.Source, StringComparer.Ordinal).ThenBy(e => e.Target, StringComparer.Ordinal)
            .ToList();

    public static LayerGraph Compute(Module module, AnalysisManager analyses)
    {
        var calls = analyses.GetModule<CallGraph>(module);
        var graph = new AdjacencyGraph<string, LayerEdge>(allowParallelEdges: false);
        graph.AddVertexRange(module.Functions.Select(f => f.Layer).Distinct());
        foreach (var pair in calls.Graph.Edges.GroupBy(e => (e.Source.Layer, e.Target.Layer)))
            graph.AddVerticesAndEdge(new LayerEdge(pair.Key.Item1, pair.Key.Item2, pair.Count()));
        return new LayerGraph(graph);
    }
}
