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
    [Fact]
    public void MeasurementsListTheEntryPointApartFromTheApplication()
    {
        // The same module, with the glue the frontend synthesises: tb_app_main, tagged app, calling Main.
        var module = Parser.ParseModule(Layered + """

            func @tb_app_main() -> i32 layer app export tb_app_main {
            entry:
              %r = call i32 @"main"
              ret %r
            }

            entry @tb_app_main
            """, "layered.tbir");
        var m = IrMeasurement.Of(module);
        Assert.Equal(new LayerCounts(1, 5), m.ByLayer["app"]);
        Assert.Equal(new LayerCounts(1, 2), m.ByLayer[ReportedLayer.EntryPoint]);
        Assert.Equal(m.Instructions, m.ByLayer.Values.Sum(l => l.Instructions));
        Assert.Equal(ReportedLayer.EntryPoint, ReportedLayer.Of(module, module.FindFunction("tb_app_main")!));
        Assert.Equal("app", ReportedLayer.Of(module, module.FindFunction("main")!));
    }

    private const string Buffers = """
        module buffers

        class "System.Byte[]" size 16 component i8 1 layer corlib {
        }

        global @cache : obj layer app

        func @send(obj) -> void layer app {
        entry(%a: obj):
          %n = arraylength i32 %a
          ret
        }

        func @main(i32) -> void layer app {
        entry(%x: i32):
          %n = const i32 64
          %local = newarray obj "System.Byte[]", %n
          %kept = newarray obj "System.Byte[]", %n
          %g = globaladdr ptr @cache
          store %kept, %g
          call void @send, %local
          br loop
        loop:
          %e = elementaddr ptr i8, %local, %x
          %v = load i8 %e
          call void @send, %local
          %more = icmp slt bool %x, %n
          condbr %more, loop, done
        done:
          ret
        }
        """;

    [Fact]
    public void EscapeAnalysisAnswersThroughTheAnalysisManager()
    {
        var module = Parser.ParseModule(Buffers, "buffers.tbir");
        var analyses = new AnalysisManager(module);
        FunctionAttrs.Infer(module, analyses.GetModule<CallGraph>(module));
        var main = module.FindFunction("main")!;
        var escape = analyses.Get<EscapeAnalysis>(main);
        Assert.Same(escape, analyses.Get<EscapeAnalysis>(main));

        var (local, kept) = (escape.Allocations[0], escape.Allocations[1]);
        Assert.False(escape.Escapes(local));
        Assert.Equal("stored to memory", escape.FindEscape(kept)!.Value.Reason);

        var calls = main.Instructions.Where(i => i.Opcode == Opcode.Call).ToList();
        // The second call is in the loop: the load at its head runs after it.
        var after = escape.FindUseAfter(calls[1], local);
        Assert.Equal((Opcode.Load, PointerUseKind.Read), (after!.Value.At.Opcode, after.Value.Kind));
        Assert.True(escape.IsUsedAfter(calls[0], local));
        Assert.Contains(main.Instructions.First(i => i.Opcode == Opcode.ElementAddr), escape.Flow(local).Holders);
        Assert.Throws<ArgumentException>(() => escape.FindUseAfter(module.FindFunction("send")!.Entry.Terminator!, local));
    }

    [Fact]
    public void FunctionAttrsSummarisesWhatItFound()
    {
        var module = Parser.ParseModule(Buffers, "buffers.tbir");
        var summary = FunctionAttrs.Infer(module, new AnalysisManager(module).GetModule<CallGraph>(module));
        Assert.Equal((2, 1, 1), (summary.Functions, summary.Unknown, summary.ByMemory["memory(argmem: read)"]));
        Assert.Equal((1, 1, 1, 1), (summary.PointerParameters, summary.NoCapture, summary.ReadOnly, summary.NoAlias));
    }
}
