using BenchmarkDotNet.Attributes;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Frontend;
using Testbed.IR;
using Testbed.Passes;

namespace Testbed.Bench.Compile;

/// <summary>
/// Each built-in pass alone, over the largest program in the tree. Passes rewrite the module, so
/// every invocation gets a freshly imported one; the passes that work on SSA form (everything but
/// mem2reg) get it after mem2reg, as in -O2. Only the measured pass is inside the timing.
/// </summary>
[MemoryDiagnoser]
public class PassBenchmarks
{
    private string app = "";
    private IReadOnlyList<string> libraries = Array.Empty<string>();
    private Module module = null!;
    private PassSession session = null!;

    [ParamsSource(nameof(Programs))]
    public string Program { get; set; } = "";

    [ParamsSource(nameof(PassNames))]
    public string Pass { get; set; } = "";

    public static IEnumerable<string> Programs() => new[] { LargestProgram.Name(LargestProgram.Find()) };

    public static IEnumerable<string> PassNames() => PassRegistry.BuiltIn.Passes.Select(p => p.Name);

    [GlobalSetup]
    public void Setup()
    {
        var layout = RepositoryLayout.Locate();
        libraries = new BuildDriver(layout).LibraryAssemblies(Target.Pvh);
        app = LargestProgram.Compile(layout, LargestProgram.Find(), libraries[0]);
        session = PassSession.Create(PipelineOptions.FromText(Pass));
    }

    [IterationSetup]
    public void FreshModule()
    {
        module = Compilation.Import(app, libraries);
        if (Pass != "mem2reg")
            PassSession.Create(PipelineOptions.FromText("mem2reg")).Run(module, TextWriter.Null);
    }

    [Benchmark(Description = "run the pass over every function")]
    public int Run()
    {
        session.Run(module, TextWriter.Null);
        return module.Functions.Count;
    }
}
