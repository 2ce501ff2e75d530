using System.Diagnostics;
using System.Globalization;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;

namespace Testbed.Bench.Runtime;

/// <summary>
/// `testbed bench runtime`: builds every program three ways (cached), runs each once to check that the three
/// print the same output and exit code (a program that disagrees is reported, not measured), then runs the
/// measured rounds, rotating the order of the configurations each round, and writes the results.
/// </summary>
public sealed class RuntimeRun(RuntimeOptions options, IBenchProgress progress)
{
    internal const string GnuTime = "/usr/bin/time";
    private readonly RepositoryLayout layout = RepositoryLayout.Locate();

    /// <summary>A program with what each configuration runs: program and arguments.</summary>
    private sealed record Prepared(RuntimeProgram Program, Dictionary<string, (string File, string[] Arguments)> Runs);

    public RuntimeReport Run()
    {
        var started = DateTime.UtcNow;
        var machine = Machine.Describe(layout.Root);
        double? loadAtStart = LoadAverage();
        bool haveTime = File.Exists(GnuTime);
        var records = new List<ProgramRecord>();
        var prepared = new List<Prepared>();
        var runs = new List<RunRecord>();
        int total = options.Programs.Count * (2 + options.Rounds);
        int done = 0;
        foreach (var program in options.Programs)
        {
            progress.Status(done++, total, $"building {program.Name}");
            var builds = new Dictionary<string, string>();
            var commands = new Dictionary<string, string>();
            var sizes = new Dictionary<string, long>();
            var runsOf = new Dictionary<string, (string, string[])>();
            string? error = null;
            try
            {
                var b = new RuntimeBuilds(layout, program, progress.Step);
                foreach (string config in RuntimePrograms.Configs)
                {
                    var (file, arguments, build, binary) = b.Build(config, options.ArgumentOf(program));
                    runsOf[config] = (file, arguments);
                    builds[config] = build;
                    commands[config] = Shell.Join(Relative(file), arguments.Select(Relative));
                    if (binary != null) sizes[config] = new FileInfo(binary).Length;
                }
            }
            catch (Exception e) when (e is InvalidOperationException or TargetToolException)
            {
                error = e.Message;   // a dotnet build that failed, a missing linker: this program is not measured
            }
            catch (Testbed.IR.DiagnosticException e)
            {
                error = "testbed build failed: " + e.Message;
            }
            // The check run: all three must agree with CoreCLR on output and exit code.
            int? expectedExit = null;
            string? expectedOutput = null;
            if (error == null)
            {
                progress.Status(done++, total, $"checking {program.Name}");
                foreach (string config in RuntimePrograms.Configs)
                {
                    var (file, arguments) = runsOf[config];
                    var (record, output) = Measure(program.Name, config, 0, 0, file, arguments, haveTime);
                    runs.Add(record);
                    if (config == RuntimePrograms.CoreClr)
                        (expectedExit, expectedOutput) = (record.Exit, output);
                    else if (record.Exit != expectedExit || output != expectedOutput)
                        error ??= $"{config} disagrees with CoreCLR: exit {record.Exit} (CoreCLR {expectedExit}), {FirstDifference(expectedOutput!, output)}";
                }
                if (error == null) prepared.Add(new Prepared(program, runsOf));
            }
            else
                done++;
            if (error != null) progress.Step($"{program.Name}: {error.Split('\n')[0]}");
            records.Add(new ProgramRecord(program.Name, program.Kind, options.ArgumentOf(program), program.Goal, builds, commands, sizes, expectedExit, expectedOutput, error));
        }

        var configs = RuntimePrograms.Configs;
        for (int round = 1; round <= options.Rounds; round++)
            foreach (var p in prepared)
            {
                progress.Status(done++, total, $"round {round}/{options.Rounds}: {p.Program.Name}");
                var expected = records.Single(r => r.Name == p.Program.Name);
                for (int position = 0; position < configs.Count; position++)
                {
                    string config = configs[(position + round) % configs.Count];
                    var (file, arguments) = p.Runs[config];
                    var (record, output) = Measure(p.Program.Name, config, round, position, file, arguments, haveTime);
                    if (record.Error == null && (record.Exit != expected.ExpectedExit || output != expected.ExpectedOutput))
                        record = record with { Error = $"output or exit code changed from the check run: exit {record.Exit}, {FirstDifference(expected.ExpectedOutput!, output)}" };
                    if (record.Error != null) progress.Step($"{p.Program.Name} on {config}, round {round}: {record.Error}");
                    runs.Add(record);
                }
            }
        progress.Status(total, total, "writing the results");
        var versions = new Dictionary<string, string>
        {
            ["dotnet"] = HostCommand.Output("dotnet", "--version").Trim(),
            ["NativeAOT's linker"] = FirstLine(HostCommand.Output(RuntimeBuilds.NativeLinker, "--version")),
        };
        var report = new RuntimeReport(RuntimeReport.CurrentSchema, options.Command, started, machine,
            new RuntimeSettings(options.Rounds, options.Quick,
                haveTime ? "GNU time's %M and %U + %S (the process's ru_maxrss and CPU time, from wait4), the process run under /usr/bin/time -f '%M %U %S'" : "not measured (/usr/bin/time is missing)",
                versions) { LoadAverage = new[] { loadAtStart, LoadAverage() }.OfType<double>().ToList() },
            records, runs, RuntimeSummaries.Compute(runs));
        RuntimeWriter.Write(report, options.OutputDirectory, options.ResultName);
        return report;
    }

