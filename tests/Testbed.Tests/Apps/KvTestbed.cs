using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;

namespace Testbed.Tests.Apps;

/// <summary>
/// kv compiled by Testbed, as HttpServerRun runs bench/apps/http: the linux target's executable, or the pvh image
/// under QEMU (TCG), on a tap in a network namespace the runner creates and removes, the guest at 10.0.2.15:6379.
/// Programs (redis-benchmark) run in the namespace through `ip netns exec`; the tests' own RESP clients get a
/// socket created inside it (<see cref="Netns"/>). Each image is built once per test run.
/// </summary>
internal sealed class TestbedKvServer : IKvServer
{
    private const string Guest = "10.0.2.15";
    private const int GuestPort = 6379;
    private static readonly RepositoryLayout Layout = RepositoryLayout.Locate();
    private static readonly Lazy<string> LinuxImage = new(() => BuildImage("linux"));
    private static readonly Lazy<string> PvhImage = new(() => BuildImage("pvh"));

    private readonly StringBuilder log = new();
    private readonly CancellationTokenSource stop = new();
    private readonly string target;
    private Task<RunResult>? running;
    private volatile string? space;

    private TestbedKvServer(string target) { this.target = target; }

    /// <summary>The image of <paramref name="target"/> (linux or pvh), built once per test run.</summary>
    public static string Image(string target) => target == "pvh" ? PvhImage.Value : LinuxImage.Value;

    public string Host => Guest;

    public int Port => GuestPort;

    public string Output { get { lock (log) return log.ToString(); } }

    public KvRespClient Connect() =>
        new(NetworkNamespace.Connect(space ?? throw new InvalidOperationException("no namespace yet"), Guest, GuestPort), target == "pvh" ? 60_000 : 10_000);

    public (int Exit, string Stdout, string Stderr) RunClient(string file, string arguments, int timeoutSeconds) =>
        KvTests.Run("ip", $"netns exec {space} {file} {arguments}", timeoutSeconds);

    /// <summary>Starts kv with <paramref name="args"/> (after --port 6379) and waits until it answers PING.</summary>
    public static TestbedKvServer Start(string target, IReadOnlyList<string> disks, string[] args)
    {
        string image = target == "pvh" ? PvhImage.Value : LinuxImage.Value;
        var server = new TestbedKvServer(target);
        try
        {
            var options = new RunOptions
            {
                Timeout = TimeSpan.FromMinutes(30),
                Network = QemuNetwork.Tap,
                Accelerator = QemuAccelerator.Tcg,
                Memory = "256M",
                Disks = disks,
                ProgramArguments = ["--port", GuestPort.ToString(), .. args],
                Notice = line =>
                {
                    if (Regex.Match(line, @"^network namespace (\S+):") is { Success: true } m)
                        server.space = m.Groups[1].Value;
                },
            };
            var stdout = new GuestLogStream(server.log);
            server.running = target == "pvh"
                ? QemuRunner.RunAsync(image, stdout, options, server.stop.Token)
                : NativeRunner.RunAsync(image, stdout, options, server.stop.Token);
            server.WaitUntilServing(TimeSpan.FromMinutes(target == "pvh" ? 5 : 1));
            return server;
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    private void WaitUntilServing(TimeSpan limit)
    {
        var deadline = DateTime.UtcNow + limit;
        while (true)
        {
            if (running!.IsCompleted)
                throw new InvalidOperationException($"kv ({target}) ended before serving:\n{Output}{Describe()}");
            if (space != null && Output.Contains("kv: listening on"))
            {
                try
                {
                    using var c = Connect();
                    if (Encoding.ASCII.GetString(c.Call("PING")) == "+PONG\r\n")
                        return;
                }
                catch (Exception) when (DateTime.UtcNow < deadline) { }
            }
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"kv ({target}) did not start in {limit}:\n{Output}");
            Thread.Sleep(100);
        }
    }

    private string Describe() =>
        running is { IsCompletedSuccessfully: true } ? running.Result.Describe() + "\n" + running.Result.ProgramStderr + running.Result.Diagnostics : "";

    /// <summary>kill -9 of the executable or of QEMU (the runner kills its process tree), then the namespace goes.</summary>
    public void Kill()
    {
        if (running == null) return;
        stop.Cancel();
        try { running.Wait(TimeSpan.FromSeconds(30)); }
        catch (AggregateException e) when (e.InnerException is OperationCanceledException) { }
    }

    public void Dispose()
    {
        Kill();
        if (space != null && KvTests.Run("ip", "netns list", 30).Stdout.Contains(space))
            throw new InvalidOperationException($"the namespace {space} outlived the server");
    }

    private static string BuildImage(string target)
    {
        var dir = Path.Combine(Layout.Cache, "kv-tests");
        Directory.CreateDirectory(dir);
        var image = Path.Combine(dir, $"kv.{Guid.NewGuid():N}.{(target == "pvh" ? "elf" : "exe")}");
        new BuildDriver(Layout).Build(new BuildRequest(Path.Combine(Layout.Root, "bench", "apps", "kv"), Target.FromName(target)!, image));
        return image;
    }
}
