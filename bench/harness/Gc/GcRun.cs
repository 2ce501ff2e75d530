using Testbed.Backend.Targets;
using Testbed.Bench.Runtime;
using Testbed.Cli.Driver;

namespace Testbed.Bench.Gc;

/// <summary>
/// `testbed bench gc`: builds each program with and without write barriers (cached), runs it once per
/// configuration to check that all three agree (kv's checksum, binarytrees' output; a program that
/// disagrees is reported and not measured), then runs the measured rounds, rotating the order of the
/// configurations each round, and writes the results.
/// </summary>
public sealed class GcRun(GcOptions options, IBenchProgress progress)
{
    private const string CollectorVariable = "TESTBED_GC";
    private readonly RepositoryLayout layout = RepositoryLayout.Locate();

    /// <summary>What a program's configurations run: image, arguments and TESTBED_GC (null: unset).</summary>
    private sealed record Prepared(GcProgram Program, Dictionary<string, (string Image, string[] Arguments, string? Collector)> Runs, string Expected);

    public GcReport Run()
    {
        var started = DateTime.UtcNow;
        var machine = Machine.Describe(layout.Root);
        double? loadAtStart = RuntimeRun.LoadAverage();
        double? mhz = File.Exists("/proc/cpuinfo") ? GcSummaries.TscMhz(File.ReadAllText("/proc/cpuinfo")) : null;
        bool haveTime = File.Exists(RuntimeRun.GnuTime);
        var records = new List<GcProgramRecord>();
        var prepared = new List<Prepared>();
        var runs = new List<GcRunRecord>();
        int total = GcPrograms.All.Count * (2 + options.Rounds);
        int done = 0;
        foreach (var program in GcPrograms.All)
        {
            progress.Status(done++, total, $"building {program.Name}");
            string[] arguments = options.ArgumentsOf(program);
            var builds = new Dictionary<string, string>();
            var commands = new Dictionary<string, string>();
            var runsOf = new Dictionary<string, (string, string[], string?)>();
            string? error = null;
            try
            {
                var b = new GcBuilds(layout, program, progress.Step);
                foreach (string config in GcPrograms.Configs)
                {
                    var (image, build) = b.Build(GcPrograms.Ablated(config));
                    string? collector = GcPrograms.CollectorSetting(config);
                    runsOf[config] = (image, arguments, collector);
                    builds[config] = build;
                    commands[config] = $"env {(collector == null ? "-u " + CollectorVariable : CollectorVariable + "=" + collector)} "
                        + Shell.Join(RuntimeBuilds.Relative(layout.Root, image), arguments);
                }
            }
            catch (TargetToolException e)
            {
                error = e.Message;
            }
            catch (Testbed.IR.DiagnosticException e)
            {
                error = "testbed build failed: " + e.Message;
            }
            string? expected = null;
            if (error == null)
            {
                progress.Status(done++, total, $"checking {program.Name}");
                error = Check(program, runsOf, haveTime, runs, out expected);
                if (error == null) prepared.Add(new Prepared(program, runsOf, expected!));
            }
            else
                done++;
            if (error != null) progress.Step($"{program.Name}: {error.Split('\n')[0]}");
            records.Add(new GcProgramRecord(program.Name, program.Source, arguments, builds, commands, expected, error));
        }

        var configs = GcPrograms.Configs;
        for (int round = 1; round <= options.Rounds; round++)
            foreach (var p in prepared)
            {
                progress.Status(done++, total, $"round {round}/{options.Rounds}: {p.Program.Name}");
                for (int position = 0; position < configs.Count; position++)
                {
                    string config = configs[(position + round) % configs.Count];
                    var (record, output) = Measure(p.Program, config, round, position, p.Runs[config], haveTime);
                    if (record.Error == null && (record.Exit != 0 || GcSummaries.Agreement(p.Program, output) != p.Expected))
                        record = record with { Error = $"result changed from the check run: exit {record.Exit}, {RuntimeRun.FirstDifference(p.Expected, GcSummaries.Agreement(p.Program, output), "check run")}" };
                    if (record.Error != null) progress.Step($"{p.Program.Name} on {config}, round {round}: {record.Error}");
                    runs.Add(record);
                }
            }
        progress.Status(total, total, "writing the results");
        var summary = GcSummaries.Compute(runs, mhz);
        var settings = new GcSettings(options.Rounds, options.Quick, mhz,
            "\"cpu MHz\" of /proc/cpuinfo at the start: the TSC's rate on constant-TSC CPUs, as bench/gc/measure.sh takes it",
            haveTime ? "GNU time's %M and %U + %S (the process's ru_maxrss and CPU time, from wait4), the process run under /usr/bin/time -f '%M %U %S'" : "not measured (/usr/bin/time is missing)",
            new[] { loadAtStart, RuntimeRun.LoadAverage() }.OfType<double>().ToList());
        var report = new GcReport(GcReport.CurrentSchema, options.Command, started, machine, settings, records, runs, summary, GcSummaries.Compare(summary));
        GcWriter.Write(report, options.OutputDirectory, options.ResultName);
        return report;
    }

    /// <summary>The check run (round 0): every configuration must exit 0 and agree with generational's result; the error, or null with what they agreed on.</summary>
    private static string? Check(GcProgram program, Dictionary<string, (string, string[], string?)> runsOf, bool haveTime, List<GcRunRecord> runs, out string? expected)
    {
        expected = null;
        string? error = null;
        foreach (string config in GcPrograms.Configs)
        {
            var (record, output) = Measure(program, config, 0, 0, runsOf[config], haveTime);
            runs.Add(record);
            string result = GcSummaries.Agreement(program, output);
            if (record.Exit != 0)
                error ??= $"{config} exited {record.Exit}" + (record.Error != null ? $" ({record.Error})" : "");
            else if (expected == null)
                expected = result;
            else if (result != expected)
                error ??= $"{config} disagrees with {GcPrograms.Configs[0]}: {RuntimeRun.FirstDifference(expected, result, GcPrograms.Configs[0])}";
        }
        return error;
    }

    /// <summary>One process under its configuration's TESTBED_GC (removed from the environment when the configuration leaves it unset), with kv's counters.</summary>
    private static (GcRunRecord Record, string Output) Measure(GcProgram program, string config, int round, int position, (string Image, string[] Arguments, string? Collector) run, bool haveTime)
    {
        var environment = new Dictionary<string, string?> { [CollectorVariable] = run.Collector };
        var (r, output) = RuntimeRun.Measure(program.Name, config, round, position, run.Image, run.Arguments, haveTime, environment);
        var counters = program.PrintsCounters ? GcSummaries.ParseCounters(output) : null;
        return (new GcRunRecord(r.Program, r.Config, r.Round, r.Position, r.Seconds, r.MaxRssKib, r.CpuSeconds, r.Exit, counters, r.Error), output);
    }
}
