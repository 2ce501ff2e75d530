using System.Diagnostics;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Frontend;
using Testbed.IR;
using Testbed.Tests.Programs;
using Xunit;

namespace Testbed.Tests.Frontend;

/// <summary>
/// Code built against .NET's own framework, not against the core library: an unmodified
/// <c>dotnet new console</c> project and corpus programs compiled the way CoreCLR runs them. Their
/// references to System.Runtime, System.Console, System.Collections, System.Private.CoreLib and the
/// rest resolve onto the library OS by type name (frontend/AssemblyResolution.cs).
/// </summary>
public sealed class FrameworkAssemblyTests
{
    /// <summary>A sample of the corpus (every corpus program imports this way; running them all would double the corpus's time).</summary>
    public static TheoryData<string> Sample() => DifferentialTests.SampledPrograms(16, 9);

    [Theory]
    [MemberData(nameof(Sample))]
    public void CorpusProgramCompiledAgainstTheFrameworkMatchesCoreClr(string program)
    {
        var source = Path.Combine(RepositoryLayout.Locate().Root, "tests", "programs", program);
        var expected = CoreClrOracle.Run(source);
        var (actual, _) = TestbedRunner.CompileAndRun(CoreClrOracle.FrameworkAssemblyOf(source), Target.Linux);
        Assert.Equal(expected.Text, actual.Text);
        Assert.Equal(expected.ExitCode, actual.ExitCode);
        Assert.Equal(expected.UnhandledException, actual.UnhandledException);
    }

    /// <summary>The csproj of <c>dotnet new console</c> for net10.0, as the template writes it.</summary>
    private const string ConsoleTemplateProject = """
        <Project Sdk="Microsoft.NET.Sdk">

          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <ImplicitUsings>enable</ImplicitUsings>
            <Nullable>enable</Nullable>
          </PropertyGroup>

        </Project>
        """;

    private const string ConsoleProgram = """
        using System.Text;

        var words = "the quick brown fox jumps over the lazy dog the end".Split(' ');
        var counts = new Dictionary<string, int>();
        foreach (var w in words) counts[w] = counts.TryGetValue(w, out var c) ? c + 1 : 1;
        var sorted = new SortedDictionary<string, int>(counts);
        var sb = new StringBuilder();
        foreach (var (k, v) in sorted) sb.Append($"{k}={v} ");
        Console.WriteLine(sb.ToString().TrimEnd());
        Console.WriteLine(string.Join(",", counts.OrderByDescending(kv => kv.Value).ThenBy(kv => kv.Key).Take(3).Select(kv => $"{kv.Key}:{kv.Value}")));
        Console.WriteLine(string.Join(",", "a", "b", "c", "d"));
        Console.WriteLine("{0} {1} {2} {3}", 1, 2.5, true, 'x');
        List<int> ys = [.. Enumerable.Range(1, 5), 10];
        Console.WriteLine($"{ys.Count} {ys.Max()} {ys.Where(v => v % 2 == 0).Sum()} {Math.Sqrt(16.0)} {new Random(7).Next(1000)}");
        object gate = new();
        int total = 0;
        lock (gate) { total += 42; }
        try { int[] a = new int[2]; a[total] = 1; } catch (IndexOutOfRangeException e) { Console.WriteLine(e.GetType().Name); }
        Console.WriteLine(Convert.ToBase64String(Encoding.UTF8.GetBytes("héllo")) + Environment.NewLine.Length);
        return total - 35;
        """;

    [Fact]
    public void AnUnmodifiedConsoleProjectRunsAsOnCoreClr()
    {
        // Outside the repository, so that no Directory.Build.props of ours applies: the project is the user's.
        var dir = Directory.CreateTempSubdirectory("testbed-console-");
        try
        {
            var project = Path.Combine(dir.FullName, "hello.csproj");
            File.WriteAllText(project, ConsoleTemplateProject);
            File.WriteAllText(Path.Combine(dir.FullName, "Program.cs"), ConsoleProgram);
            var (actual, _) = TestbedRunner.CompileAndRun(project, Target.Linux);
            var built = Directory.GetFiles(Path.Combine(dir.FullName, "bin"), "hello.dll", SearchOption.AllDirectories).Single();
            var expected = RunOnCoreClr(built);
            Assert.Equal(expected.Stdout, actual.Text);
            Assert.Equal(expected.ExitCode, actual.ExitCode);
            Assert.Equal(7, actual.ExitCode);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("async", "await System.Threading.Tasks.Task.Delay(1);\nSystem.Console.WriteLine(1);", "async/await and tasks are not supported")]
    [InlineData("async-method", "static async System.Threading.Tasks.Task<int> F() { await System.Threading.Tasks.Task.Yield(); return 1; }\nSystem.Console.WriteLine(F().Result);", "async")]
    [InlineData("dynamic", "dynamic d = 5;\nSystem.Console.WriteLine(d + 1);", "dynamic is not supported")]
    [InlineData("missing-type", "System.Console.WriteLine(System.Guid.NewGuid());", "System.Guid: the core library does not provide this .NET type")]
    [InlineData("missing-member", "System.Console.WriteLine(System.Math.FusedMultiplyAdd(1.0, 2.0, 3.0));", "cannot resolve method System.Double System.Math::FusedMultiplyAdd")]
    public void WhatTheCoreLibraryLacksIsNamedNeverAnInternalError(string name, string source, string expected)
    {
        var path = Tests.Cli.CliProcess.WriteProgram("framework-" + name, source);
        var dll = Path.ChangeExtension(path, ".dll");
        CSharpSource.Compile(path, CoreClrOracle.FrameworkAssemblies(), dll);
        var libraries = new BuildDriver(RepositoryLayout.Locate()).LibraryAssemblies(Target.Linux);
        var error = Assert.Throws<DiagnosticException>(() => Compilation.Import(dll, libraries));
        Assert.DoesNotContain(error.Diagnostics, d => d.Code == "TB1999");
        Assert.All(error.Diagnostics, d => Assert.Equal("TB1001", d.Code));
        Assert.Contains(error.Diagnostics, d => d.Message.Contains(expected, StringComparison.Ordinal));
    }

    private static (string Stdout, int ExitCode) RunOnCoreClr(string dll)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi)!;
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(60_000)) { process.Kill(true); throw new TimeoutException($"{dll} did not finish on CoreCLR"); }
        return (stdout, process.ExitCode);
    }
}
