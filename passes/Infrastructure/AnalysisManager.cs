using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// Computes analyses on demand and caches them per function (or per module) until a pass reports
/// that it did not preserve them. Dominators (from ir/) count as a function analysis here.
/// </summary>
public sealed class AnalysisManager
{
    private readonly Dictionary<(Function, Type), object> functionResults = new();
    private readonly Dictionary<Type, object> moduleResults = new();

    public AnalysisManager(Module module) { Module = module; }

    public Module Module { get; }

    /// <summary>How many results were computed rather than served from the cache (for tests and --stats).</summary>
    public int Computations { get; private set; }

    public T Get<T>(Function function) where T : class, IFunctionAnalysis<T>
    {
        if (functionResults.TryGetValue((function, typeof(T)), out var cached)) return (T)cached;
        Computations++;
        var result = T.Compute(function, this);
        functionResults[(function, typeof(T))] = result;
        return result;
    }

    public T GetModule<T>(Module module) where T : class, IModuleAnalysis<T>
    {
        if (moduleResults.TryGetValue(typeof(T), out var cached)) return (T)cached;
        Computations++;
        var result = T.Compute(module, this);
        moduleResults[typeof(T)] = result;
        return result;
    }

    public Dominators Dominators(Function function)
    {
        if (functionResults.TryGetValue((function, typeof(Dominators)), out var cached)) return (Dominators)cached;
        Computations++;
        var result = new Dominators(function);
        functionResults[(function, typeof(Dominators))] = result;
        return result;
    }

    /// <summary>After a function pass ran on <paramref name="function"/>: drop what it did not preserve.</summary>
    public void Invalidate(Function function, PreservedAnalyses preserved)
    {
        if (preserved.AreAllPreserved) return;
        foreach (var key in functionResults.Keys.Where(k => k.Item1 == function && !preserved.IsPreserved(k.Item2)).ToList())
            functionResults.Remove(key);
        // Module analyses summarise every function; a changed function may change them.
        foreach (var key in moduleResults.Keys.Where(k => !preserved.IsPreserved(k)).ToList())
            moduleResults.Remove(key);
    }

    /// <summary>After a module pass: drop what it did not preserve, for every function.</summary>
    public void Invalidate(PreservedAnalyses preserved)
    {
        if (preserved.AreAllPreserved) return;
        foreach (var key in functionResults.Keys.Where(k => !preserved.IsPreserved(k.Item2)).ToList())
            functionResults.Remove(key);
        foreach (var key in moduleResults.Keys.Where(k => !preserved.IsPreserved(k)).ToList())
            moduleResults.Remove(key);
    }
}
