using System.Diagnostics;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Xunit;
using Xunit.Abstractions;

namespace Testbed.Tests.Apps;

/// <summary>
/// bench/apps/http, the static-file server, on CoreCLR (loopback) and compiled by Testbed for the linux target
/// on a tap (`--net tap`: the clients, curl, wrk, ab and tests/client.py, run inside the namespace), plus one
/// smoke test on PVH under TCG. Every server is stopped in a finally; the namespaces are checked to be gone.
/// The servers run with 3 s keep-alive and header timeouts (on Testbed baked in with -p:HttpArgs, since Main
/// gets no arguments there).
/// </summary>
public sealed class HttpTests
{
    private const string Options = "--keepalive-timeout 3 --header-timeout 3";
    private readonly ITestOutputHelper output;

    public HttpTests(ITestOutputHelper output) { this.output = output; }

    public static TheoryData<string> Flavours() => new() { "coreclr", "linux" };

    private static string AppDir => Path.Combine(RepositoryLayout.Locate().Root, "bench", "apps", "http");

    [Theory, MemberData(nameof(Flavours))]
    public async Task FilesHeadersConditionalsAndRanges_AsSpecified(string flavour)
    {
        var tree = HttpServerRun.Tree.Value;
        await using var server = await HttpServerRun.Start(flavour);
        var index = File.ReadAllBytes(Path.Combine(tree, "index.html"));
        var small = File.ReadAllBytes(Path.Combine(tree, "64k.bin"));
        Assert.Equal(612, index.Length);

        var get = server.Curl("/");
        Assert.Equal(200, get.Status);
        Assert.Equal("tbhttp", get.Header("Server"));
        Assert.Equal("text/html", get.Header("Content-Type"));
        Assert.Equal("612", get.Header("Content-Length"));
        Assert.Equal("keep-alive", get.Header("Connection"));
        Assert.Equal("bytes", get.Header("Accept-Ranges"));
        Assert.Matches("^\"[0-9a-f]+-264\"$", get.Header("ETag"));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(index)), get.BodySha256);
        var lastModified = get.Header("Last-Modified")!;
        Assert.Matches(@"^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$", lastModified);
        // IMF-fixdate from the wall clock, on every flavour, within a few seconds of the host's.
        var date = get.Header("Date");
        Assert.Matches(@"^\w{3}, \d\d \w{3} \d{4} \d\d:\d\d:\d\d GMT$", date);
        var served = DateTimeOffset.ParseExact(date!, "r", System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange((DateTimeOffset.UtcNow - served).TotalSeconds, -5, 60);
        var etag = get.Header("ETag")!;

        var head = server.Curl("/index.html", "-I");
        Assert.Equal(200, head.Status);
        Assert.Equal("612", head.Header("Content-Length"));
        // curl -I writes the head to its output file too: nothing may follow it.
        Assert.EndsWith("\r\n\r\n", head.Body);
        Assert.DoesNotContain("<!DOCTYPE", head.Body);

        var generated = server.Curl("/64k.bin");
        Assert.Equal("application/octet-stream", generated.Header("Content-Type"));
        Assert.Equal("\"6553f100-10000\"", generated.Header("ETag"));
        Assert.Equal("Tue, 14 Nov 2023 22:13:20 GMT", generated.Header("Last-Modified"));
        foreach (var name in new[] { "64k.bin", "1m.bin", "docs/readme.txt" })
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(tree, name)))), server.Curl("/" + name).BodySha256);

        // HTTP/1.0: closed after the response unless asked; keep-alive and reuse on 1.1.
        Assert.Equal("close", server.Curl("/", "--http1.0").Header("Connection"));
        Assert.Equal("keep-alive", server.Curl("/", "--http1.0", "-H", "Connection: keep-alive").Header("Connection"));
        Assert.Equal("close", server.Curl("/", "-H", "Connection: close").Header("Connection"));
        var reuse = server.Run("curl", "-sv", "-o", "/dev/null", "-o", "/dev/null", server.Url("/"), server.Url("/64k.bin"));
        Assert.Contains("Re-using existing connection", reuse.Stderr);

        // Conditionals.
        Assert.Equal(304, server.Curl("/", "-H", "If-None-Match: " + etag).Status);
        Assert.Equal(304, server.Curl("/", "-H", "If-None-Match: \"x\", W/" + etag).Status);
        Assert.Equal(304, server.Curl("/", "-H", "If-None-Match: *").Status);
        Assert.Equal(200, server.Curl("/", "-H", "If-None-Match: \"other\"").Status);
        var notModified = server.Curl("/", "-H", "If-Modified-Since: " + lastModified);
        Assert.Equal(304, notModified.Status);
        Assert.Equal(etag, notModified.Header("ETag"));
        Assert.Equal(0, notModified.BodyLength);
        Assert.Equal(200, server.Curl("/", "-H", "If-Modified-Since: Sat, 01 Jan 2000 00:00:00 GMT").Status);
        Assert.Equal(200, server.Curl("/", "-H", "If-None-Match: \"other\"", "-H", "If-Modified-Since: " + lastModified).Status);

        // One byte range: 206; unsatisfiable: 416 with the length; If-Range that does not hold: the whole file.
        var range = server.Curl("/64k.bin", "-r", "100-1099");
        Assert.Equal(206, range.Status);
        Assert.Equal("bytes 100-1099/65536", range.Header("Content-Range"));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(small.AsSpan(100, 1000))), range.BodySha256);
        var suffix = server.Curl("/64k.bin", "-r", "-16");
        Assert.Equal("bytes 65520-65535/65536", suffix.Header("Content-Range"));
        var unsatisfiable = server.Curl("/64k.bin", "-r", "70000-");
        Assert.Equal(416, unsatisfiable.Status);
        Assert.Equal("bytes */65536", unsatisfiable.Header("Content-Range"));
        Assert.Equal(206, server.Curl("/64k.bin", "-r", "0-9", "-H", "If-Range: \"6553f100-10000\"").Status);
        Assert.Equal(200, server.Curl("/64k.bin", "-r", "0-9", "-H", "If-Range: \"stale\"").Status);

        // Errors: nginx's page layout with this server's name; 405 names the methods; a directory redirects.
        var missing = server.Curl("/missing.html");
        Assert.Equal(404, missing.Status);
        Assert.Equal("<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>tbhttp</center>\r\n</body>\r\n</html>\r\n", missing.Body);
        var post = server.Curl("/", "-X", "POST", "-d", "x=1");
        Assert.Equal(405, post.Status);
        Assert.Equal("GET, HEAD", post.Header("Allow"));
        var directory = server.Curl("/docs?x=1");
        Assert.Equal(301, directory.Status);
        Assert.Equal("/docs/?x=1", directory.Header("Location"));
        Assert.Equal(404, server.Curl("/docs/").Status);
        Assert.Equal("text/plain", server.Curl("/docs/readme.txt").Header("Content-Type"));
        Assert.Equal(400, server.Curl("/../../etc/passwd", "--path-as-is").Status);
        Assert.Equal(400, server.Curl("/%2e%2e/%2e%2e/etc/passwd", "--path-as-is").Status);

        // Pipelining: eight requests in one send, eight responses in order.
        var pipeline = server.Client("pipeline", "8");
        Assert.Equal("pipeline: 200 200 404 200 200 200 404 200\n", pipeline.Stdout);

        // The access log: nginx's combined format.
        var log = await server.WaitForLog("\"GET /missing.html HTTP/1.1\" 404 ");
        Assert.Matches(@"(?m)^\d+\.\d+\.\d+\.\d+ - - \[\d\d/\w{3}/\d{4}:\d\d:\d\d:\d\d \+0000\] ""GET / HTTP/1\.1"" 200 612 ""-"" ""curl/[^""]+""$", log);
    }

    [Theory, MemberData(nameof(Flavours))]
    public async Task MalformedRequests_GetTheirStatus_AndTheServerKeepsServing(string flavour)
    {
        await using var server = await HttpServerRun.Start(flavour);
        var corpus = server.Client("corpus", Path.Combine(AppDir, "tests", "malformed.txt"));
        output.WriteLine(corpus.Stdout + corpus.Stderr);
        var summary = Regex.Match(corpus.Stdout, @"corpus: (\d+) cases, (\d+) failed");
        Assert.True(summary.Success, corpus.Stdout + corpus.Stderr);
        Assert.True(int.Parse(summary.Groups[1].Value) >= 50, "the corpus has fewer than 50 cases");
        Assert.True(summary.Groups[2].Value == "0", corpus.Stdout);
        Assert.Equal(200, server.Curl("/").Status);
    }

    [Theory, MemberData(nameof(Flavours))]
    public async Task IdleAndSlowClients_AreClosedAtTheirTimeouts(string flavour)
    {
        await using var server = await HttpServerRun.Start(flavour);
        var slow = server.Client("slowloris");
        var idle = server.Client("idle");
        output.WriteLine(slow.Stdout + idle.Stdout);
        // 3 s timeouts; Testbed's monotonic clock counts 100 ms sleeps, so allow some lateness.
        var s = Regex.Match(slow.Stdout, @"slowloris: closed after ([\d.]+) s, 0 bytes received");
        Assert.True(s.Success, slow.Stdout + slow.Stderr);
        Assert.InRange(double.Parse(s.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 2.5, 6.5);
        foreach (Match m in Regex.Matches(idle.Stdout, @"closed after ([\d.]+) s"))
            Assert.InRange(double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture), 2.5, 6.5);
        Assert.Contains("idle: closed after", idle.Stdout);
        Assert.Contains("status 200", idle.Stdout);
        Assert.Equal(200, server.Curl("/").Status);
    }

    [Theory, MemberData(nameof(Flavours))]
    public async Task WrkAndAb_RunWithoutErrorsOrNon2xxResponses(string flavour)
    {
        await using var server = await HttpServerRun.Start(flavour);
        var wrk = server.Run("wrk", "-t1", "-c30", "-d3s", server.Url("/"));
        output.WriteLine(wrk.Stdout + wrk.Stderr);
        Assert.Equal(0, wrk.Exit);
        Assert.Matches(@"\d+ requests in", wrk.Stdout);
        Assert.DoesNotContain("Socket errors", wrk.Stdout);
        Assert.DoesNotContain("Non-2xx", wrk.Stdout);
        var ab = server.Run("ab", "-q", "-k", "-n", "5000", "-c", "30", server.Url("/"));
        output.WriteLine(ab.Stdout + ab.Stderr);
        Assert.Equal(0, ab.Exit);
        Assert.Contains("Complete requests:      5000", ab.Stdout);
        Assert.Contains("Failed requests:        0", ab.Stdout);
        Assert.DoesNotContain("Non-2xx", ab.Stdout);
        // The largest file, intact, after the load.
        var tree = HttpServerRun.Tree.Value;
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(tree, "1m.bin")))), server.Curl("/1m.bin").BodySha256);
    }

    [Fact]
    public async Task Pvh_UnderTcg_ServesTheIndexAndA64KiBFileIntact()
    {
        var tree = HttpServerRun.Tree.Value;
        await using var server = await HttpServerRun.Start("pvh");
        var get = server.Curl("/");
        Assert.Equal(200, get.Status);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(tree, "index.html")))), get.BodySha256);
        Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(tree, "64k.bin")))), server.Curl("/64k.bin").BodySha256);
        Assert.Equal(404, server.Curl("/missing").Status);
    }

    /// <summary>
    /// Files from a disk on PVH (issue 11): the test tree as a ustar archive attached with --disk, served
    /// with `--tar /dev/vda` (the core library's raw disk), the same bytes as the embedded tree; and on
    /// CoreCLR from the archive file, so both read the same archive the same way.
    /// </summary>
    [Theory]
    [InlineData("coreclr")]
    [InlineData("pvh")]
    public async Task FilesFromATarArchive_OnPvhFromItsDisk(string flavour)
    {
        var tree = HttpServerRun.Tree.Value;
        var archive = Path.Combine(Path.GetTempPath(), $"tbhttp-tree-{Guid.NewGuid():N}.tar");
        try
        {
            var tar = HttpServerRun.Exec([], "tar", ["--format=ustar", "-cf", archive, "-C", tree, "."]);
            Assert.True(tar.Exit == 0, tar.Stderr);
            // A disk is longer than its archive: what follows the archive must not be read as files.
            using (var grow = new FileStream(archive, FileMode.Open)) grow.SetLength(grow.Length + 1024 * 1024);
            string[] options = ["--keepalive-timeout", "3", "--header-timeout", "3"];
            await using var server = flavour == "pvh"
                ? await HttpServerRun.Start("pvh", [.. options, "--tar", "/dev/vda"], [archive])
                : await HttpServerRun.Start("coreclr", ["--tar", archive]);
            Assert.Contains(" from tar ", server.Log);
            foreach (var file in new[] { "index.html", "64k.bin", "1m.bin" })
            {
                var got = server.Curl("/" + file);
                Assert.Equal(200, got.Status);
                Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(tree, file)))), got.BodySha256);
            }
            Assert.Equal(Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(Path.Combine(tree, "index.html")))), server.Curl("/").BodySha256);
            Assert.Equal(404, server.Curl("/missing").Status);
        }
        finally
        {
            File.Delete(archive);
        }
    }

    [Fact]
    public async Task ValidatorsAndStatuses_MatchNginxOnTheSameTree()
    {
        var tree = HttpServerRun.Tree.Value;
        await using var ours = await HttpServerRun.Start("coreclr");
        using var nginx = NginxRun.Start(tree);
        foreach (var path in new[] { "/", "/index.html", "/64k.bin", "/1m.bin", "/docs/readme.txt" })
        {
            var a = ours.Curl(path, "-I");
            var b = nginx.Curl(path, "-I");
            foreach (var field in new[] { "Content-Type", "Content-Length", "Last-Modified", "ETag", "Accept-Ranges", "Connection" })
                Assert.True(a.Header(field) == b.Header(field), $"{path} {field}: tbhttp {a.Header(field)}, nginx {b.Header(field)}");
        }
        var etag = nginx.Curl("/64k.bin", "-I").Header("ETag")!;
        foreach (var args in new[]
        {
            new[] { "/64k.bin", "-H", "If-None-Match: " + etag }, new[] { "/64k.bin", "-r", "10-19" }, new[] { "/64k.bin", "-r", "-5" },
            new[] { "/64k.bin", "-r", "99999-" }, new[] { "/nothing" }, new[] { "/%2e%2e/x", "--path-as-is" }, new[] { "/index.html?q=1" },
        })
        {
            var a = ours.Curl(args[0], args[1..]);
            var b = nginx.Curl(args[0], args[1..]);
            Assert.True(a.Status == b.Status, $"{string.Join(' ', args)}: tbhttp {a.Status}, nginx {b.Status}");
            Assert.Equal(b.Header("Content-Range"), a.Header("Content-Range"));
        }
    }
}

