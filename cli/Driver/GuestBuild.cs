using System.Diagnostics;
using Testbed.IR;

namespace Testbed.Cli.Driver;

/// <summary>
/// Builds guest projects (core library, library OS, apps) with `dotnet build`, skipping the build
/// when the output is newer than every source it depends on: a warm `testbed run` should not pay
/// MSBuild's start-up for nothing.
/// </summary>
public sealed class GuestBuild
{
    private static readonly object Gate = new();
    private readonly RepositoryLayout layout;

    public GuestBuild(RepositoryLayout layout) { this.layout = layout; }

    /// <summary>Builds the project if needed and returns its output assembly.</summary>
    public string EnsureBuilt(string projectPath)
    {
        projectPath = Path.GetFullPath(projectPath);
        var projectDir = Path.GetDirectoryName(projectPath)!;
        var stampPath = Path.Combine(projectDir, "obj", "testbed-target-path.txt");
        lock (Gate)
        {
            // One lock for every guest build: the platform projects and apps all build the core
            // library (a project reference) into the same obj/ and bin/, so two at once would race there.
            using var crossProcessLock = LockGuestBuilds(layout);
            if (File.Exists(stampPath) && File.ReadAllText(stampPath).Trim() is var known && File.Exists(known)
                && File.GetLastWriteTimeUtc(known) > NewestSource(projectDir))
                return known;
            var targetPath = RunDotnetBuild(projectPath);
            Directory.CreateDirectory(Path.GetDirectoryName(stampPath)!);
            File.WriteAllText(stampPath, targetPath);
            // MSBuild leaves an unchanged output's timestamp alone; touch it so the check above holds.
            File.SetLastWriteTimeUtc(targetPath, DateTime.UtcNow);
            return targetPath;
        }
    }

    private DateTime NewestSource(string projectDir)
    {
        var newest = DateTime.MinValue;
        foreach (var root in new[] { projectDir, layout.LibOS }.Distinct())
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                if (file.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") || file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")) continue;
                if (!(file.EndsWith(".cs") || file.EndsWith(".csproj") || file.EndsWith(".props"))) continue;
                var t = File.GetLastWriteTimeUtc(file);
                if (t > newest) newest = t;
            }
        return newest;
    }

    private static string RunDotnetBuild(string projectPath)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // With -getProperty alone MSBuild only evaluates the project; -t:Build makes it build too.
        foreach (var a in new[] { "build", projectPath, "-c", "Release", "-nologo", "-v:q", "-t:Build", "-getProperty:TargetPath" })
            psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("cannot start dotnet");
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (process.ExitCode != 0 || lines.Length == 0 || !File.Exists(lines[^1]))
            throw new DiagnosticException(new Diagnostic("TB0002", projectPath,
                $"dotnet build failed (exit {process.ExitCode}):\n{stdout}{stderr.Result}".TrimEnd()));
        return lines[^1];
    }

    /// <summary>
    /// The lock every `dotnet build` of an app or the core library takes across processes (the compiler, the
    /// tests, the benchmark harness): two MSBuilds writing one project's obj/ at once break each other.
    /// </summary>
    public static FileStream LockGuestBuilds(RepositoryLayout layout) =>
        AcquireFileLock(Path.Combine(layout.Cache, "locks", "guest-build.lock"));

    private static FileStream AcquireFileLock(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                Thread.Sleep(200);
            }
        }
    }
}
