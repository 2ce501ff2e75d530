using System.Diagnostics;
using System.Globalization;
using Testbed.Backend.Targets;
using Testbed.Bench.Clients;
using Testbed.Bench.Results;
using Testbed.Bench.Servers;
using Testbed.Cli.Driver;

namespace Testbed.Bench;

/// <summary>What one `testbed bench kv|http` run does (the defaults are the full run's).</summary>
public sealed record BenchOptions
{
    public required string Bench { get; init; }
    public required IReadOnlyList<BenchConfig> Configs { get; init; }
    public int Rounds { get; init; } = 3;
    /// <summary>Rounds run first and not recorded (page cache, CPU frequency, CoreCLR's tiered JIT).</summary>
    public int WarmupRounds { get; init; } = 1;
    /// <summary>kv: requests per redis-benchmark test.</summary>
    public long Requests { get; init; } = 100_000;
    /// <summary>http: seconds per wrk test.</summary>
    public double Seconds { get; init; } = 10;
    public int Connections { get; init; } = 30;
    public IReadOnlyList<int> Pipelines { get; init; } = [1, 16];
    /// <summary>http: (test name, path) pairs.</summary>
    public IReadOnlyList<(string Test, string Path)> Paths { get; init; } = [("612 B page", "/index.html"), ("64 KiB file", "/64k.bin")];
    public required string OutputDirectory { get; init; }
    public bool Quick { get; init; }
    /// <summary>The command line, recorded with the results so that they can be reproduced.</summary>
    public string Command { get; init; } = "";
}

/// <summary>
/// Builds what the configurations need, then for each round starts every configuration's server in turn
/// (the order rotated each round, so that drift on a shared machine hits all alike), waits until it
/// answers, warms it up, runs the clients, reads its memory and stops it. Writes the results.
/// </summary>
public sealed class BenchRun(BenchOptions options, IBenchProgress progress)
{
    private const int KvPort = 6379;
    private const int HttpPort = 8080;
    private readonly RepositoryLayout layout = RepositoryLayout.Locate();

    private sealed record Prepared(BenchConfig Config, ConfigRecord Record, Func<int, ServerRun> Start);

    public BenchReport Run()
    {
        var started = DateTime.UtcNow;
        var machine = Machine.Describe(layout.Root);
        CheckTools();
        var builds = new AppBuilds(layout, options.Bench, progress.Step);
        string? documentRoot = null;
        VethPair? veth = null;
        try
        {
            var prepared = new List<Prepared>();
            foreach (var config in options.Configs)
            {
                if (config.Kind != ServerKind.Testbed && veth == null) veth = VethPair.Create();
                if (config.Kind == ServerKind.Native && options.Bench == "http") documentRoot ??= builds.DocumentRoot();
                prepared.Add(Prepare(config, builds, veth, documentRoot, machine));
            }
            var rounds = new List<RoundRecord>();
            int total = (options.WarmupRounds + options.Rounds) * prepared.Count;
            int done = 0;
            for (int round = 1 - options.WarmupRounds; round <= options.Rounds; round++)
            {
                for (int position = 0; position < prepared.Count; position++)
                {
                    var p = prepared[(position + Math.Max(round, 0)) % prepared.Count];
                    progress.Status(done++, total, $"round {(round <= 0 ? "warm-up" : $"{round}/{options.Rounds}")}: {p.Config.Name}");
                    rounds.Add(RunOne(p, round, position, machine));
                    if (rounds[^1].Error is { } error) progress.Step($"{p.Config.Name}, round {round}: {error}");
                }
            }
            progress.Status(total, total, "writing the results");
            var records = prepared.Select(p => p.Record).ToList();
            var summary = Summaries.Compute(records, rounds);
            var report = new BenchReport(BenchReport.CurrentSchema, options.Bench, options.Command, started, machine,
                new BenchSettings(options.Rounds, options.WarmupRounds, options.Requests, options.Seconds, options.Connections,
                    options.Bench == "kv" ? options.Pipelines : [], options.Bench == "http" ? options.Paths.Select(p => p.Path).ToList() : [], options.Quick),
                records, rounds, summary);
            ReportWriter.Write(report, options.OutputDirectory);
            return report;
        }
        finally
        {
            veth?.Dispose();
            ScratchSpace.RemoveAll();
        }
    }