/// <summary>What curl got: the status and header fields of the last response, and the body.</summary>
internal sealed class CurlResult
{
    public int Status;
    public readonly List<(string Name, string Value)> Headers = new();
    public byte[] BodyBytes = Array.Empty<byte>();

    public string Body => Encoding.UTF8.GetString(BodyBytes);
    public int BodyLength => BodyBytes.Length;
    public string BodySha256 => Convert.ToHexString(SHA256.HashData(BodyBytes));

    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault();

    /// <summary>Runs curl (through <paramref name="prefix"/>, e.g. ip netns exec NS) with the head and body written to files.</summary>
    public static CurlResult Fetch(string[] prefix, string url, string[] args)
    {
        var dir = Path.Combine(Path.GetTempPath(), "http-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            string head = Path.Combine(dir, "head"), body = Path.Combine(dir, "body");
            var run = HttpServerRun.Exec(prefix, "curl", ["-sS", "--max-time", "60", "-D", head, "-o", body, .. args, url]);
            Assert.True(run.Exit == 0, $"curl {string.Join(' ', args)} {url}: exit {run.Exit}\n{run.Stderr}");
            var result = new CurlResult();
            // The last response's head (curl writes every one, e.g. after a 100 Continue).
            var blocks = File.ReadAllText(head).Split("\r\n\r\n", StringSplitOptions.RemoveEmptyEntries);
            var lines = blocks[^1].Split("\r\n");
            result.Status = int.Parse(lines[0].Split(' ')[1]);
            foreach (var line in lines.Skip(1))
            {
                int colon = line.IndexOf(':');
                if (colon > 0) result.Headers.Add((line[..colon], line[(colon + 1)..].Trim()));
            }
            if (File.Exists(body)) result.BodyBytes = File.ReadAllBytes(body);
            return result;
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }
}

/// <summary>
/// The server in one flavour: coreclr (a dotnet process on a free loopback port), linux (the Testbed image on a
/// tap in a namespace of the runner's, port 8080) or pvh (the same under QEMU with TCG). Clients run through
/// <see cref="Prefix"/>, which enters the namespace. Disposing stops the server and checks the namespace is gone.
/// </summary>
internal sealed class HttpServerRun : IAsyncDisposable
{
    private const string Guest = "10.0.2.15";
    private static readonly RepositoryLayout Layout = RepositoryLayout.Locate();
    private static string AppDir => Path.Combine(Layout.Root, "bench", "apps", "http");
    private static string WorkDir => Path.Combine(Layout.Cache, "http-tests");

