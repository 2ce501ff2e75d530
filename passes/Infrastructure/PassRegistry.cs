using System.Reflection;
using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// The passes a pipeline may name: every class marked [Pass] in the compiler's own assembly, plus
/// those of the plugins loaded with --load-pass-plugin. Immutable: adding a plugin makes a new registry,
/// so one compilation's plugins never leak into another's (the tests run many in one process).
/// </summary>
public sealed class PassRegistry
{
    private static readonly Lazy<PassRegistry> builtIn = new(() =>
    {
        var (passes, problems) = Discover(typeof(PassRegistry).Assembly);
        // A malformed built-in pass is a bug in the compiler, not something a user can fix.
        if (problems.Count > 0) throw new InvalidOperationException("malformed built-in pass: " + string.Join("; ", problems));
        return new PassRegistry(passes);
    });

    private readonly Dictionary<string, PassInfo> byName;

    private PassRegistry(IEnumerable<PassInfo> passes)
    {
        byName = passes.ToDictionary(p => p.Name, StringComparer.Ordinal);
        Passes = byName.Values.OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>The passes shipped in Testbed.Passes.</summary>
    public static PassRegistry BuiltIn => builtIn.Value;

    /// <summary>Every pass, sorted by name.</summary>
    public IReadOnlyList<PassInfo> Passes { get; }

    public PassInfo? Find(string name) => byName.GetValueOrDefault(name);

    /// <summary>Names within a small edit distance of <paramref name="name"/>, closest first.</summary>
    public IReadOnlyList<string> CloseMatches(string name) => EditDistance.CloseMatches(name, byName.Keys);

    /// <summary>This registry plus the passes of a plugin assembly.</summary>
    /// <exception cref="DiagnosticException">TB5010: the plugin has no usable pass, a malformed one, or a name already taken.</exception>
    public PassRegistry WithPlugin(Assembly plugin, string path)
    {
        var (passes, problems) = Discover(plugin);
        var diagnostics = problems.Select(p => new Diagnostic(PipelineErrors.Plugin, path, p)).ToList();
        foreach (var pass in passes)
            if (byName.TryGetValue(pass.Name, out var existing))
                diagnostics.Add(new Diagnostic(PipelineErrors.Plugin, path,
                    $"pass '{pass.Name}' ({pass.Type.FullName}) has the name of a pass from {existing.AssemblyName}; rename one of them"));
        if (passes.Count == 0 && problems.Count == 0)
            diagnostics.Add(new Diagnostic(PipelineErrors.Plugin, path,
                "the assembly holds no class marked [Pass(\"name\")] (see docs/writing-a-pass.md)"));
        if (diagnostics.Count > 0) throw new DiagnosticException(diagnostics);
        return new PassRegistry(byName.Values.Concat(passes));
    }

    private static (List<PassInfo> Passes, List<string> Problems) Discover(Assembly assembly)
    {
        var passes = new List<PassInfo>();
        var problems = new List<string>();
        foreach (var type in LoadableTypes(assembly, problems))
        {
            if (type.GetCustomAttribute<PassAttribute>() is null) continue;
            var info = PassInfo.Describe(type, out var problem);
            if (info is null) { problems.Add(problem!); continue; }
            if (passes.FirstOrDefault(p => p.Name == info.Name) is { } twin)
            {
                problems.Add($"pass name '{info.Name}' is used by both {twin.Type.FullName} and {type.FullName}");
                continue;
            }
            passes.Add(info);
        }
        return (passes, problems);
    }

    private static IEnumerable<Type> LoadableTypes(Assembly assembly, List<string> problems)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // Typically a plugin built against another version of Testbed.IR or Testbed.Passes.
            foreach (var message in e.LoaderExceptions.Where(x => x is not null).Select(x => x!.Message).Distinct())
                problems.Add("cannot load a type: " + message);
            return e.Types.Where(t => t is not null)!;
        }
    }
}
