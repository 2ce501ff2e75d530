using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Testbed.Cli.Driver;
using Xunit;
using Xunit.Abstractions;

namespace Testbed.Tests.Apps;

/// <summary>
/// bench/apps/kv, the Redis-compatible server: a scripted session (bench/apps/kv/tests/session.txt) must get
/// byte-identical replies from kv and from Debian's redis-server 7.0; redis-benchmark's default suite must
/// run without errors; with appendfsync always, no acknowledged write may be lost to kill -9. Each test takes
/// the kv flavour as a parameter: "coreclr" (a dotnet process on a free loopback port), "testbed-linux" and
/// "testbed-pvh" (kv compiled by Testbed, on a tap in a namespace, <see cref="TestbedKvServer"/>). Every
/// server is stopped in a finally. Testbed runs the session, the benchmark and the crash test; the other tests
/// run on CoreCLR (and the quick ones on the linux target), so that the suite's time stays modest.
/// </summary>
public sealed class KvTests
{
    private readonly ITestOutputHelper output;

    public KvTests(ITestOutputHelper output) { this.output = output; }

    public static TheoryData<string> Flavours() => new(AllFlavours);

    private static readonly string[] AllFlavours = { "coreclr", "testbed-linux", "testbed-pvh" };

    /// <summary>The flavours with a file system (pvh has only raw disks).</summary>
    public static TheoryData<string> FileFlavours() => new("coreclr", "testbed-linux");

    public static TheoryData<string> CoreClrOnly() => new("coreclr");

    /// <summary>
    /// The crash test's cases: the AOF in a file and on a device (<see cref="KvStorage"/>) on CoreCLR; on a device on
    /// Testbed, where the device is the point (pvh's virtio-blk disk; on the linux target an image file, as on CoreCLR).
    /// </summary>
    public static TheoryData<string, string> FlavoursAndStorage() => new()
    {
        { "coreclr", "file" }, { "coreclr", "device" }, { "testbed-linux", "device" }, { "testbed-pvh", "device" },
    };

    private static string KvDir => Path.Combine(RepositoryLayout.Locate().Root, "bench", "apps", "kv");

    [Theory, MemberData(nameof(Flavours))]
    public void Session_RepliesAreByteIdenticalToRedisServer(string flavour)
    {
        var session = KvSession.Parse(File.ReadAllLines(Path.Combine(KvDir, "tests", "session.txt")));
        var outDir = Path.Combine(RepositoryLayout.Locate().Cache, "kv-tests");
        Directory.CreateDirectory(outDir);
        List<KvSession.Result> expected, actual;
        using (var redis = ServerProcess.StartRedis())
            expected = session.Run(redis.Connect, Path.Combine(outDir, "redis-server.resp"));
        using (var kv = KvProcess.Start(flavour))
            actual = session.Run(kv.Connect, Path.Combine(outDir, $"kv-{flavour}.resp"));
        output.WriteLine($"{expected.Count} steps; raw transcripts in {outDir}");
        var differences = new StringBuilder();
        int count = 0;
        for (int i = 0; i < Math.Min(expected.Count, actual.Count); i++)
            if (!KvSession.Same(expected[i], actual[i]) && count++ < 40)
                differences.Append($"line {expected[i].Line}: {expected[i].Text}\n redis-server: {Escape(expected[i].Compared)}\n kv:           {Escape(actual[i].Compared)}\n");
        if (actual.Count < expected.Count)
            differences.Append($"kv stopped answering at line {expected[actual.Count].Line}: {expected[actual.Count].Text}\n");
        Assert.True(count == 0 && actual.Count == expected.Count, $"{count} replies differ:\n{differences}");
    }

