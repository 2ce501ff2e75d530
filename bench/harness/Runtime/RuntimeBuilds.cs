using Testbed.Backend.Targets;
using Testbed.Bench.Servers;
using Testbed.Cli.Driver;

namespace Testbed.Bench.Runtime;

/// <summary>
/// Builds one program of bench/runtime/programs for CoreCLR (dotnet build), NativeAOT (dotnet publish
/// -p:PublishAot=true) and Testbed (-O2, the linux target), under .testbed/bench/runtime/NAME; a build is
/// reused while it is newer than the program (and, for Testbed, than every source of the compiler and the
/// library OS).
/// </summary>
public sealed class RuntimeBuilds(RepositoryLayout layout, RuntimeProgram program, Action<string> progress)
{
    /// <summary>What ILCompiler links with here: there is no `clang` on PATH, so its targets fall back to gcc (it only links; ILCompiler generates the code).</summary>
    public const string NativeLinker = "gcc";

    private string Source => Path.Combine(layout.Root, "bench", "runtime", "programs", program.Name + ".cs");
    private string Folder => Path.Combine(layout.Cache, "bench", "runtime", program.Name);

    /// <summary>What to run (file and arguments), the build command, and the binary whose size is reported (null: CoreCLR's, an assembly plus the runtime).</summary>
    public (string File, string[] Arguments, string Build, string? Binary) Build(string config, string argument) => config switch
    {
        RuntimePrograms.CoreClr => CoreClr(argument),
        RuntimePrograms.NativeAot => NativeAot(argument),
        RuntimePrograms.Testbed => Testbed(argument),
        _ => throw new ArgumentException($"no configuration {config}"),
    };

    private (string, string[], string, string?) CoreClr(string argument)
    {
        string output = Path.Combine(Folder, "coreclr");
        string dll = Path.Combine(output, program.Name + ".dll");
        string[] build = ["build", Project(), "-c", "Release", "-o", output, "-nologo", "-v:q"];
        Dotnet(dll, build);
        return ("dotnet", [dll, argument], Shell.Join("dotnet", build.Select(Relative)), null);
    }

    private (string, string[], string, string?) NativeAot(string argument)
    {
        string output = Path.Combine(Folder, "nativeaot");
        string exe = Path.Combine(output, program.Name);
        string[] build = ["publish", Project(), "-c", "Release", "-r", "linux-x64", "-p:PublishAot=true", "-o", output, "-nologo", "-v:q"];
        Dotnet(exe, build);
        return (exe, [argument], Shell.Join("dotnet", build.Select(Relative)), exe);
    }

    private (string, string[], string, string?) Testbed(string argument)
    {
        string exe = Path.Combine(Folder, "testbed", program.Name);
        if (!Fresh(exe, AppBuilds.NewestSource(layout.Root)))
        {
            progress($"testbed build bench/runtime/programs/{program.Name}.cs -O2 --target linux");
            Directory.CreateDirectory(Path.GetDirectoryName(exe)!);
            new BuildDriver(layout).Build(new BuildRequest(Source, Target.FromName("linux")!, exe));
        }
        return (exe, [argument], $"./testbed build bench/runtime/programs/{program.Name}.cs -O2 --target linux -o {Relative(exe)}", exe);
    }

    /// <summary>
    /// The throwaway project: the program's one source, Release, InvariantGlobalization. Empty Directory.Build.*
    /// files beside it keep the repository's own (warnings as errors, central package versions) out.
    /// </summary>
    private string Project()
    {
        string dir = Path.Combine(Folder, "project");
        Directory.CreateDirectory(dir);
        string csproj = Path.Combine(dir, program.Name + ".csproj");
        WriteIfChanged(csproj, $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <ImplicitUsings>disable</ImplicitUsings>
                <InvariantGlobalization>true</InvariantGlobalization>
                <EnableDefaultCompileItems>false</EnableDefaultCompileItems>
              </PropertyGroup>
              <ItemGroup>
                <Compile Include="{Source}" />
              </ItemGroup>
            </Project>

            """);
        WriteIfChanged(Path.Combine(dir, "Directory.Build.props"), "<Project />\n");
        WriteIfChanged(Path.Combine(dir, "Directory.Build.targets"), "<Project />\n");
        WriteIfChanged(Path.Combine(dir, "Directory.Packages.props"), "<Project><PropertyGroup><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup></Project>\n");
        return csproj;
    }

    private void Dotnet(string result, string[] arguments)
    {
        if (Fresh(result, File.GetLastWriteTimeUtc(Project()))) return;
        progress(Shell.Join("dotnet", arguments.Select(Relative)));
        var (exit, stdout, stderr) = HostCommand.Run("dotnet", arguments);
        if (exit != 0 || !File.Exists(result))
            throw new InvalidOperationException($"dotnet {arguments[0]} of {program.Name} failed (exit {exit}):\n{stdout}{stderr}");
    }

    /// <summary>The result exists and is newer than the program and than <paramref name="dependencies"/>.</summary>
    private bool Fresh(string result, DateTime dependencies) =>
        File.Exists(result) && File.GetLastWriteTimeUtc(result) is var t && t > File.GetLastWriteTimeUtc(Source) && t > dependencies;

    private static void WriteIfChanged(string path, string text)
    {
        if (!File.Exists(path) || File.ReadAllText(path) != text) File.WriteAllText(path, text);
    }

    private string Relative(string path) => Relative(layout.Root, path);

    /// <summary>A path under the repository as the results show it (commands to paste at its root).</summary>
    internal static string Relative(string root, string path) =>
        path.StartsWith(root + "/", StringComparison.Ordinal) ? path[(root.Length + 1)..] : path;
}
