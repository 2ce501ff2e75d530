using BenchmarkDotNet.Attributes;
using Testbed.Backend.Llvm;
using Testbed.Backend.Lowering;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Frontend;
using Testbed.IR;

namespace Testbed.Bench.Compile;

/// <summary>
/// Each compiler stage over the largest program in the tree (the corpus program or benchmark app with
/// the most IR), for the pvh target. Later stages include the earlier in-memory steps they need
/// (lowering needs a fresh module), so compare each row with the one before it.
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private string app = "";
    private IReadOnlyList<string> libraries = Array.Empty<string>();
    private Module imported = null!;

    /// <summary>Name of the program measured, shown in the results.</summary>
    [ParamsSource(nameof(Programs))]
    public string Program { get; set; } = "";

    public static IEnumerable<string> Programs() => new[] { LargestProgram.Name(LargestProgram.Find()) };

    [GlobalSetup]
    public void Setup()
    {
        var layout = RepositoryLayout.Locate();
        libraries = new BuildDriver(layout).LibraryAssemblies(Target.Pvh);
        app = LargestProgram.Compile(layout, LargestProgram.Find(), libraries[0]);
        imported = Compilation.Import(app, libraries);
    }

    [Benchmark(Description = "import IL to IR")]
    public Module Import() => Compilation.Import(app, libraries);

    [Benchmark(Description = "verify IR")]
    public int Verify() => Verifier.Verify(imported).Count;

    [Benchmark(Description = "import + lower to LLVM")]
    public string Lower() => WithLoweredModule((llvm, _) => llvm.Triple);

    [Benchmark(Description = "import + lower + LLVM default<O2>")]
    public string? Optimise() => WithLoweredModule((llvm, machine) => llvm.TryRunPasses("default<O2>", machine));

    [Benchmark(Description = "import + lower + O2 + emit object")]
    public int Emit() => WithLoweredModule((llvm, machine) =>
    {
        llvm.TryRunPasses("default<O2>", machine);
        return llvm.EmitObjectToBytes(machine).Length;
    });

    private T WithLoweredModule<T>(Func<LlvmModule, LlvmTargetMachine, T> work)
    {
        var module = Compilation.Import(app, libraries);
        using var context = new LlvmContext();
        using var llvm = context.CreateModule(module.Name);
        using var machine = Target.Pvh.CreateTargetMachine();
        Target.Pvh.PrepareModule(llvm, machine);
        ModuleLowering.Lower(module, llvm, new LoweringOptions(Target.Pvh.RequiredFunctionAttributes));
        return work(llvm, machine);
    }
}
