using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Testbed.Backend.Targets;
using Testbed.Bench.Results;
using Testbed.Bench.Runtime;
using Testbed.Bench.Servers;
using Testbed.Cli.Driver;

namespace Testbed.Bench.SelfBench;

/// <summary>
/// `testbed bench kv-self|http-self`: an app's in-image benchmark (`kv self-bench`, `http self-bench`; the apps'
/// READMEs), the server and a redis-benchmark- or wrk-like client in one process over 127.0.0.1, for each
/// configuration in turn, the order rotated every round. On Testbed the connection is the library OS's in-image loopback, so no system call or tap
/// hides the difference between the pipelines; CoreCLR goes through the kernel's loopback (a reference, not a
/// like-for-like baseline). Needs no root.
/// </summary>
public sealed partial class SelfBenchRun(SelfBenchOptions options, IBenchProgress progress)
{
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(10);
    private readonly RepositoryLayout layout = RepositoryLayout.Locate();

    public SelfBenchReport Run()
    {
        var started = DateTime.UtcNow;
        var machine = Machine.Describe(layout.Root);
        var load = new List<double>();
        if (RuntimeRun.LoadAverage() is { } first) load.Add(first);
        var builds = new AppBuilds(layout, options.App, progress.Step);
        var configs = new List<SelfBenchConfig>();
        var commands = new Dictionary<string, (string File, List<string> Arguments)>();
        int total = options.Configs.Count + options.Rounds * options.Configs.Count, done = 0;
        var selfBench = options.SelfBenchArguments.ToList();
        foreach (var config in options.Configs)
        {
            progress.Status(done++, total, $"building {config.Name}");
            string? error = null;
            long? size = null;
            (string File, List<string> Arguments) command = ("", []);
            try
            {
                if (config.Kind == ServerKind.CoreClr)
                    command = ("dotnet", [builds.CoreClrDll(), .. selfBench]);
                else
                {
                    string image = builds.TestbedImage(config);
                    size = new FileInfo(image).Length;
                    command = (image, selfBench);
                }
                commands[config.Name] = command;
            }
            catch (Exception e) when (e is InvalidOperationException or TargetToolException or Testbed.IR.DiagnosticException)
            {
                error = e.Message;
                progress.Step($"{config.Name}: {error.Split('\n')[0]}");
            }
            configs.Add(new SelfBenchConfig(config.Name, config.Label, config.Passes, Shell.Join(command.File, command.Arguments), size, error));
        }

        var runs = new List<SelfBenchRecord>();
        var ready = options.Configs.Where(c => commands.ContainsKey(c.Name)).ToList();
        for (int round = 1; round <= options.Rounds; round++)
            for (int position = 0; position < ready.Count; position++)
            {
                var config = ready[(position + round) % ready.Count];
                progress.Status(done++, total, $"round {round}/{options.Rounds}: {config.Name}");
                var record = RunOnce(config, round, position, commands[config.Name]);
                if (record.Error != null) progress.Step($"{config.Name}, round {round}: {record.Error}");
                runs.Add(record);
            }
        if (RuntimeRun.LoadAverage() is { } last) load.Add(last);
        progress.Status(total, total, "writing the results");
        var report = new SelfBenchReport(options.App, options.Command, started, machine, options.Rounds, options.Quick,
            options.App == "kv" ? options.Requests : null, options.App == "http" ? options.Seconds : null, options.Clients,
            load, PinCommand != null ? "CPU 0 (taskset -c 0)" : null, configs, runs, Summarise(runs));
        SelfBenchWriter.Write(report, options.OutputDirectory, options.ResultName);
        return report;
    }

