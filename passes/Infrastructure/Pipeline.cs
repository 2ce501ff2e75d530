using Testbed.IR;

namespace Testbed.Passes;

/// <summary>One pass as it occurs in a pipeline: its description, the configured instance, and the text that named it.</summary>
public sealed record PassInstance(PassInfo Info, object Pass, string Text)
{
    public string Name => Info.Name;
}

/// <summary>A step of a resolved pipeline: what the pass manager runs at module level.</summary>
public abstract record PipelineStep;

/// <summary>A module pass, run once on the whole module.</summary>
public sealed record ModulePassStep(PassInstance Pass) : PipelineStep;

/// <summary>Function passes run as a group on each function with a body in turn (LLVM's function adaptor).</summary>
public sealed record FunctionPassesStep(IReadOnlyList<PassInstance> Passes) : PipelineStep;

/// <summary>
/// A pipeline with every name resolved and every parameter parsed: the Testbed steps, and the LLVM
/// pipeline (the text of llvm(...)) to run after lowering, if any.
/// </summary>
public sealed class Pipeline
{
    private Pipeline(PipelineSource source, IReadOnlyList<PipelineStep> steps, string? llvm, int llvmColumn, bool llvmPerLayer = false)
    {
        LlvmPerLayer = llvmPerLayer;
        Source = source;
        Steps = steps;
        Llvm = llvm;
        LlvmColumn = llvmColumn;
    }

    public PipelineSource Source { get; }
    public IReadOnlyList<PipelineStep> Steps { get; }
    /// <summary>The text inside llvm(...), for LLVMRunPasses; null when the pipeline has none (LLVM then runs no passes).</summary>
    public string? Llvm { get; }
    /// <summary>Where the text of llvm(...) starts in <see cref="Source"/>, for LLVM's complaints about it.</summary>
    public int LlvmColumn { get; }
    /// <summary>llvm&lt;per-layer&gt;(...): one LLVM module per layer, each optimised alone, linked without LTO.</summary>
    public bool LlvmPerLayer { get; }

    public static Pipeline Empty { get; } = new(new PipelineSource("--passes", ""), Array.Empty<PipelineStep>(), null, 0);

    public IEnumerable<PassInstance> Passes => Steps.SelectMany(s => s switch
    {
        ModulePassStep m => new[] { m.Pass },
        FunctionPassesStep f => f.Passes,
        _ => throw new InvalidOperationException(s.GetType().Name),
    });

    /// <summary>The library-OS exports the passes of this pipeline need imported (<see cref="PassAttribute.RuntimeSupport"/>).</summary>
    public IReadOnlyList<string> RuntimeSupport => Passes.SelectMany(p => p.Info.RuntimeSupport).Distinct().ToList();

    /// <summary>
    /// This pipeline with <paramref name="pass"/> (default parameters) after its Testbed steps and before
    /// llvm(...): how a flag such as --count-layer-calls adds a pass to whatever pipeline was chosen.
    /// </summary>
    public Pipeline ThenRun(PassInfo pass)
    {
        var instance = new PassInstance(pass, pass.Create(new Dictionary<PassParameterInfo, object>()), pass.Name);
        PipelineStep step = pass.Kind == PassKind.Module ? new ModulePassStep(instance) : new FunctionPassesStep(new[] { instance });
        return new Pipeline(Source, Steps.Append(step).ToList(), Llvm, LlvmColumn, LlvmPerLayer);
    }

    /// <summary>The pipeline with its implicit structure spelled out: bare function passes appear inside function(...).</summary>
    public override string ToString()
    {
        var parts = Steps.Select(s => s switch
        {
            ModulePassStep m => m.Pass.Text,
            FunctionPassesStep f => $"function({string.Join(",", f.Passes.Select(p => p.Text))})",
            _ => throw new InvalidOperationException(s.GetType().Name),
        }).ToList();
        if (Llvm is not null) parts.Add(LlvmPerLayer ? $"llvm<per-layer>({Llvm})" : $"llvm({Llvm})");
        return string.Join(",", parts);
    }

    /// <exception cref="DiagnosticException">TB5001..TB5004 with the column of the offending text.</exception>
    public static Pipeline Parse(PipelineSource source, PassRegistry registry)
    {
        var nodes = PipelineSyntax.Parse(source);
        var resolver = new Resolver(source, registry);
        var steps = new List<PipelineStep>();
        string? llvm = null;
        int llvmColumn = 0;
        bool llvmPerLayer = false;
        for (int k = 0; k < nodes.Count; k++)
        {
            if (nodes[k] is LlvmNode l)
            {
                if (k != nodes.Count - 1)
                    throw PipelineErrors.At(PipelineErrors.Misplaced, source, nodes[k + 1].Column,
                        "llvm(...) must be the last element: LLVM's passes run after Testbed's, on the lowered module");
                llvm = l.Text;
                llvmColumn = l.TextColumn;
                llvmPerLayer = l.PerLayer;
                continue;
            }
            resolver.AddModuleLevel(nodes[k], steps);
        }
        resolver.Flush(steps);
        return new Pipeline(source, steps, llvm, llvmColumn, llvmPerLayer);
    }

