using Testbed.Cli.Driver;
using Testbed.Frontend;

namespace Testbed.Bench.Compile;

/// <summary>The C# program in the tree that gives the compiler the most to do: the largest source among the corpus and the benchmark apps.</summary>
public static class LargestProgram
{
    public static string Find()
    {
        var root = RepositoryLayout.Locate().Root;
        var candidates = Directory.GetFiles(Path.Combine(root, "tests", "programs"), "*.cs")
            .Concat(Directory.GetFiles(Path.Combine(root, "bench", "apps"), "*.cs", SearchOption.AllDirectories)
                .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")));
        return Path.GetRelativePath(root, candidates.OrderByDescending(p => new FileInfo(p).Length).First());
    }

    /// <summary>How the program is named in result tables: its file name.</summary>
    public static string Name(string relativePath) => Path.GetFileName(relativePath);

    public static string Compile(RepositoryLayout layout, string relativePath, string coreLibrary)
    {
        // A fresh file per setup: the previous benchmark's import may still hold the last one open.
        var output = Path.Combine(layout.Cache, "bench", $"{Path.GetFileNameWithoutExtension(relativePath)}-{Guid.NewGuid():N}.dll");
        CSharpSource.Compile(Path.Combine(layout.Root, relativePath), new[] { coreLibrary }, output);
        return output;
    }
}
