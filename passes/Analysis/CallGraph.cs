using QuikGraph;
using QuikGraph.Algorithms;
using Testbed.IR;

namespace Testbed.Passes;

/// <summary>One call site: the edge from the calling function to the called one.</summary>
public sealed class CallEdge : IEdge<Function>
{
    public CallEdge(Function caller, Function callee, Instruction call)
    {
        Source = caller;
        Target = callee;
        Call = call;
    }

    public Function Source { get; }
    public Function Target { get; }
    public Instruction Call { get; }
}

/// <summary>
/// The module's direct calls as a graph: one vertex per function (declarations included), one edge per
/// call site, so that a function calling another twice has two edges. Recomputed when a pass does not
/// preserve it; a pass that adds or removes calls must not.
/// </summary>
public sealed class CallGraph : IModuleAnalysis<CallGraph>
{
    private readonly Dictionary<Function, int> component = new();
    private readonly int[] componentSize;

    private CallGraph(BidirectionalGraph<Function, CallEdge> graph)
    {
        Graph = graph;
        int count = graph.StronglyConnectedComponents(component);
        componentSize = new int[count];
        foreach (var c in component.Values) componentSize[c]++;
        BottomUp = OrderComponents(graph, component, count);
    }

    public BidirectionalGraph<Function, CallEdge> Graph { get; }

    /// <summary>Strongly connected components, callees before their callers: the order a bottom-up inliner visits.</summary>
    public IReadOnlyList<IReadOnlyList<Function>> BottomUp { get; }

    public static CallGraph Compute(Module module, AnalysisManager analyses)
    {
        var graph = new BidirectionalGraph<Function, CallEdge>(allowParallelEdges: true);
        graph.AddVertexRange(module.Functions);
        foreach (var caller in module.Functions)
            foreach (var i in caller.Instructions)
                if (i.Opcode == Opcode.Call && i.Callee is { } callee)
                    graph.AddVerticesAndEdge(new CallEdge(caller, callee, i));
        return new CallGraph(graph);
    }

    public IEnumerable<CallEdge> CallSitesIn(Function caller) => Graph.ContainsVertex(caller) ? Graph.OutEdges(caller) : Enumerable.Empty<CallEdge>();

    public IEnumerable<CallEdge> CallersOf(Function callee) => Graph.ContainsVertex(callee) ? Graph.InEdges(callee) : Enumerable.Empty<CallEdge>();

    /// <summary>True if <paramref name="function"/> can reach itself through calls.</summary>
    public bool IsRecursive(Function function) =>
        CallSitesIn(function).Any(e => e.Target == function)
        || (component.TryGetValue(function, out var c) && componentSize[c] > 1);

    private static IReadOnlyList<IReadOnlyList<Function>> OrderComponents(BidirectionalGraph<Function, CallEdge> graph,
        Dictionary<Function, int> membership, int count)
    {
        var members = Enumerable.Range(0, count).Select(_ => new List<Function>()).ToArray();
        foreach (var f in graph.Vertices) members[membership[f]].Add(f);
        var condensed = new AdjacencyGraph<int, SEdge<int>>();
        condensed.AddVertexRange(Enumerable.Range(0, count));
        foreach (var e in graph.Edges)
            if (membership[e.Source] != membership[e.Target])
                condensed.AddEdge(new SEdge<int>(membership[e.Source], membership[e.Target]));
        // A topological order puts callers first; bottom-up is its reverse.
        return condensed.TopologicalSort().Reverse().Select(c => (IReadOnlyList<Function>)members[c]).ToList();
    }
}