    private sealed class Resolver
    {
        private readonly PipelineSource source;
        private readonly PassRegistry registry;
        // Consecutive bare function passes share one function adaptor, as in LLVM.
        private readonly List<PassInstance> pendingFunctionPasses = new();

        public Resolver(PipelineSource source, PassRegistry registry)
        {
            this.source = source;
            this.registry = registry;
        }

        private DiagnosticException Error(string code, int column, string message) => PipelineErrors.At(code, source, column, message);

        public void Flush(List<PipelineStep> steps)
        {
            if (pendingFunctionPasses.Count == 0) return;
            steps.Add(new FunctionPassesStep(pendingFunctionPasses.ToList()));
            pendingFunctionPasses.Clear();
        }

        public void AddModuleLevel(PipelineNode node, List<PipelineStep> steps)
        {
            switch (node)
            {
                case LlvmNode:
                    throw Error(PipelineErrors.Misplaced, node.Column, "llvm(...) belongs at the top level, after Testbed's passes");
                case PassNode { Name: "module", Children: { } children } m:
                    RejectParameters(m);
                    foreach (var child in children) AddModuleLevel(child, steps);
                    return;
                case PassNode { Name: "function", Children: { } children } f:
                    RejectParameters(f);
                    Flush(steps);
                    steps.Add(new FunctionPassesStep(children.Select(FunctionLevel).ToList()));
                    return;
                case PassNode p:
                    var pass = Resolve(p);
                    if (pass.Info.Kind == PassKind.Function)
                    {
                        pendingFunctionPasses.Add(pass);
                        return;
                    }
                    Flush(steps);
                    steps.Add(new ModulePassStep(pass));
                    return;
            }
        }

        private PassInstance FunctionLevel(PipelineNode node)
        {
            if (node is LlvmNode) throw Error(PipelineErrors.Misplaced, node.Column, "llvm(...) belongs at the top level, after Testbed's passes");
            var p = (PassNode)node;
            if (p.Name is "module" or "function" && p.Children is not null)
                throw Error(PipelineErrors.Misplaced, p.Column, $"{p.Name}(...) cannot be nested inside function(...)");
            var pass = Resolve(p);
            if (pass.Info.Kind == PassKind.Module)
                throw Error(PipelineErrors.Misplaced, p.Column,
                    $"'{p.Name}' is a module pass: it cannot run inside function(...); write module({p.Name}) or list it at the top level");
            return pass;
        }

        private void RejectParameters(PassNode node)
        {
            if (node.Parameters.Count > 0)
                throw Error(PipelineErrors.BadParameter, node.Parameters[0].KeyColumn, $"{node.Name}(...) takes no parameters");
        }

        private PassInstance Resolve(PassNode node)
        {
            if (node.Children is not null)
                throw Error(PipelineErrors.Misplaced, node.Column, node.Name is "cgscc" or "loop"
                    ? $"{node.Name}(...) is LLVM's; Testbed pipelines nest module(...) and function(...), and LLVM's passes go inside llvm(...)"
                    : $"only module(...), function(...) and llvm(...) take a nested pipeline; '{node.Name}' is a pass");
            if (node.Name is "module" or "function")
                throw Error(PipelineErrors.Syntax, node.EndColumn, $"{node.Name} must be followed by a nested pipeline: {node.Name}(...)");
            var info = registry.Find(node.Name) ?? throw Error(PipelineErrors.UnknownPass, node.Column, UnknownPassMessage(node.Name));
            var arguments = new Dictionary<PassParameterInfo, object>();
            foreach (var parameter in node.Parameters)
            {
                var p = info.FindParameter(parameter.Key);
                if (p is null)
                {
                    var names = info.Parameters.Select(q => q.Name).ToList();
                    throw Error(PipelineErrors.BadParameter, parameter.KeyColumn,
                        $"pass '{info.Name}' has no parameter '{parameter.Key}'"
                        + EditDistance.Suggestion(EditDistance.CloseMatches(parameter.Key, names))
                        + (names.Count == 0 ? " (it takes none)" : $" (it takes: {string.Join(", ", names)})"));
                }
                if (arguments.ContainsKey(p))
                    throw Error(PipelineErrors.BadParameter, parameter.KeyColumn, $"parameter '{p.Name}' of '{info.Name}' is given twice");
                if (parameter.Value is null && p.Type != typeof(bool))
                    throw Error(PipelineErrors.BadParameter, parameter.KeyColumn, $"parameter '{p.Name}' of '{info.Name}' needs a value: {p.Name}=<{p.TypeName}>");
                var value = p.TryParse(parameter.Value ?? "", out var error);
                if (value is null)
                    throw Error(PipelineErrors.BadParameter, parameter.ValueColumn, $"parameter '{p.Name}' of '{info.Name}': {error}");
                arguments[p] = value;
            }
            return new PassInstance(info, info.Create(arguments), source.Text[node.Column..node.EndColumn]);
        }

        private string UnknownPassMessage(string name)
        {
            var message = $"unknown pass '{name}'" + EditDistance.Suggestion(registry.CloseMatches(name));
            if (name == "default")
                return message + " (Testbed's default pipelines are -O0..-O3; LLVM's default<On> goes inside llvm(...))";
            return message + " (`testbed opt --help` lists the passes)";
        }
    }
}
