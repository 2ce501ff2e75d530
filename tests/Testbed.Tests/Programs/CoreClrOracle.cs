using System.Collections.Concurrent;
using System.Diagnostics;
using Testbed.Cli.Driver;
using Testbed.Frontend;

namespace Testbed.Tests.Programs;

/// <summary>What a program prints and returns on real .NET: the expected result of every differential test.</summary>
public sealed record ProgramOutcome(byte[] Stdout, int ExitCode, string Stderr)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Stdout);

    /// <summary>The first line of an unhandled exception report ("Unhandled exception. System.X: message"), if any.</summary>
    public string? UnhandledException =>
        Stderr.Split('\n').FirstOrDefault(l => l.StartsWith("Unhandled exception.", StringComparison.Ordinal))?.TrimEnd('\r');
}

/// <summary>
/// Compiles a corpus program against .NET's own framework assemblies and runs it on CoreCLR, once
/// per program per test run.
/// </summary>
public static class CoreClrOracle
{
    private static readonly ConcurrentDictionary<string, Lazy<ProgramOutcome>> Outcomes = new();

    public static ProgramOutcome Run(string sourcePath) =>
        Outcomes.GetOrAdd(Path.GetFullPath(sourcePath), path => new Lazy<ProgramOutcome>(() => CompileAndRun(path))).Value;

    /// <summary>The program as compiled against the framework for <see cref="Run"/>: an assembly that references System.Private.CoreLib, System.Console, System.Collections and the rest.</summary>
    public static string FrameworkAssemblyOf(string sourcePath)
    {
        Run(sourcePath);
        var name = Path.GetFileNameWithoutExtension(sourcePath);
        return Path.Combine(RepositoryLayout.Locate().Cache, "coreclr", name, name + ".dll");
    }

    private static ProgramOutcome CompileAndRun(string sourcePath)
    {
        var layout = RepositoryLayout.Locate();
        var name = Path.GetFileNameWithoutExtension(sourcePath);
        var dir = Path.Combine(layout.Cache, "coreclr", name);
        Directory.CreateDirectory(dir);
        var dll = Path.Combine(dir, name + ".dll");
        // Several test processes may run at once (a developer's and CI's): compile aside, then rename.
        var scratch = dll + "." + Guid.NewGuid().ToString("N") + ".tmp";
        CSharpSource.Compile(sourcePath, FrameworkAssemblies(), scratch, name);
        File.Move(scratch, dll, overwrite: true);
        File.WriteAllText(Path.Combine(dir, name + ".runtimeconfig.json"), $$"""
            {
              "runtimeOptions": {
                "tfm": "net{{Environment.Version.Major}}.{{Environment.Version.Minor}}",
                "framework": { "name": "Microsoft.NETCore.App", "version": "{{Environment.Version.Major}}.{{Environment.Version.Minor}}.0" },
                "configProperties": { "System.Globalization.Invariant": true }
              }
            }
            """);
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        using var stdout = new MemoryStream();
        process.StandardOutput.BaseStream.CopyTo(stdout);
        if (!process.WaitForExit(60_000)) { process.Kill(true); throw new TimeoutException($"{name} did not finish on CoreCLR"); }
        return new ProgramOutcome(stdout.ToArray(), process.ExitCode, stderr.Result);
    }

    public static IEnumerable<string> FrameworkAssemblies()
    {
        var frameworkDir = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => Path.GetDirectoryName(p) == frameworkDir && !p.Contains("Native", StringComparison.Ordinal));
    }
}