    private RoundRecord RunOne(Prepared p, int round, int position, Machine machine)
    {
        var tests = new List<ClientResult>();
        var commands = new List<string>();
        ServerRun? server = null;
        try
        {
            server = p.Start(machine.ServerCpu);
            long served = 1 + Warm(server, machine);   // 1: the probe that saw it answer
            foreach (var (command, results) in Clients(server, machine))
            {
                commands.Add(command);
                tests.AddRange(results);
            }
            served += tests.Sum(t => t.Requests ?? 0);
            var (resident, peak) = server.Memory();
            var counters = server.StopAndReadCounters();
            string? error = tests.Any(t => t.Errors > 0) ? $"the client counted {tests.Sum(t => t.Errors)} errors" : null;
            return new RoundRecord(round, round <= 0, p.Config.Name, position, server.Startup.TotalMilliseconds, resident, peak,
                counters?.BytesCopied, counters != null ? served : null, tests, commands, error)
            {
                CopiedBySite = counters?.CopiedBySite, LayerCalls = counters?.LayerCalls,
            };
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or ClientOutputException or IOException or TargetToolException)
        {
            return new RoundRecord(round, round <= 0, p.Config.Name, position, server?.Startup.TotalMilliseconds, null, null, null, null, tests, commands,
                e.Message.Split('\n')[0] + (server != null ? "\nserver log:\n" + Tail(server.Log) : ""));
        }
        finally
        {
            server?.DisposeAsync().AsTask().Wait();
        }
    }

    private static string Tail(string text) => text.Length <= 4000 ? text : "..." + text[^4000..];

    /// <summary>Unrecorded load before the measurement (CoreCLR's tiered JIT, every server's first-touch memory); the requests it sent.</summary>
    private long Warm(ServerRun server, Machine machine)
    {
        if (options.Bench == "kv")
        {
            long requests = Math.Max(1000, options.Requests / 10);
            RunClient(server, machine, RedisBenchmark.Program, RedisBenchmark.Arguments(server.Host, server.Port, options.Connections, requests, 16));
            return 2 * requests;   // GET and SET
        }
        var (_, output) = RunClient(server, machine, Wrk.Program, Wrk.Arguments($"http://{server.Host}:{server.Port}{options.Paths[0].Path}", options.Connections, Math.Min(1, options.Seconds)));
        return Wrk.Parse(output, "warm-up").Requests ?? 0;
    }

    private IEnumerable<(string Command, IReadOnlyList<ClientResult> Results)> Clients(ServerRun server, Machine machine)
    {
        if (options.Bench == "kv")
        {
            foreach (int pipeline in options.Pipelines)
            {
                var args = RedisBenchmark.Arguments(server.Host, server.Port, options.Connections, options.Requests, pipeline);
                var (command, output) = RunClient(server, machine, RedisBenchmark.Program, args);
                yield return (command, RedisBenchmark.Parse(output, pipeline, options.Requests));
            }
        }
        else
        {
            foreach (var (test, path) in options.Paths)
            {
                var args = Wrk.Arguments($"http://{server.Host}:{server.Port}{path}", options.Connections, options.Seconds);
                var (command, output) = RunClient(server, machine, Wrk.Program, args);
                yield return (command, [Wrk.Parse(output, test)]);
            }
        }
    }

