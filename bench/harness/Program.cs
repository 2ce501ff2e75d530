using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Testbed.Backend.Targets;
using Testbed.Bench.Gc;
using Testbed.Bench.Results;
using Testbed.Bench.Runtime;
using Testbed.Cli.Driver;

[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]

namespace Testbed.Bench;

/// <summary>How a run tells the user where it is: a progress bar on a terminal, plain lines otherwise.</summary>
public interface IBenchProgress
{
    void Status(int done, int total, string what);
    void Step(string message);
}

/// <summary>`testbed bench kv|http|net`: bench/harness/README.md.</summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // bench/net has its own script (two namespaces, a tap and iperf3): run it with the remaining arguments.
        if (args.Length > 0 && args[0] == "net")
            return RunNetScript(args[1..]);
        if (args.Length > 0 && args[0] == "paper")
            return Paper(args[1..]);
        if (args.Length > 0 && args[0] == "runtime")
            return Runtime(args[1..]);
        if (args.Length > 0 && args[0] == "gc")
            return Gc(args[1..]);
        if (args.Length > 0 && args[0] == "compile")
            return Compile(args[1..]);
        if (args.Length > 0 && args[0] is "kv-self" or "http-self")
            return SelfBenchCommand(args[0][..args[0].IndexOf('-')], args[1..]);
        return Command().Parse(args).Invoke();
    }

    private static RootCommand Command()
    {
        var bench = new Argument<string>("bench") { Description = "kv (redis-benchmark: redis-server, kv), http (wrk: nginx, tbhttp), net (bench/net/measure.sh, with its own options), runtime [--rounds R] [--quick] [--programs a,b] [--out DIR] (bench/runtime/programs on CoreCLR, NativeAOT and Testbed), gc [--rounds R] [--quick] [--out DIR] (the generational collector vs full collections and no barriers), compile [--rounds R] [--quick] [--out DIR] (testbed build's time for each app, by stage), kv-self [--rounds R] [--quick] [--requests N] [--configs a,b] and http-self [--seconds S] (a server and its client in one image), or paper NAME [--from DIR] (papers/NAME/comparison.md)" };
        bench.AcceptOnlyFromAmong("kv", "http", "net");
        var rounds = new Option<int>("--rounds") { Description = "Measured rounds; the configurations are alternated within each.", DefaultValueFactory = _ => 3 };
        var warmup = new Option<int>("--warmup") { Description = "Rounds run first and not recorded.", DefaultValueFactory = _ => 1 };
        var requests = new Option<long>("--requests") { Description = "kv: requests per redis-benchmark test (-n).", DefaultValueFactory = _ => 100_000 };
        var seconds = new Option<double>("--seconds") { Description = "http: seconds per wrk test (-d).", DefaultValueFactory = _ => 10 };
        var connections = new Option<int>("--connections") { Description = "Client connections (redis-benchmark -c, wrk -c).", DefaultValueFactory = _ => 30 };
        var configs = new Option<string?>("--configs") { Description = "Only these configurations, comma-separated (see --list)." };
        var add = new Option<string[]>("--add") { Description = "One more configuration: NAME=PIPELINE, the linux target built with that pass pipeline, in opt's grammar or -O0 … -O3 (repeatable), e.g. o3=-O3 or nopasses='llvm(default<O2>)'.", AllowMultipleArgumentsPerToken = false };
        var quick = new Option<bool>("--quick") { Description = "A smoke run in seconds: 1 round, no warm-up, 2,000 requests or 1 s per test; results named <bench>-quick.*" };
        var output = new Option<string?>("--out") { Description = "Where the results go (default bench/results)." };
        var countLayerCalls = new Option<bool>("--count-layer-calls")
        {
            Description = "Build the Testbed linux configurations with --count-layer-calls and report cross-layer calls per request (an instrumented build: for counting, not for throughput).",
        };
        var list = new Option<bool>("--list") { Description = "Print the configurations and exit." };
        var command = new RootCommand("Runs a server benchmark over its configurations in alternated rounds and writes bench/results/<bench>.json, .md and -throughput.png, -latency.png.")
        {
            bench, rounds, warmup, requests, seconds, connections, configs, add, quick, output, countLayerCalls, list,
        };
        command.SetAction(parse =>
        {
            string name = parse.GetValue(bench)!;
            if (name == "net") return RunNetScript([]);
            var all = Configurations.For(name).Concat((parse.GetValue(add) ?? []).Select(a => Configurations.Added(name, a))).ToList();
            if (parse.GetValue(list))
            {
                foreach (var c in all) Console.WriteLine($"{c.Name,-28} {c.Label}");
                return 0;
            }
            var (chosen, unknown) = Configurations.Choose(all, parse.GetValue(configs));
            if (unknown != null)
            {
                Console.Error.WriteLine("testbed bench: " + unknown);
                return 2;
            }
            if (parse.GetValue(countLayerCalls))
                chosen = chosen.Select(c => c.Kind == ServerKind.Testbed && !c.IsPvh ? c with { CountLayerCalls = true } : c).ToList();
            bool isQuick = parse.GetValue(quick);
            var options = new BenchOptions
            {
                Bench = name,
                Configs = chosen,
                Rounds = isQuick ? 1 : Positive(parse.GetValue(rounds), "--rounds"),
                WarmupRounds = isQuick ? 0 : Math.Max(0, parse.GetValue(warmup)),
                Requests = isQuick ? 2000 : Positive(parse.GetValue(requests), "--requests"),
                Seconds = isQuick ? 1 : parse.GetValue(seconds) is var s && s > 0 ? s : throw new ArgumentException("--seconds must be positive"),
                Connections = Positive(parse.GetValue(connections), "--connections"),
                OutputDirectory = parse.GetValue(output) ?? Path.Combine(RepositoryLayout.Locate().Root, "bench", "results"),
                Quick = isQuick,
                Command = "./testbed bench " + string.Join(' ', Environment.GetCommandLineArgs().Skip(1).Select(Shell.Quote)),
            };
            return Run(options);
        });
        return command;
    }

    private static T Positive<T>(T value, string option) where T : System.Numerics.INumber<T> =>
        value > T.Zero ? value : throw new ArgumentException($"{option} must be positive");

    public static int Run(BenchOptions options)
    {
        try
        {
            var report = WithProgress(options.Bench, progress => new BenchRun(options, progress).Run());
            string name = options.Bench + (options.Quick ? "-quick" : "");
            Console.WriteLine(File.ReadAllText(Path.Combine(options.OutputDirectory, name + ".md")));
            int failed = report.Rounds.Count(r => r.Error != null);
            if (failed > 0)
            {
                Console.Error.WriteLine($"testbed bench: {failed} of {report.Rounds.Count} server runs failed (listed in {name}.md)");
                return 1;
            }
            return 0;
        }
        catch (Exception e) when (e is ArgumentException or TargetToolException or Testbed.IR.DiagnosticException)
        {
            // A build that failed (TBnnnn), a bad option, a missing tool: the message, not a stack trace.
            Console.Error.WriteLine("testbed bench: " + e.Message);
            return e is TargetToolException ? 3 : 2;
        }
    }

    /// <summary>`paper NAME [--from DIR]`: papers/NAME/comparison.md and .png from its published.json and our results (default: papers/NAME/results).</summary>
    private static int Paper(string[] args)
    {
        string root = RepositoryLayout.Locate().Root;
        if (args.Length is not (1 or 3) || (args.Length == 3 && args[1] != "--from"))
        {
            Console.Error.WriteLine("usage: testbed bench paper NAME [--from DIR]   (NAME: a folder of papers/; DIR holds kv.json and http.json)");
            return 2;
        }
        string from = args.Length == 3 ? Path.GetFullPath(args[2]) : Path.Combine(root, "papers", args[0], "results");
        try
        {
            return Papers.PaperComparison.Write(root, args[0], from, Console.Error);
        }
        catch (ArgumentException e)
        {
            Console.Error.WriteLine("testbed bench paper: " + e.Message);
            return 2;
        }
    }

    /// <summary>`runtime [--rounds R] [--quick] [--programs a,b] [--out DIR]`: bench/runtime/programs on CoreCLR, NativeAOT and Testbed. Needs no root.</summary>
    private static int Runtime(string[] args)
    {
        var (options, error) = RuntimeOptions.Parse(args, Path.Combine(RepositoryLayout.Locate().Root, "bench", "results"));
        if (options == null)
        {
            Console.Error.WriteLine("testbed bench runtime: " + error);
            return 2;
        }
        options = options with { Command = "./testbed bench runtime" + string.Concat(args.Select(a => " " + Shell.Quote(a))) };
        var report = WithProgress("runtime", progress => new RuntimeRun(options, progress).Run());
        Console.WriteLine(File.ReadAllText(Path.Combine(options.OutputDirectory, options.ResultName + ".md")));
        int failed = report.Programs.Count(p => p.Error != null) + report.Runs.Count(r => r.Error != null);
        if (failed > 0)
        {
            Console.Error.WriteLine($"testbed bench runtime: {failed} failures (listed in {options.ResultName}.md)");
            return 1;
        }
        return 0;
    }

    /// <summary>`gc [--rounds R] [--quick] [--out DIR]`: the generational collector against full collections and without write barriers. Needs no root.</summary>
    private static int Gc(string[] args)
    {
        var (options, error) = GcOptions.Parse(args, Path.Combine(RepositoryLayout.Locate().Root, "bench", "results"));
        if (options == null)
        {
            Console.Error.WriteLine("testbed bench gc: " + error);
            return 2;
        }
        options = options with { Command = "./testbed bench gc" + string.Concat(args.Select(a => " " + Shell.Quote(a))) };
        var report = WithProgress("gc", progress => new GcRun(options, progress).Run());
        Console.WriteLine(File.ReadAllText(Path.Combine(options.OutputDirectory, options.ResultName + ".md")));
        int failed = report.Programs.Count(p => p.Error != null) + report.Runs.Count(r => r.Error != null);
        if (failed > 0)
        {
            Console.Error.WriteLine($"testbed bench gc: {failed} failures (listed in {options.ResultName}.md)");
            return 1;
        }
        return 0;
    }

    private static int Compile(string[] args)
    {
        var (options, error) = Testbed.Bench.Compile.CompileOptions.Parse(args, Path.Combine(RepositoryLayout.Locate().Root, "bench", "results"));
        if (options == null)
        {
            Console.Error.WriteLine("testbed bench compile: " + error);
            return 2;
        }
        options = options with { Command = "./testbed bench compile" + string.Concat(args.Select(a => " " + Shell.Quote(a))) };
        var report = WithProgress("compile", progress => new Testbed.Bench.Compile.CompileRun(options, progress).Run());
        Console.WriteLine(File.ReadAllText(Path.Combine(options.OutputDirectory, options.ResultName + ".md")));
        int failed = report.Builds.Count(b => b.Error != null);
        if (failed > 0)
        {
            Console.Error.WriteLine($"testbed bench compile: {failed} failed builds (listed in {options.ResultName}.md)");
            return 1;
        }
        return 0;
    }

    /// <summary>
    /// `kv-self [--rounds R] [--quick] [--requests N] [--clients C] [--configs a,b] [--add NAME=PIPELINE] [--out DIR]`, or `http-self` with
    /// --seconds S and --connections C: an app's in-image benchmark. Needs no root.
    /// </summary>
    private static int SelfBenchCommand(string app, string[] args)
    {
        string name = app + "-self";
        var (options, error) = SelfBench.SelfBenchOptions.Parse(app, args, Path.Combine(RepositoryLayout.Locate().Root, "bench", "results"));
        if (options == null)
        {
            Console.Error.WriteLine("testbed bench " + name + ": " + error);
            return 2;
        }
        options = options with { Command = "./testbed bench " + name + string.Concat(args.Select(a => " " + Shell.Quote(a))) };
        SelfBench.SelfBenchReport report;
        try
        {
            report = WithProgress(name, progress => new SelfBench.SelfBenchRun(options, progress).Run());
        }
        catch (TargetToolException e)
        {
            Console.Error.WriteLine("testbed bench " + name + ": " + e.Message);
            return 3;
        }
        Console.WriteLine(File.ReadAllText(Path.Combine(options.OutputDirectory, options.ResultName + ".md")));
        int failed = report.Runs.Count(r => r.Error != null) + report.Configurations.Count(c => c.Error != null);
        if (failed > 0)
        {
            Console.Error.WriteLine($"testbed bench {name}: {failed} failures (listed in {options.ResultName}.md)");
            return 1;
        }
        return 0;
    }

    private static int RunNetScript(string[] args)
    {
        var psi = new ProcessStartInfo("bash") { UseShellExecute = false };
        psi.ArgumentList.Add(Path.Combine(RepositoryLayout.Locate().Root, "bench", "net", "measure.sh"));
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>Runs <paramref name="run"/> with a progress bar on a terminal, plain lines otherwise.</summary>
    private static T WithProgress<T>(string task, Func<IBenchProgress, T> run) =>
        AnsiConsole.Profile.Capabilities.Interactive && !Console.IsOutputRedirected
            ? AnsiConsole.Progress().AutoClear(false).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .Start(context => run(new SpectreProgress(context.AddTask(task))))
            : run(new PlainProgress());

    private sealed class SpectreProgress(ProgressTask task) : IBenchProgress
    {
        public void Status(int done, int total, string what)
        {
            task.MaxValue = Math.Max(1, total);
            task.Value = done;
            task.Description = Markup.Escape(what);
        }

        public void Step(string message) => AnsiConsole.MarkupLine("[grey]" + Markup.Escape(message) + "[/]");
    }

    private sealed class PlainProgress : IBenchProgress
    {
        public void Status(int done, int total, string what) => Console.Error.WriteLine($"bench: [{done}/{total}] {what}");
        public void Step(string message) => Console.Error.WriteLine("bench: " + message);
    }
}

/// <summary>Command lines as a shell would take them, for the results' "reproduce" lines.</summary>
internal static class Shell
{
    public static string Quote(string arg) =>
        arg.Length > 0 && !arg.Any(c => char.IsWhiteSpace(c) || "'\"<>()|&;$*?[]{}\\`!#~".Contains(c)) ? arg : $"'{arg.Replace("'", "'\\''")}'";

    public static string Join(string program, IEnumerable<string> arguments) => string.Join(' ', arguments.Select(Quote).Prepend(program));
}
