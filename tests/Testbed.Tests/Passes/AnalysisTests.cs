using Testbed.IR;
using Testbed.Passes;
using Xunit;

namespace Testbed.Tests.Passes;

/// <summary>The call graph and the layer graph, and the IR measurements --metrics reports from them.</summary>
public sealed class AnalysisTests
{
    private const string Layered = """
        module layered

        declare @"write"(i32) -> void layer libos.drivers.serial import tb_write

        func @main() -> i32 layer app {
        entry:
          %n = const i32 4
          %a = call i32 @"even", %n
          %b = call i32 @"leaf", %n
          call void @"write", %b
          ret %a
        }

        func @even(i32) -> i32 layer corlib {
        entry(%x: i32):
          %r = call i32 @"odd", %x
          ret %r
        }

        func @odd(i32) -> i32 layer corlib {
        entry(%x: i32):
          %r = call i32 @"even", %x
          %s = call i32 @"leaf", %r
          ret %s
        }

        func @leaf(i32) -> i32 layer corlib {
        entry(%x: i32):
          ret %x
        }
        """;

    private static Module Module() => Parser.ParseModule(Layered, "layered.tbir");

    [Fact]
    public void TheCallGraphHasOneEdgePerCallSite()
    {
        var module = Module();
        var graph = new AnalysisManager(module).GetModule<CallGraph>(module);
        Assert.Equal(6, graph.Graph.EdgeCount);
        var main = module.FindFunction("main")!;
        Assert.Equal(new[] { "even", "leaf", "write" }, graph.CallSitesIn(main).Select(e => e.Target.Name));
        Assert.Equal(new[] { "main", "odd" }, graph.CallersOf(module.FindFunction("leaf")!).Select(e => e.Source.Name).Order());
    }

    [Fact]
    public void BottomUpVisitsCalleesFirstAndKeepsCyclesTogether()
    {
        var module = Module();
        var graph = new AnalysisManager(module).GetModule<CallGraph>(module);
        var order = graph.BottomUp.Select(scc => string.Join("+", scc.Select(f => f.Name).Order())).ToList();
        Assert.Equal(4, order.Count);
        Assert.True(order.IndexOf("leaf") < order.IndexOf("even+odd"));
        Assert.True(order.IndexOf("write") < order.IndexOf("main"));
        Assert.Equal("main", order[^1]);
        Assert.True(graph.IsRecursive(module.FindFunction("even")!));
        Assert.False(graph.IsRecursive(module.FindFunction("leaf")!));
    }

    [Fact]
    public void TheLayerGraphCountsCallSitesByPairOfLayers()
    {
        var module = Module();
        var layers = new AnalysisManager(module).GetModule<LayerGraph>(module);
        Assert.Equal(3, layers.CrossLayerCallSites);
        Assert.Equal(new[] { ("app", "corlib", 2), ("app", "libos.drivers.serial", 1) },
            layers.CrossLayerEdges.Select(e => (e.Source, e.Target, e.CallSites)));
        Assert.Equal(3, layers.Graph.Edges.Single(e => !e.CrossesLayers).CallSites);
    }

    [Fact]
    public void MeasurementsCountInstructionsByOpcodeAndLayer()
    {
        var m = IrMeasurement.Of(Module());
        Assert.Equal((4, 11), (m.Functions, m.Instructions));
        Assert.Equal(6, m.ByOpcode["call"]);
        Assert.Equal(4, m.ByOpcode["ret"]);
        Assert.Equal(new LayerCounts(1, 5), m.ByLayer["app"]);
        Assert.Equal(new LayerCounts(3, 6), m.ByLayer["corlib"]);
        Assert.Equal((6, 3), (m.CallSites, m.CrossLayerCallSites));
        Assert.Equal(new LayerPair("app", "corlib", 2), m.CrossLayerPairs[0]);
    }
}