    /// <summary>The served tree as files (tools/embed.py --materialize): the reference for hashes, and nginx's root.</summary>
    public static readonly Lazy<string> Tree = new(() =>
    {
        var dir = Path.Combine(WorkDir, "tree-" + Guid.NewGuid().ToString("N")[..8]);
        var run = Exec([], "python3", [Path.Combine(AppDir, "tools", "embed.py"), "--materialize", dir, Path.Combine(AppDir, "www")]);
        Assert.True(run.Exit == 0, run.Stderr);
        return dir;
    });

    internal static readonly Lazy<string> CoreClrDll = new(() => BuildDll("coreclr", null));
    private static readonly Lazy<string> TestbedDll = new(() => BuildDll("testbed", "--keepalive-timeout 3 --header-timeout 3"));
    internal static readonly Lazy<string> LinuxImage = new(() => BuildImage("linux"));
    private static readonly Lazy<string> PvhImage = new(() => BuildImage("pvh"));

    private readonly StringBuilder log = new();
    private Process? process;
    private Task<RunResult>? running;
    private readonly CancellationTokenSource stop = new();
    private string? space;

    public string Host { get; private set; } = "127.0.0.1";
    public int Port { get; private set; } = 8080;
    public string[] Prefix { get; private set; } = [];

    public string Log { get { lock (log) return log.ToString(); } }

