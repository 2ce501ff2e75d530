using System.Diagnostics;
using Testbed.Cli.Driver;

namespace Testbed.Tests.Cli;

/// <summary>Runs the testbed command as a user would, in its own process, and captures what it says.</summary>
public static class CliProcess
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    public static Result Run(IEnumerable<string> arguments, IDictionary<string, string>? environment = null, int timeoutSeconds = 300, string? workingDirectory = null)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        if (workingDirectory is not null) psi.WorkingDirectory = workingDirectory;
        psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "testbed.dll"));
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        psi.Environment["TESTBED_ROOT"] = RepositoryLayout.Locate().Root;
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) psi.Environment[k] = v;
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeoutSeconds * 1000)) { process.Kill(true); throw new TimeoutException("testbed did not finish"); }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>A C# file in a fresh temporary folder, for tests that need a program of their own.</summary>
    public static string WriteProgram(string name, string source)
    {
        var dir = Path.Combine(RepositoryLayout.Locate().Cache, "test-programs", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var path = Path.Combine(dir, name + ".cs");
        File.WriteAllText(path, source);
        return path;
    }
}
