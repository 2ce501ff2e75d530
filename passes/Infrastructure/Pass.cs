using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// Marks a class as a pass and names it for pipelines (<c>--passes=function(dce)</c>). The class
/// implements <see cref="IModulePass"/> or <see cref="IFunctionPass"/>, has a public parameterless
/// constructor, and exposes its parameters as properties marked <see cref="PassParameterAttribute"/>.
/// Passes are found by this attribute in the compiler's own assemblies and in those given to
/// <c>--load-pass-plugin</c>.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class PassAttribute : Attribute
{
    public PassAttribute(string name) { Name = name; }

    public string Name { get; }
    /// <summary>One line, shown by <c>testbed opt --help</c>.</summary>
    public string Description { get; init; } = "";
    /// <summary>
    /// Symbols of <c>[RuntimeExport(..., WhenImported = true)]</c> library-OS methods that the code the
    /// pass inserts calls. A build imports them as roots when the pass is in its pipeline, so that
    /// images built without the pass carry none of that code (docs/runtime-contract.md).
    /// </summary>
    public string[] RuntimeSupport { get; init; } = Array.Empty<string>();
}

/// <summary>A pass parameter, written <c>name=value</c> inside the angle brackets: <c>inline&lt;threshold=200&gt;</c>.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class PassParameterAttribute : Attribute
{
    public PassParameterAttribute(string name) { Name = name; }

    public string Name { get; }
    public string Description { get; init; } = "";
}

/// <summary>A pass over the whole module (inlining, devirtualisation: anything that looks across functions).</summary>
public interface IModulePass
{
    PreservedAnalyses Run(Module module, PassContext context);
}

/// <summary>A pass over one function at a time; the pass manager runs it on every function with a body.</summary>
public interface IFunctionPass
{
    PreservedAnalyses Run(Function function, PassContext context);
}

/// <summary>
/// What a pass leaves valid. A pass that changed nothing returns <see cref="All"/>; the analysis
/// manager drops every cached result not preserved, and the pass manager takes anything but All as
/// "changed" (for --print-changed).
/// </summary>
public sealed class PreservedAnalyses
{
    private readonly HashSet<Type> preserved;
    private readonly bool all;

    private PreservedAnalyses(bool all, IEnumerable<Type> preserved)
    {
        this.all = all;
        this.preserved = new HashSet<Type>(preserved);
    }

    public static PreservedAnalyses All { get; } = new(true, Array.Empty<Type>());
    public static PreservedAnalyses None => new(false, Array.Empty<Type>());

    /// <summary>The IR changed, but not the control-flow graph: CFG analyses (dominators, loops) survive.</summary>
    public static PreservedAnalyses ControlFlow => new(false, new[] { typeof(Dominators), typeof(CfgOnlyMarker) });

    public PreservedAnalyses Preserve<TAnalysis>() => new(all, preserved.Append(typeof(TAnalysis)));

    public bool AreAllPreserved => all;

    public bool IsPreserved(Type analysis) =>
        all || preserved.Contains(analysis)
        || (preserved.Contains(typeof(CfgOnlyMarker)) && typeof(ICfgAnalysis).IsAssignableFrom(analysis));

    private sealed class CfgOnlyMarker { }
}

/// <summary>Implemented by analyses that depend only on the control-flow graph, so that <see cref="PreservedAnalyses.ControlFlow"/> keeps them.</summary>
public interface ICfgAnalysis { }

/// <summary>
/// An analysis of one function, computed on demand by the analysis manager and cached until a pass
/// does not preserve it. Implement with a static factory:
/// <c>public static Loops Compute(Function f, AnalysisManager am) =&gt; ...</c>.
/// </summary>
public interface IFunctionAnalysis<TSelf> where TSelf : IFunctionAnalysis<TSelf>
{
    static abstract TSelf Compute(Function function, AnalysisManager analyses);
}

/// <summary>An analysis of the whole module (call graph, layer graph, class hierarchy).</summary>
public interface IModuleAnalysis<TSelf> where TSelf : IModuleAnalysis<TSelf>
{
    static abstract TSelf Compute(Module module, AnalysisManager analyses);
}
