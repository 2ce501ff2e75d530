using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using DiagnosticException = Testbed.IR.DiagnosticException;

namespace Testbed.Frontend;

/// <summary>
/// Compiles a single C# file (as `dotnet run app.cs` does) into an IL assembly against a given set
/// of references: the project's core library for Testbed, or the .NET reference assemblies when
/// the same program runs on CoreCLR as the oracle. In process, because a temporary project and a
/// `dotnet build` would cost seconds per program.
/// </summary>
public static class CSharpSource
{
    /// <summary>Compiles <paramref name="sourcePath"/> to <paramref name="outputPath"/>; throws a DiagnosticException (TB0001) on C# errors.</summary>
    /// <param name="symbolsPath">Where to write the portable PDB (source lines and variable names, for debug info and stack traces); null: none.</param>
    /// <param name="debugBuild">C# as `dotnet build -c Debug` compiles it: every named local kept in its slot, for a debugger to show.</param>
    public static void Compile(string sourcePath, IEnumerable<string> referencePaths, string outputPath, string? assemblyName = null, string? symbolsPath = null,
        bool debugBuild = false)
    {
        var text = StripFileDirectives(File.ReadAllText(sourcePath));
        var tree = CSharpSyntaxTree.ParseText(Microsoft.CodeAnalysis.Text.SourceText.From(text, System.Text.Encoding.UTF8), new CSharpParseOptions(LanguageVersion.Latest), path: Path.GetFullPath(sourcePath));
        var options = new CSharpCompilationOptions(OutputKind.ConsoleApplication)
            .WithAllowUnsafe(true)
            .WithOptimizationLevel(debugBuild ? OptimizationLevel.Debug : OptimizationLevel.Release)
            .WithNullableContextOptions(NullableContextOptions.Disable);
        var compilation = CSharpCompilation.Create(
            assemblyName ?? Path.GetFileNameWithoutExtension(sourcePath),
            new[] { tree },
            referencePaths.Select(r => MetadataReference.CreateFromFile(r)),
            options);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outputPath))!);
        using var output = File.Create(outputPath);
        using var symbols = symbolsPath is null ? null : File.Create(symbolsPath);
        var result = compilation.Emit(output, symbols, options: new EmitOptions(debugInformationFormat: DebugInformationFormat.PortablePdb));
        if (result.Success) return;
        output.Close();
        symbols?.Close();
        File.Delete(outputPath);
        if (symbolsPath is not null) File.Delete(symbolsPath);
        throw new DiagnosticException(result.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => new Testbed.IR.Diagnostic("TB0001", FormatLocation(d), $"C# error {d.Id}: {d.GetMessage()}"))
            .ToList());
    }

    private static string FormatLocation(Microsoft.CodeAnalysis.Diagnostic d)
    {
        var span = d.Location.GetLineSpan();
        return span.IsValid ? $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "<source>";
    }

    /// <summary>`#:property` and friends are instructions to `dotnet run`, not C#; blank them, keeping line numbers.</summary>
    public static string StripFileDirectives(string text) =>
        string.Join('\n', text.Split('\n').Select(line => line.TrimStart().StartsWith("#:", StringComparison.Ordinal) ? "" : line));
}
