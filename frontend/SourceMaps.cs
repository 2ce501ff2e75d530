using Mono.Cecil;
using Mono.Cecil.Cil;
using Testbed.IR;
using SequencePoint = Testbed.IR.SequencePoint;

namespace Testbed.Frontend;

/// <summary>
/// Reads each method's sequence points and variable names from the portable PDB next to its assembly
/// (see <see cref="SourceMap"/>). One map per method definition: its generic instantiations share it.
/// </summary>
internal sealed class SourceMaps
{
    private readonly Dictionary<MethodDefinition, SourceMap?> maps = new();

    /// <summary>Reader settings for an assembly: symbols when a PDB sits beside it, since debug info and stack-trace lines come from there.</summary>
    public SourceMap? Of(MethodDefinition method)
    {
        if (maps.TryGetValue(method, out var known)) return known;
        return maps[method] = Read(method);
    }

    private static SourceMap? Read(MethodDefinition method)
    {
        if (!method.HasBody || method.DebugInformation is not { HasSequencePoints: true } debug) return null;
        var points = debug.SequencePoints;
        var document = points.Select(p => p.Document?.Url).FirstOrDefault(u => !string.IsNullOrEmpty(u));
        if (document is null) return null;
        // A method whose statements come from several files (partial methods, #line) keeps the main
        // document's points: DWARF's line table can switch files, but a subprogram has one.
        var mapped = points
            .Where(p => p.Document?.Url == document)
            .Select(p => new SequencePoint(p.Offset, p.IsHidden ? SourceMap.HiddenLine : p.StartLine, p.StartColumn, p.EndLine, p.EndColumn));

        var parameters = new List<string?>();
        if (method.HasThis) parameters.Add("this");
        parameters.AddRange(method.Parameters.Select(p => string.IsNullOrEmpty(p.Name) ? null : p.Name));

        var locals = new Dictionary<int, string>();
        void Collect(ScopeDebugInformation? scope)
        {
            if (scope is null) return;
            foreach (var v in scope.Variables)
                if (!v.IsDebuggerHidden && !string.IsNullOrEmpty(v.Name)) locals.TryAdd(v.Index, v.Name);
            foreach (var inner in scope.Scopes) Collect(inner);
        }
        Collect(debug.Scope);
        return new SourceMap(document, mapped, parameters, locals);
    }
}
