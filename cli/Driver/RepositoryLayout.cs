namespace Testbed.Cli.Driver;

/// <summary>Where the project's own guest code lives, found from the running compiler.</summary>
public sealed class RepositoryLayout
{
    private RepositoryLayout(string root) { Root = root; }

    public string Root { get; }
    public string LibOS => Path.Combine(Root, "libos");
    public string CoreLibraryProject => Path.Combine(LibOS, "corlib", "Testbed.CoreLib.csproj");
    /// <summary>Build products of the testbed command itself (compiled single files, images).</summary>
    public string Cache => Path.Combine(Root, ".testbed");

    public string PlatformProject(string target) => target switch
    {
        "pvh" => Path.Combine(LibOS, "platform", "pvh", "Testbed.LibOS.Pvh.csproj"),
        "linux" => Path.Combine(LibOS, "platform", "linux", "Testbed.LibOS.Linux.csproj"),
        _ => throw new ArgumentException($"unknown target '{target}' (expected pvh or linux)"),
    };

    /// <summary>TESTBED_ROOT if set, else the first folder holding Testbed.sln above the compiler's own files.</summary>
    public static RepositoryLayout Locate()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("TESTBED_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment)) return new RepositoryLayout(Path.GetFullPath(fromEnvironment));
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Testbed.sln"))) return new RepositoryLayout(dir.FullName);
        // A compiler copied out of its repository lacks the library OS it compiles with: a missing part, not a bug.
        throw new Testbed.Backend.Targets.ToolNotFoundException(
            $"cannot find the Testbed repository (no Testbed.sln above {AppContext.BaseDirectory}); set TESTBED_ROOT to the repository's folder");
    }
}
