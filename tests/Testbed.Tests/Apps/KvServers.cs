using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Testbed.Cli.Driver;
using Xunit;

namespace Testbed.Tests.Apps;

/// <summary>
/// A Redis-protocol server under test. Clients connect through it because it knows where the server is: on
/// 127.0.0.1 (CoreCLR, redis-server), or inside a network namespace (kv compiled by Testbed, <see cref="TestbedKvServer"/>).
/// Disposing stops it; <see cref="Kill"/> stops it as kill -9 would.
/// </summary>
internal interface IKvServer : IDisposable
{
    string Host { get; }
    int Port { get; }
    /// <summary>What the server printed so far.</summary>
    string Output { get; }
    KvRespClient Connect();
    /// <summary>Runs a client program (redis-benchmark) where it reaches <see cref="Host"/>.</summary>
    (int Exit, string Stdout, string Stderr) RunClient(string file, string arguments, int timeoutSeconds);
    void Kill();
}

/// <summary>Checks of what a server printed, which reaches <see cref="IKvServer.Output"/> asynchronously.</summary>
internal static class KvServerOutput
{
    /// <summary>
    /// The server's output is read by another thread, so a line the server printed before answering may
    /// not have been collected yet when the test looks (on a loaded machine it was not): wait for it.
    /// </summary>
    public static void AssertEventuallyContains(IKvServer server, string expected)
    {
        var limit = Stopwatch.StartNew();
        while (!server.Output.Contains(expected) && limit.Elapsed < TimeSpan.FromSeconds(30))
            Thread.Sleep(20);
        Assert.Contains(expected, server.Output);
    }
}

/// <summary>A server process on a free loopback port, killed (with its children) on Dispose.</summary>
internal sealed class ServerProcess : IKvServer
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string Output { get { lock (log) return log.ToString(); } }

    public KvRespClient Connect() => new(Port);

    public (int Exit, string Stdout, string Stderr) RunClient(string file, string arguments, int timeoutSeconds) =>
        KvTests.Run(file, arguments, timeoutSeconds);

    private ServerProcess(ProcessStartInfo psi, int port)
    {
        Port = port;
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    /// <summary>Starts the server and waits (by default up to 60 s) until it answers PING.</summary>
    public static ServerProcess Start(ProcessStartInfo psi, int port, TimeSpan? startup = null)
    {
        var server = new ServerProcess(psi, port);
        try
        {
            var sw = Stopwatch.StartNew();
            while (true)
            {
                if (server.process.HasExited)
                    throw new InvalidOperationException($"{psi.FileName} exited with {server.process.ExitCode}:\n{server.Output}");
                try
                {
                    using var c = new KvRespClient(port);
                    if (Encoding.ASCII.GetString(c.Call("PING")) == "+PONG\r\n")
                        return server;
                }
                catch (Exception) when (sw.Elapsed < (startup ?? TimeSpan.FromSeconds(60)))
                {
                    Thread.Sleep(100);
                }
            }
        }
        catch
        {
            server.Dispose();
            throw;
        }
    }

    public static ServerProcess StartRedis()
    {
        if (!File.Exists("/usr/bin/redis-server"))
            throw new InvalidOperationException("redis-server is missing: apt-get install -y --no-install-recommends redis-server redis-tools");
        int port = FreePort();
        return Start(new ProcessStartInfo("redis-server", $"--port {port} --bind 127.0.0.1 --save \"\" --appendonly no --daemonize no --dir {Path.GetTempPath()}"), port);
    }

    public static int FreePort()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        int port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return port;
    }

    public void Kill()
    {
        try { if (!process.HasExited) process.Kill(true); process.WaitForExit(10_000); } catch (InvalidOperationException) { }
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }
}

/// <summary>kv in one of its flavours: coreclr, testbed-linux, testbed-pvh (<see cref="TestbedKvServer"/>).</summary>
internal static class KvProcess
{
    /// <summary>kv built for CoreCLR (once per test run); KvBlockLogTests also loads it to call the block log directly.</summary>
    internal static readonly Lazy<string> CoreClrDll = new(BuildCoreClr);

    /// <summary>kv with its AOF on <paramref name="aof"/>.</summary>
    public static IKvServer Start(string flavour, KvStorage aof, params string[] args) =>
        Start(flavour, aof.Disks(flavour), aof.Arguments(flavour).Concat(args).ToArray());

    public static IKvServer Start(string flavour, params string[] args) => Start(flavour, [], args);

    private static IKvServer Start(string flavour, IReadOnlyList<string> disks, string[] args)
    {
        switch (flavour)
        {
            case "coreclr":
                int port = ServerProcess.FreePort();
                var psi = new ProcessStartInfo("dotnet");
                psi.ArgumentList.Add(CoreClrDll.Value);
                foreach (var a in new[] { "--port", port.ToString(), "--bind", "127.0.0.1" }.Concat(args))
                    psi.ArgumentList.Add(a);
                return ServerProcess.Start(psi, port);
            case "testbed-linux":
                return TestbedKvServer.Start("linux", disks, args);
            case "testbed-pvh":
                return TestbedKvServer.Start("pvh", disks, args);
            default:
                throw new ArgumentException("unknown kv flavour " + flavour);
        }
    }

    private static string BuildCoreClr()
    {
        var layout = RepositoryLayout.Locate();
        var project = Path.Combine(layout.Root, "bench", "apps", "kv", "kv.csproj");
        using var guestBuilds = GuestBuild.LockGuestBuilds(layout);
        var (exit, stdout, stderr) = KvTests.Run("dotnet", $"build \"{project}\" -p:KvRuntime=coreclr -nologo -v:q -getProperty:TargetPath -t:Build", 600);
        var path = stdout.Trim().Split('\n').Last().Trim();
        if (exit != 0 || !File.Exists(path))
            throw new InvalidOperationException($"building kv failed:\n{stdout}{stderr}");
        return path;
    }
}

/// <summary>
/// Where a test keeps kv's AOF: "file" is DIR/appendonly.aof (--dir), "device" a 64 MB zeroed image used as a raw
/// block device (--appenddevice, bench/apps/kv/Platform/BlockAppendLog.cs): the image itself on CoreCLR and the
/// linux target, the guest's first virtio-blk disk (/dev/vda) on pvh.
/// </summary>
internal sealed record KvStorage(string Kind, string Path)
{
    public const long DeviceSize = 64L * 1024 * 1024;

    public static KvStorage Create(string kind, string dir)
    {
        if (kind == "file") return new KvStorage(kind, dir);
        if (kind != "device") throw new ArgumentException("unknown AOF storage " + kind);
        var image = System.IO.Path.Combine(dir, "aof.img");
        using (var f = File.Create(image)) f.SetLength(DeviceSize);
        return new KvStorage(kind, image);
    }

    public string[] Arguments(string flavour)
    {
        if (Kind == "file")
        {
            if (flavour == "testbed-pvh") throw new ArgumentException("a pvh guest has no file system: its AOF is on a device");
            return ["--appendonly", "yes", "--dir", Path];
        }
        return ["--appendonly", "yes", "--appenddevice", flavour == "testbed-pvh" ? "/dev/vda" : Path];
    }

    /// <summary>The disks the guest gets (pvh only).</summary>
    public IReadOnlyList<string> Disks(string flavour) => flavour == "testbed-pvh" && Kind == "device" ? [Path] : [];
}
