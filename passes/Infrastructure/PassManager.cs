using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// Hooks around every pass run, as LLVM's pass instrumentation: printing, diffing, timing and
/// verification observe the pipeline without the pass manager knowing about any of them.
/// <paramref name="function"/> is null for a module pass.
/// </summary>
public interface IPassInstrumentation
{
    void BeforePass(PassInstance pass, Module module, Function? function) { }
    void AfterPass(PassInstance pass, Module module, Function? function, PreservedAnalyses preserved) { }
}

/// <summary>
/// Runs a pipeline's steps in order. Module passes run once; a group of function passes runs on each
/// function with a body, all passes of the group on one function before the next function. Before each
/// pass it sets <see cref="PassContext.CurrentPass"/>; after it, drops the analyses the pass did not preserve.
/// Instrumentations see BeforePass in the order given and AfterPass in reverse, so the first one given
/// is the outermost (a timer given last measures the pass alone).
/// </summary>
public sealed class PassManager
{
    private readonly Pipeline pipeline;
    private readonly IReadOnlyList<IPassInstrumentation> instrumentations;

    public PassManager(Pipeline pipeline, IEnumerable<IPassInstrumentation>? instrumentations = null)
    {
        this.pipeline = pipeline;
        this.instrumentations = instrumentations?.ToList() ?? new List<IPassInstrumentation>();
    }

    public void Run(PassContext context)
    {
        foreach (var step in pipeline.Steps)
        {
            switch (step)
            {
                case ModulePassStep m:
                    RunModulePass(m.Pass, context);
                    break;
                case FunctionPassesStep f:
                    // A function pass must not add or remove functions; the snapshot makes a violation harmless here.
                    foreach (var function in context.Module.Functions.Where(fn => !fn.IsDeclaration).ToList())
                        foreach (var pass in f.Passes)
                            RunFunctionPass(pass, function, context);
                    break;
                default:
                    throw new InvalidOperationException($"unknown pipeline step {step.GetType().Name}");
            }
        }
    }

    private void RunModulePass(PassInstance pass, PassContext context)
    {
        Before(pass, context.Module, null);
        context.CurrentPass = pass.Name;
        var preserved = ((IModulePass)pass.Pass).Run(context.Module, context);
        context.CurrentPass = "";
        context.Analyses.Invalidate(preserved);
        After(pass, context.Module, null, preserved);
    }

    private void RunFunctionPass(PassInstance pass, Function function, PassContext context)
    {
        Before(pass, context.Module, function);
        context.CurrentPass = pass.Name;
        var preserved = ((IFunctionPass)pass.Pass).Run(function, context);
        context.CurrentPass = "";
        context.Analyses.Invalidate(function, preserved);
        After(pass, context.Module, function, preserved);
    }

    private void Before(PassInstance pass, Module module, Function? function)
    {
        foreach (var i in instrumentations) i.BeforePass(pass, module, function);
    }

    private void After(PassInstance pass, Module module, Function? function, PreservedAnalyses preserved)
    {
        for (int k = instrumentations.Count - 1; k >= 0; k--) instrumentations[k].AfterPass(pass, module, function, preserved);
    }
}
