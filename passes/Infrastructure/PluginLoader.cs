using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using Testbed.IR;

namespace Testbed.Passes;

/// <summary>
/// Loads pass plugins (--load-pass-plugin my.dll). Each plugin gets a load context of its own so that
/// its private dependencies cannot clash with the compiler's, but Testbed.IR and Testbed.Passes always
/// come from the compiler: a plugin's Module must be the compiler's Module type, even when the plugin's
/// build output carries its own copy of those assemblies.
/// </summary>
public static class PluginLoader
{
    private static readonly ConcurrentDictionary<string, Lazy<Assembly>> loaded = new();

    /// <exception cref="DiagnosticException">TB5010: the file is missing or is not a .NET assembly.</exception>
    public static Assembly Load(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
            throw new DiagnosticException(new Diagnostic(PipelineErrors.Plugin, path, "no such file (build the plugin project first: dotnet build)"));
        // Loading the same path twice into two contexts would make two distinct sets of pass types.
        var lazy = loaded.GetOrAdd(full, p => new Lazy<Assembly>(() => new PluginLoadContext(p).LoadFromAssemblyPath(p)));
        try
        {
            return lazy.Value;
        }
        catch (BadImageFormatException)
        {
            loaded.TryRemove(full, out _);
            throw new DiagnosticException(new Diagnostic(PipelineErrors.Plugin, path, "not a .NET assembly"));
        }
        catch (FileLoadException e)
        {
            loaded.TryRemove(full, out _);
            throw new DiagnosticException(new Diagnostic(PipelineErrors.Plugin, path, "cannot load: " + e.Message));
        }
    }

    /// <summary>The pass API and everything it exposes (Testbed.IR, QuikGraph through CallGraph).</summary>
    private static readonly HashSet<string> Shared = typeof(PassRegistry).Assembly.GetReferencedAssemblies()
        .Select(a => a.Name!).Append(typeof(PassRegistry).Assembly.GetName().Name!).ToHashSet();

    private sealed class PluginLoadContext : AssemblyLoadContext
    {
        private readonly AssemblyDependencyResolver resolver;

        public PluginLoadContext(string pluginPath) : base($"plugin {Path.GetFileName(pluginPath)}")
        {
            resolver = new AssemblyDependencyResolver(pluginPath);
        }

        protected override Assembly? Load(AssemblyName name)
        {
            // Null defers to the default context: shared with the compiler.
            if (name.Name is { } simple && (Shared.Contains(simple) || Default.Assemblies.Any(a => a.GetName().Name == simple)))
                return null;
            var path = resolver.ResolveAssemblyToPath(name);
            return path is null ? null : LoadFromAssemblyPath(path);
        }
    }
}