    private static SelfBenchRecord RunOnce(BenchConfig config, int round, int position, (string File, List<string> Arguments) command)
    {
        // Pinned: left free, the scheduler moves the process between the two cores now and then, and such a run is
        // a third slower (measured: unpinned 555k-834k SETs/s, pinned 772k-824k). Testbed's library OS runs on one core
        // anyway; CoreCLR's threads share that core too.
        var psi = new ProcessStartInfo(PinCommand ?? command.File) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (PinCommand != null)
            foreach (var a in new[] { "-c", "0", command.File }) psi.ArgumentList.Add(a);
        foreach (var a in command.Arguments) psi.ArgumentList.Add(a);
        // The library OS prints its copy counters at exit (docs/net.md); CoreCLR ignores the variable.
        psi.Environment["TESTBED_NET_STATS"] = "1";
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(RunLimit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new SelfBenchRecord(config.Name, round, position, [], null, null, -1, $"did not finish in {RunLimit.TotalMinutes} minutes (killed)");
        }
        string output = stdout.Result, errors = stderr.Result;
        var tests = new List<SelfBenchTest>();
        long? requestsInAll = null;
        foreach (string line in output.Split('\n'))
        {
            if (TestLine().Match(line) is { Success: true } m)
                tests.Add(new SelfBenchTest(m.Groups[1].Value, long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture),
                    double.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture)));
            else if (TotalLine().Match(line) is { Success: true } t)
                requestsInAll = long.Parse(t.Groups[1].Value, CultureInfo.InvariantCulture);
        }
        long? copied = CopiedLine().Match(errors) is { Success: true } c ? long.Parse(c.Groups[1].Value, CultureInfo.InvariantCulture) : null;
        string? error = process.ExitCode != 0 ? $"exit {process.ExitCode}: {LastLine(output + "\n" + errors)}"
            : tests.Count == 0 ? "printed no results" : null;
        return new SelfBenchRecord(config.Name, round, position, tests, requestsInAll, copied, process.ExitCode, error);
    }

    /// <summary>taskset, which pins each run to CPU 0, or null where it is missing.</summary>
    internal static readonly string? PinCommand = new[] { "/usr/bin/taskset", "/bin/taskset" }.FirstOrDefault(File.Exists);

    private static string LastLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault() ?? "";

    internal static IReadOnlyList<SelfBenchSummaryRow> Summarise(IReadOnlyList<SelfBenchRecord> runs)
    {
        var good = runs.Where(r => r.Error == null).ToList();
        var rows = new List<SelfBenchSummaryRow>();
        var separate = good.Where(r => r.Config == Configurations.SeparateName).ToList();
        foreach (string config in good.Select(r => r.Config).Distinct())
            foreach (string test in good.SelectMany(r => r.Tests).Select(t => t.Test).Distinct())
            {
                var mine = good.Where(r => r.Config == config).ToList();
                var values = mine.SelectMany(r => r.Tests.Where(t => t.Test == test)).Select(t => t.RequestsPerSecond).ToList();
                if (values.Count == 0) continue;
                double median = Summaries.Median(values);
                double? versus = null, versusMin = null, versusMax = null;
                var baseline = separate.SelectMany(r => r.Tests.Where(t => t.Test == test)).Select(t => t.RequestsPerSecond).ToList();
                if (baseline.Count > 0)
                {
                    versus = median / Summaries.Median(baseline);
                    var paired = mine.Select(r => (Mine: Rps(r, test), Base: separate.FirstOrDefault(s => s.Round == r.Round) is { } s ? Rps(s, test) : null))
                        .Where(p => p.Mine != null && p.Base != null).Select(p => p.Mine!.Value / p.Base!.Value).ToList();
                    if (paired.Count > 0) (versusMin, versusMax) = (paired.Min(), paired.Max());
                }
                var perRequest = mine.Where(r => r.BytesCopied != null && r.RequestsInAll is > 0).Select(r => (double)r.BytesCopied!.Value / r.RequestsInAll!.Value).ToList();
                rows.Add(new SelfBenchSummaryRow(config, test, median, values.Min(), values.Max(), versus, versusMin, versusMax,
                    perRequest.Count > 0 ? Summaries.Median(perRequest) : null));
            }
        return rows;
    }

    private static double? Rps(SelfBenchRecord record, string test) => record.Tests.FirstOrDefault(t => t.Test == test)?.RequestsPerSecond;

    // kv: "SET P=16: 1000000 requests, 30 clients, 242456 us, 4124453 requests/s";
    // http: "GET /index.html: 44579 requests, 30 connections, 1011374 us, 44077 requests/s, 612 bytes each".
    [GeneratedRegex(@"^(SET P=\d+|GET P=\d+|GET /\S*): \d+ requests, \d+ (?:clients|connections), (\d+) us, (\d+) requests/s")]
    private static partial Regex TestLine();

    [GeneratedRegex(@"^self-bench: (\d+) requests in all")]
    private static partial Regex TotalLine();

    [GeneratedRegex(@"testbed net: bytes copied (\d+)")]
    private static partial Regex CopiedLine();
}
