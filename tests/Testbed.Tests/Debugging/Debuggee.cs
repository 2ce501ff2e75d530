using System.Diagnostics;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Passes;

namespace Testbed.Tests.Debugging;

/// <summary>
/// tests/debugging/debuggee.cs built with -g for a target and pipeline (once per test run), its marked
/// lines, and gdb run in batch mode against it.
/// </summary>
public sealed class Debuggee
{
    private static readonly Dictionary<string, Debuggee> Built = new();
    private static readonly object Gate = new();

    private Debuggee(string source, string image)
    {
        Source = source;
        Image = image;
    }

    public string Source { get; }
    public string Image { get; }
    public string FileName => Path.GetFileName(Source);

    public static Debuggee Build(string target, int optLevel)
    {
        lock (Gate)
        {
            var key = $"{target}-O{optLevel}";
            if (Built.TryGetValue(key, out var known)) return known;
            var layout = RepositoryLayout.Locate();
            var source = Path.Combine(layout.Root, "tests", "debugging", "debuggee.cs");
            var dir = Path.Combine(layout.Cache, "tests", "debugging");
            Directory.CreateDirectory(dir);
            var image = Path.Combine(dir, $"debuggee.{key}.{Guid.NewGuid():N}.elf");
            var session = PassSession.Create(new PipelineOptions { OptLevel = optLevel });
            new BuildDriver(layout).Build(new BuildRequest(source, Target.FromName(target)!, image) { Passes = session, DebugInfo = true });
            return Built[key] = new Debuggee(source, image);
        }
    }

    /// <summary>The line that ends with the marker "// @<paramref name="name"/>".</summary>
    public int Line(string name)
    {
        var lines = File.ReadAllLines(Source);
        for (int k = 0; k < lines.Length; k++)
            if (lines[k].TrimEnd().EndsWith("// @" + name, StringComparison.Ordinal)) return k + 1;
        throw new InvalidOperationException($"no line marked @{name} in {Source}");
    }

    /// <summary>gdb -batch with <paramref name="commands"/>, one -ex each; its stdout and stderr together.</summary>
    public string Gdb(params string[] commands) => RunGdb(Image, commands);

    public static string RunGdb(string image, IEnumerable<string> commands)
    {
        var psi = new ProcessStartInfo(Tools.Gdb) { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in new[] { "-q", "-batch", "-nx", "-ex", "set pagination off", "-ex", "set confirm off" }) psi.ArgumentList.Add(a);
        foreach (var c in commands)
        {
            psi.ArgumentList.Add("-ex");
            psi.ArgumentList.Add(c);
        }
        psi.ArgumentList.Add(image);
        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(120_000))
        {
            process.Kill(true);
            throw new TimeoutException($"gdb did not finish:\n{stdout.Result}\n{stderr.Result}");
        }
        return stdout.Result + stderr.Result;
    }
}