    /// <summary>The client in the server's client namespace, on the client core; its output, or an exception naming its failure.</summary>
    private (string Command, string Output) RunClient(ServerRun server, Machine machine, string program, IReadOnlyList<string> arguments)
    {
        string command = $"ip netns exec NS taskset -c {machine.ClientCpu} {Shell.Join(program, arguments)}";
        var psi = new ProcessStartInfo(TapNetwork.IpTool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "netns", "exec", server.ClientNamespace, "taskset", "-c", machine.ClientCpu.ToString(CultureInfo.InvariantCulture), program }.Concat(arguments))
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // Generous: the PVH rows run under TCG here, two orders of magnitude slower than the rest.
        var limit = TimeSpan.FromSeconds(120 + options.Seconds * 4 + options.Requests / 200.0);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"{program} did not finish within {limit.TotalSeconds:0} s: {command}");
        }
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} failed (exit {process.ExitCode}): {command}\n{stdout.Result}{stderr.Result}");
        return (command, stdout.Result + stderr.Result);
    }

    private Prepared Prepare(BenchConfig config, AppBuilds builds, VethPair? veth, string? documentRoot, Machine machine)
    {
        bool kv = options.Bench == "kv";
        int port = kv ? KvPort : HttpPort;
        var probe = kv ? Probe.Redis : Probe.Http;
        var limit = TimeSpan.FromMinutes(config.IsPvh ? 5 : 1);
        switch (config.Kind)
        {
            case ServerKind.Native:
            {
                string program = kv ? "/usr/bin/redis-server" : "/usr/sbin/nginx";
                string configFile = Path.Combine(layout.Root, "bench", "harness", "configs", kv ? "redis.conf" : "nginx.conf");
                var differs = DiffersFromDefaults(configFile);
                string version = kv ? RedisVersion(program) : NginxVersion(program);
                var record = new ConfigRecord(config.Name, config.Label, "native", null, null, null, version, ExecutableBytes(program),
                    kv ? $"redis-server bench/harness/configs/redis.conf --port {port} --bind {veth!.ServerAddress} --dir WORK"
                       : $"nginx -c bench/harness/configs/nginx.conf (listen {veth!.ServerAddress}:{port}, root: tools/embed.py --materialize)", differs);
                return new Prepared(config, record, cpu =>
                {
                    string work = ScratchSpace.Create();
                    IReadOnlyList<string> args = kv
                        ? [configFile, "--port", port.ToString(), "--bind", veth.ServerAddress, "--dir", work]
                        : ["-c", NginxConfig(configFile, work, documentRoot!, $"{veth.ServerAddress}:{port}"), "-p", work, "-e", Path.Combine(work, "error.log")];
                    return ProcessServerRun.Start(veth, cpu, port, probe, program, args, limit, () => Directory.Delete(work, recursive: true));
                });
            }
            case ServerKind.CoreClr:
            {
                string dll = builds.CoreClrDll();
                IReadOnlyList<string> args = kv
                    ? [dll, "--port", port.ToString(), "--bind", veth!.ServerAddress]
                    : [dll, "--port", port.ToString(), "--bind", veth!.ServerAddress, "--no-access-log"];
                var record = new ConfigRecord(config.Name, config.Label, "coreclr", null, null, null, $".NET {Environment.Version}", new FileInfo(dll).Length,
                    "dotnet " + string.Join(' ', args.Skip(1).Prepend(Path.GetFileName(dll))), kv ? [] : ["--no-access-log"]);
                return new Prepared(config, record, cpu => ProcessServerRun.Start(veth, cpu, port, probe, "dotnet", args, limit));
            }
            default:
            {
                string image = builds.TestbedImage(config);
                IReadOnlyList<string> args = kv ? ["--port", port.ToString()] : ["--port", port.ToString(), "--no-access-log"];
                string? accelerator = config.IsPvh ? TestbedServerRun.PvhAccelerator.ToString().ToLowerInvariant() : null;
                var record = new ConfigRecord(config.Name, config.IsPvh ? $"{config.Label} ({accelerator!.ToUpperInvariant()})" : config.Label,
                    "testbed", config.Target, config.Passes, accelerator, $"Testbed {machine.Commit}", new FileInfo(image).Length,
                    TestbedServerRun.StartCommand(config, options.Bench, args), kv ? [] : ["--no-access-log"]);
                return new Prepared(config, record, cpu => TestbedServerRun.Start(config, image, cpu, port, probe, args, limit));
            }
        }
    }

    /// <summary>The lines of a checked-in configuration marked as differing from the package's defaults.</summary>
    internal static IReadOnlyList<string> DiffersFromDefaults(string configFile)
    {
        var lines = File.ReadAllLines(configFile);
        if (configFile.EndsWith("nginx.conf", StringComparison.Ordinal))
            return lines.Where(l => l.Contains("# DIFFERS", StringComparison.Ordinal)).Select(l => l.Split('#')[0].Trim()).ToList();
        // redis.conf: every directive differs (the file holds only changes).
        return lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
    }

    private static string NginxConfig(string template, string work, string root, string listen)
    {
        string path = Path.Combine(work, "nginx.conf");
        File.WriteAllText(path, File.ReadAllText(template).Replace("@WORK@", work).Replace("@ROOT@", root).Replace("@LISTEN@", listen));
        return path;
    }

    /// <summary>The size of the file a command's path leads to (/usr/bin/redis-server is a symbolic link to redis-check-rdb).</summary>
    private static long ExecutableBytes(string path) =>
        (new FileInfo(path).ResolveLinkTarget(returnFinalTarget: true) as FileInfo ?? new FileInfo(path)).Length;

    private static string RedisVersion(string program)
    {
        string text = HostCommand.Output(program, "--version");
        var m = System.Text.RegularExpressions.Regex.Match(text, @"v=(\S+)");
        return m.Success ? "redis-server " + m.Groups[1].Value : text.Trim();
    }

    private static string NginxVersion(string program)
    {
        var (_, stdout, stderr) = HostCommand.Run(program, ["-v"]);
        return (stdout + stderr).Trim().Replace("nginx version: ", "");
    }

    private void CheckTools()
    {
        if (!Environment.IsPrivilegedProcess)
            throw new TargetToolException("testbed bench needs root: it creates network namespaces (run it with sudo)");
        var needed = new List<string> { "ip", "taskset" };
        needed.Add(options.Bench == "kv" ? RedisBenchmark.Program : Wrk.Program);
        if (options.Configs.Any(c => c.Kind == ServerKind.Native)) needed.Add(options.Bench == "kv" ? "redis-server" : "nginx");
        if (options.Configs.Any(c => c.IsPvh)) needed.Add("qemu-system-x86_64");
        var missing = needed.Where(tool => !OnPath(tool)).ToList();
        if (missing.Count > 0)
            throw new TargetToolException($"missing: {string.Join(", ", missing)} (./testbed bench installs redis-server, redis-tools, nginx-light and wrk when run as root)");
    }

    private static bool OnPath(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Append("/usr/sbin").Any(dir => File.Exists(Path.Combine(dir, tool)));
}
