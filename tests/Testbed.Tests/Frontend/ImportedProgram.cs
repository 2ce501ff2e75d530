using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Frontend;
using Testbed.IR;

namespace Testbed.Tests.Frontend;

/// <summary>Compiles a C# snippet against the core library and imports it, for tests of the importer.</summary>
public static class ImportedProgram
{
    private static readonly Lazy<IReadOnlyList<string>> Libraries =
        new(() => new BuildDriver(RepositoryLayout.Locate()).LibraryAssemblies(Target.Linux));

    public static Module Import(string source, Action<Diagnostic>? warn = null)
    {
        var path = Tests.Cli.CliProcess.WriteProgram("snippet", source);
        var dll = Path.ChangeExtension(path, ".dll");
        CSharpSource.Compile(path, new[] { Libraries.Value[0] }, dll);
        return Compilation.Import(dll, Libraries.Value, rootEveryAppMethod: true, warn: warn);
    }

    public static Function Function(this Module module, string nameStart) =>
        module.Functions.Single(f => f.Name.StartsWith(nameStart, StringComparison.Ordinal));
}