    public string Url(string path) => $"http://{Host}:{Port}{path}";

    public CurlResult Curl(string path, params string[] args) => CurlResult.Fetch(Prefix, Url(path), args);

    public (int Exit, string Stdout, string Stderr) Run(string file, params string[] args) => Exec(Prefix, file, args);

    /// <summary>tests/client.py against this server.</summary>
    public (int Exit, string Stdout, string Stderr) Client(params string[] args) =>
        Run("python3", [Path.Combine(AppDir, "tests", "client.py"), Host, Port.ToString(), .. args]);

    public async Task<string> WaitForLog(string needle)
    {
        for (int i = 0; i < 100 && !Log.Contains(needle); i++) await Task.Delay(100);
        return Log;
    }

    /// <param name="arguments">Main's arguments instead of the baked-in test options (Testbed flavours).</param>
    /// <param name="disks">Raw disk images for the guest (pvh: /dev/vda, ...).</param>
    public static async Task<HttpServerRun> Start(string flavour, string[]? arguments = null, string[]? disks = null)
    {
        var server = new HttpServerRun();
        try
        {
            if (flavour == "coreclr") server.StartCoreClr(arguments);
            else server.StartTestbed(flavour, arguments, disks);
            var sw = Stopwatch.StartNew();
            while (!server.Log.Contains("http: serving"))
            {
                if (server.process is { HasExited: true } || server.running is { IsCompleted: true })
                    throw new InvalidOperationException($"the server ended before serving:\n{server.Log}{Describe(server.running)}");
                if (sw.Elapsed > TimeSpan.FromMinutes(5)) throw new TimeoutException("the server did not start:\n" + server.Log);
                await Task.Delay(100);
            }
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    private void StartCoreClr(string[]? arguments)
    {
        Port = ServerProcess.FreePort();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { CoreClrDll.Value, "--port", Port.ToString(), "--bind", "127.0.0.1", "--keepalive-timeout", "3", "--header-timeout", "3" }.Concat(arguments ?? []))
            psi.ArgumentList.Add(a);
        process = Process.Start(psi)!;
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (log) log.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (log) log.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    private void StartTestbed(string target, string[]? arguments, string[]? disks)
    {
        string image = target == "pvh" ? PvhImage.Value : LinuxImage.Value;
        Host = Guest;
        var options = new RunOptions
        {
            ProgramArguments = arguments ?? [],
            Disks = disks ?? [],
            Timeout = TimeSpan.FromMinutes(20),
            Network = QemuNetwork.Tap,
            Accelerator = QemuAccelerator.Tcg,
            Notice = line =>
            {
                if (Regex.Match(line, @"^network namespace (\S+):") is { Success: true } m)
                {
                    space = m.Groups[1].Value;
                    Prefix = ["ip", "netns", "exec", space];
                }
            },
        };
        var stdout = new GuestLogStream(log);
        running = target == "pvh" ? QemuRunner.RunAsync(image, stdout, options, stop.Token) : NativeRunner.RunAsync(image, stdout, options, stop.Token);
    }

    public async ValueTask DisposeAsync()
    {
        if (process != null)
        {
            try { if (!process.HasExited) process.Kill(true); process.WaitForExit(10_000); } catch (InvalidOperationException) { }
            process.Dispose();
        }
        if (running != null)
        {
            stop.Cancel();
            try { await running; } catch (OperationCanceledException) { }
            if (space != null)
                Assert.DoesNotContain(space, Exec([], "ip", ["netns", "list"]).Stdout);
        }
    }

    private static string Describe(Task<RunResult>? running) =>
        running is { IsCompletedSuccessfully: true } ? running.Result.Describe() + "\n" + running.Result.ProgramStderr + running.Result.Diagnostics : "";

    /// <summary>Runs a program to completion (2 minutes at most), through a prefix, capturing both streams.</summary>
    public static (int Exit, string Stdout, string Stderr) Exec(string[] prefix, string file, string[] args)
    {
        var all = prefix.Append(file).Concat(args).ToArray();
        var psi = new ProcessStartInfo(all[0]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in all.Skip(1)) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(120_000))
        {
            p.Kill(true);
            throw new TimeoutException($"{string.Join(' ', all)} did not finish in 120 s");
        }
        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>
    /// The app's assembly. The testbed flavour bakes the test options in (-p:HttpArgs, its own obj/ and bin/),
    /// built under the lock that every guest build takes (cli/Driver/GuestBuild.cs): the testbed flavour builds the
    /// core library too, and the harness (bench/harness) builds the same project.
    /// </summary>
    private static string BuildDll(string runtime, string? bakedArguments)
    {
        var args = new List<string> { "build", Path.Combine(AppDir, "http.csproj"), "-p:HttpRuntime=" + runtime, "-nologo", "-v:q", "-t:Build", "-getProperty:TargetPath" };
        if (bakedArguments != null) args.AddRange(["-c", "Release", "-p:HttpArgs=" + bakedArguments]);
        using var guestBuilds = GuestBuild.LockGuestBuilds(Layout);
        var (exit, stdout, stderr) = Exec([], "dotnet", args.ToArray());
        var path = stdout.Trim().Split('\n').Last().Trim();
        if (exit != 0 || !File.Exists(path)) throw new InvalidOperationException($"building http ({runtime}) failed:\n{stdout}{stderr}");
        return path;
    }

    private static string BuildImage(string target)
    {
        Directory.CreateDirectory(WorkDir);
        var image = Path.Combine(WorkDir, $"http.{Guid.NewGuid():N}.{(target == "pvh" ? "elf" : "exe")}");
        new BuildDriver(Layout).Build(new BuildRequest(TestbedDll.Value, Target.FromName(target)!, image));
        return image;
    }
}

/// <summary>nginx (Debian's nginx-light) serving a directory on a free loopback port, for comparison.</summary>
internal sealed class NginxRun : IDisposable
{
    private readonly Process process;
    private readonly string dir;
    private readonly int port;

    private NginxRun(Process process, string dir, int port)
    {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    public CurlResult Curl(string path, params string[] args) => CurlResult.Fetch([], $"http://127.0.0.1:{port}{path}", args);

    public static NginxRun Start(string root)
    {
        if (!File.Exists("/usr/sbin/nginx"))
            throw new InvalidOperationException("nginx is missing: apt-get install -y --no-install-recommends nginx-light");
        int port = ServerProcess.FreePort();
        var dir = Path.Combine(Path.GetTempPath(), "http-test-nginx-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            worker_processes 1;
            error_log {{dir}}/error.log;
            pid {{dir}}/nginx.pid;
            events { worker_connections 256; }
            http {
              include /etc/nginx/mime.types;
              default_type application/octet-stream;
              access_log off;
              client_body_temp_path {{dir}}/body;
              server { listen 127.0.0.1:{{port}}; root {{root}}; }
            }
            """);
        var psi = new ProcessStartInfo("/usr/sbin/nginx") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { "-c", Path.Combine(dir, "nginx.conf"), "-p", dir, "-e", Path.Combine(dir, "error.log") }) psi.ArgumentList.Add(a);
        var nginx = new NginxRun(Process.Start(psi)!, dir, port);
        for (int i = 0; i < 100; i++)
        {
            try
            {
                using var c = new TcpClient();
                c.Connect("127.0.0.1", port);
                return nginx;
            }
            catch (SocketException) { Thread.Sleep(100); }
        }
        nginx.Dispose();
        throw new InvalidOperationException("nginx did not start");
    }

    public void Dispose()
    {
        try { if (!process.HasExited) process.Kill(true); process.WaitForExit(10_000); } catch (InvalidOperationException) { }
        process.Dispose();
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}
