using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// `testbed run --profile` (docs/profiling.md): calls the library OS's <c>tb_profiler_start</c> first
/// thing in the entry point, which reads the rate from the environment (linux) or the kernel command
/// line (pvh) and starts sampling. The export is compiled only into images that import it
/// (<see cref="PassAttribute.RuntimeSupport"/>, <c>WhenImported</c>), so images built without
/// --profile carry none of the profiler: no set-up, no handler, no exit report.
/// </summary>
[Pass(Name, Description = "Start the library OS's sampling profiler at the top of the entry point (run --profile adds it)",
    RuntimeSupport = new[] { StartSymbol })]
public sealed class StartProfiler : IModulePass
{
    public const string Name = "start-profiler";
    /// <summary>The library OS's <c>void ()</c>.</summary>
    public const string StartSymbol = "tb_profiler_start";

    public PreservedAnalyses Run(Module module, PassContext context)
    {
        var start = module.Functions.FirstOrDefault(f => f.ExportName == StartSymbol);
        var entry = module.EntryPoint;
        if (entry is not { IsDeclaration: false } || start is null)
        {
            if (module.Functions.FirstOrDefault(f => !f.IsDeclaration) is { } anchor)
                context.Remark(RemarkKind.Missed, anchor, entry is null
                    ? "the module has no entry point: nothing starts the profiler"
                    : $"the module has no {StartSymbol} (the library OS's profiler): nothing will be sampled");
            return PreservedAnalyses.All;
        }
        if (start.ReturnType != IrType.Void || start.ParameterTypes.Count != 0)
            throw new InvalidOperationException($"{StartSymbol} is ({string.Join(", ", start.ParameterTypes)}) -> {start.ReturnType}; {Name} calls it as () -> void");
        if (entry.Entry.Instructions.FirstOrDefault() is { Opcode: Opcode.Call } first && first.Callee == start) return PreservedAnalyses.All;
        entry.Entry.Insert(0, new Instruction(Opcode.Call, IrType.Void) { Callee = start });
        context.Count("profiler starts added", 1);
        // A call was added: the call graph changed, the control flow did not.
        return PreservedAnalyses.ControlFlow;
    }
}