    [Theory, MemberData(nameof(Flavours))]
    public void RedisBenchmark_DefaultSuite_HasNoErrors(string flavour)
    {
        // Under QEMU's emulator (no usable KVM here) a tenth of the requests keeps the test to minutes.
        int requests = flavour == "testbed-pvh" ? 2000 : 20000;
        using var kv = KvProcess.Start(flavour);
        foreach (var pipeline in new[] { 1, 16 })
        {
            var (exit, stdout, stderr) = kv.RunClient("redis-benchmark", $"-h {kv.Host} -p {kv.Port} -n {requests} -P {pipeline} --csv", 1200);
            output.WriteLine($"-P {pipeline}:\n{stdout}{stderr}");
            Assert.Equal(0, exit);
            Assert.DoesNotContain("rror", stdout + stderr);
            foreach (var test in new[] { "PING_INLINE", "PING_MBULK", "SET", "GET", "INCR", "LPUSH", "RPUSH", "LPOP", "RPOP", "SADD", "HSET",
                         "SPOP", "ZADD", "ZPOPMIN", "LRANGE_100", "LRANGE_300", "LRANGE_500", "LRANGE_600", "MSET" })
                Assert.Contains($"\"{test}", stdout);
        }
    }

    [Theory, MemberData(nameof(FlavoursAndStorage))]
    public void AppendFsyncAlways_KillDuringWrites_LosesNoAcknowledgedWrite(string flavour, string storage)
    {
        var dir = TempDir();
        try
        {
            var aof = KvStorage.Create(storage, dir);
            var acknowledged = new List<int>();
            using (var kv = KvProcess.Start(flavour, aof, "--appendfsync", "always"))
            {
                using var client = kv.Connect();
                var deadline = Stopwatch.StartNew();
                // Writes one at a time; kill -9 lands in the middle of one of them.
                var killer = new Thread(() => { Thread.Sleep(1500); try { kv.Kill(); } catch (Exception) { } }) { IsBackground = true };
                killer.Start();
                try
                {
                    for (int i = 0; deadline.Elapsed < TimeSpan.FromSeconds(30); i++)
                    {
                        var reply = client.Call("SET", $"key:{i}", $"value:{i}");
                        Assert.Equal("+OK\r\n", Encoding.ASCII.GetString(reply));
                        acknowledged.Add(i);
                        client.Call("RPUSH", "log", i.ToString());
                    }
                }
                catch (IOException) { }
                catch (SocketException) { }
                killer.Join();
            }
            output.WriteLine($"{acknowledged.Count} writes acknowledged before the kill");
            Assert.True(acknowledged.Count > 10, "too few writes before the kill to mean anything");
            using (var kv = KvProcess.Start(flavour, aof, "--appendfsync", "always"))
            {
                using var client = kv.Connect();
                foreach (var i in acknowledged)
                    Assert.Equal($"$" + $"value:{i}".Length + $"\r\nvalue:{i}\r\n", Encoding.ASCII.GetString(client.Call("GET", $"key:{i}")));
                // The list got one RPUSH after each acknowledged SET, in order; only the last may be missing.
                var log = client.CallTree(new[] { "LRANGE", "log", "0", "-1" }.Select(Encoding.ASCII.GetBytes).ToArray());
                Assert.InRange(log.Children.Count, acknowledged.Count - 1, acknowledged.Count);
                for (int i = 0; i < log.Children.Count; i++)
                    Assert.Equal(i.ToString(), Encoding.ASCII.GetString(log.Children[i].Payload).TrimEnd('\r', '\n'));
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory, MemberData(nameof(FileFlavours))]
    public void TornLastAofRecord_IsTruncatedWithAWarning(string flavour)
    {
        var dir = TempDir();
        try
        {
            using (var kv = KvProcess.Start(flavour, "--appendonly", "yes", "--appendfsync", "always", "--dir", dir))
            using (var client = kv.Connect())
            {
                client.Call("SET", "a", "1");
                client.Call("SELECT", "3");
                client.Call("SET", "b", "2", "PX", "600000");
            }
            var aof = Path.Combine(dir, "appendonly.aof");
            long good = new FileInfo(aof).Length;
            File.AppendAllText(aof, "*3\r\n$3\r\nSET\r\n$1\r\nc\r\n$2\r\n3");
            using (var kv = KvProcess.Start(flavour, "--appendonly", "yes", "--dir", dir))
            using (var client = kv.Connect())
            {
                Assert.Equal("$1\r\n1\r\n", Encoding.ASCII.GetString(client.Call("GET", "a")));
                client.Call("SELECT", "3");
                Assert.Equal("$1\r\n2\r\n", Encoding.ASCII.GetString(client.Call("GET", "b")));
                Assert.StartsWith(":", Encoding.ASCII.GetString(client.Call("PTTL", "b")));
                Assert.Equal("$-1\r\n", Encoding.ASCII.GetString(client.Call("GET", "c")));
                KvServerOutput.AssertEventuallyContains(kv, "short read");
                Assert.Equal(good, new FileInfo(aof).Length);
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Theory, MemberData(nameof(CoreClrOnly))]
    public void BadInput_ClosesThatClientOnly_AndKeysExpireWithoutBeingRead(string flavour)
    {
        using var kv = KvProcess.Start(flavour);
        using var good = kv.Connect();
        good.Call("SET", "survivor", "1");
        for (int i = 0; i < 50; i++)
            good.Call("SET", $"short:{i}", "x", "PX", "100");
        // A bulk longer than proto-max-bulk-len, then a query buffer beyond its limit: each closes its client.
        foreach (var bad in new[] { "*1\r\n$999999999999\r\n", "*2\r\n$3\r\nGET\r\n$a\r\n" })
        {
            using var client = kv.Connect();
            var all = client.SendRawAndReadToEnd(Encoding.ASCII.GetBytes(bad));
            Assert.StartsWith("-ERR Protocol error", Encoding.ASCII.GetString(all));
        }
        // A request that needs more than client-query-buffer-limit (64 MB): the client is closed without a reply.
        using (var flood = kv.Connect())
        {
            byte[]? rest = null;
            Exception? error = null;
            try
            {
                flood.SendRaw(Encoding.ASCII.GetBytes("*4\r\n$3\r\nSET\r\n$1\r\nk\r\n$33554432\r\n"));
                var chunk = new byte[1 << 20];
                for (int i = 0; i < 32; i++) flood.SendRaw(chunk);
                flood.SendRaw(Encoding.ASCII.GetBytes("\r\n$33554432\r\n"));
                for (int i = 0; i < 32; i++) flood.SendRaw(chunk);
                rest = flood.SendRawAndReadToEnd(Array.Empty<byte>());
            }
            catch (IOException e) { error = e; }
            Assert.False(error?.InnerException is SocketException { SocketErrorCode: SocketError.TimedOut }, "the server kept reading past the limit");
            Assert.True(error != null || rest!.Length == 0);
        }
        Assert.Equal("$1\r\n1\r\n", Encoding.ASCII.GetString(good.Call("GET", "survivor")));
        // The active expiry sweep deletes keys nobody reads (DBSIZE looks at no key).
        var sw = Stopwatch.StartNew();
        while (Encoding.ASCII.GetString(good.Call("DBSIZE")) != ":1\r\n" && sw.Elapsed < TimeSpan.FromSeconds(10))
            Thread.Sleep(100);
        Assert.Equal(":1\r\n", Encoding.ASCII.GetString(good.Call("DBSIZE")));
    }

    internal static string TempDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "kv-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    internal static (int Exit, string Stdout, string Stderr) Run(string file, string arguments, int timeoutSeconds)
    {
        var psi = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeoutSeconds * 1000))
        {
            p.Kill(true);
            throw new TimeoutException($"{file} {arguments} did not finish in {timeoutSeconds} s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    internal static string Escape(byte[] bytes)
    {
        var sb = new StringBuilder();
        foreach (var b in bytes)
            sb.Append(b == '\r' ? "\\r" : b == '\n' ? "\\n" : b >= 32 && b < 127 ? ((char)b).ToString() : $"\\x{b:x2}");
        return sb.ToString();
    }
}