    private string Relative(string path) => RuntimeBuilds.Relative(layout.Root, path);

    /// <summary>The 1-minute load average, or null off Linux.</summary>
    internal static double? LoadAverage() =>
        File.Exists("/proc/loadavg") && double.TryParse(File.ReadAllText("/proc/loadavg").Split(' ')[0], CultureInfo.InvariantCulture, out double load) ? load : null;

    private static string FirstLine(string text) => text.Split('\n')[0].Trim();

    /// <summary>Where two outputs part, for a failure message.</summary>
    internal static string FirstDifference(string expected, string actual, string baseline = "CoreCLR")
    {
        var e = expected.Split('\n');
        var a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "(end)", al = i < a.Length ? a[i] : "(end)";
            if (el != al) return $"output line {i + 1}: \"{Short(al)}\", {baseline} \"{Short(el)}\"";
        }
        return "the same output";
    }

    private static string Short(string s) => s.Length <= 80 ? s : s[..80] + "…";

    /// <summary>
    /// Runs one process to its end: wall time around it, its max RSS and CPU time (user + sys) by GNU time, its exit code and output.
    /// <paramref name="environment"/> sets variables for it (a null value removes one the harness inherited); `bench gc` runs the same
    /// image under several TESTBED_GC policies this way.
    /// </summary>
    internal static (RunRecord Record, string Output) Measure(string program, string config, int round, int position, string file, string[] arguments, bool haveTime,
        IReadOnlyDictionary<string, string?>? environment = null)
    {
        string rssFile = Path.Combine(Path.GetTempPath(), $"testbed-bench-rss-{Environment.ProcessId}");
        var psi = new ProcessStartInfo(haveTime ? GnuTime : file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (haveTime)
            foreach (var a in new[] { "-f", "%M %U %S", "-o", rssFile, file }) psi.ArgumentList.Add(a);
        foreach (var a in arguments) psi.ArgumentList.Add(a);
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value == null) psi.Environment.Remove(name);
            else psi.Environment[name] = value;
        }
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        double seconds = clock.Elapsed.TotalSeconds;
        long? rss = null;
        double? cpu = null;
        if (haveTime && File.Exists(rssFile))
        {
            // GNU time writes "Command exited with non-zero status N" before the figures when the exit is not 0.
            var fields = (File.ReadAllLines(rssFile).LastOrDefault() ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 3 && long.TryParse(fields[0], out long kib)
                && double.TryParse(fields[1], CultureInfo.InvariantCulture, out double user) && double.TryParse(fields[2], CultureInfo.InvariantCulture, out double sys))
                (rss, cpu) = (kib, user + sys);
            File.Delete(rssFile);
        }
        string? error = process.ExitCode is >= 128 or < 0 ? $"exit {process.ExitCode}: {FirstLine(stderr.Result)}" : null;
        return (new RunRecord(program, config, round, position, seconds, rss, cpu, process.ExitCode, error), stdout);
    }
}
