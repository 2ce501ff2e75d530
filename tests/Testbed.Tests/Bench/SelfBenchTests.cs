using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using Testbed.Bench;
using Testbed.Bench.SelfBench;
using Testbed.Tests.Apps;
using Xunit;

namespace Testbed.Tests.Bench;

/// <summary>
/// `testbed bench kv-self` and `kv self-bench`: the harness's options, medians and paired ratios to separate, its
/// report; and the in-image benchmark itself on CoreCLR and on the linux target, whose every reply it checks.
/// </summary>
public class SelfBenchTests
{
    private static SelfBenchRecord Run(string config, int round, double set, double get, string? error = null) =>
        new(config, round, 0, error != null ? [] : [new SelfBenchTest("SET P=1", 1000, set), new SelfBenchTest("GET P=1", 1000, get)],
            error != null ? null : 1100, config == "coreclr" || error != null ? null : 209_000, error != null ? 1 : 0, error);

    private static List<SelfBenchRecord> Runs() =>
    [
        Run(Configurations.SeparateName, 1, 100, 200), Run(Configurations.WholeSystemName, 1, 150, 300),
        Run(Configurations.SeparateName, 2, 120, 180), Run(Configurations.WholeSystemName, 2, 160, 450),
        Run(Configurations.SeparateName, 3, 110, 190), Run(Configurations.WholeSystemName, 3, 170, 400),
        Run(Configurations.WholeSystemName, 4, 1, 1, error: "exit 1: reply 3 differs"),   // failed: left out
        Run("coreclr", 1, 10, 20),
    ];

    [Fact]
    public void Summary_MediansRatiosToSeparatePairedByRound_CopiesPerRequest()
    {
        var summary = SelfBenchRun.Summarise(Runs());
        var set = summary.Single(r => r.Config == Configurations.WholeSystemName && r.Test == "SET P=1");
        Assert.Equal((160.0, 150.0, 170.0), (set.RpsMedian, set.RpsMin, set.RpsMax));   // the failed round 4 is left out
        Assert.Equal(160.0 / 110, set.VersusSeparate!.Value, 9);
        // Paired per round: 150/100, 160/120, 170/110.
        Assert.Equal(160.0 / 120, set.VersusSeparateMin!.Value, 9);
        Assert.Equal(1.5454545454, set.VersusSeparateMax!.Value, 9);
        Assert.Equal(190.0, set.BytesCopiedPerRequest);
        var separate = summary.Single(r => r.Config == Configurations.SeparateName && r.Test == "GET P=1");
        Assert.Equal(1.0, separate.VersusSeparate);
        var coreclr = summary.Single(r => r.Config == "coreclr" && r.Test == "GET P=1");
        Assert.Null(coreclr.BytesCopiedPerRequest);
        Assert.Equal(20.0 / 190, coreclr.VersusSeparate!.Value, 9);
        Assert.Equal(6, summary.Count);
    }

    [Fact]
    public void Options_DefaultsQuickConfigsAddAndErrors()
    {
        var (options, error) = SelfBenchOptions.Parse("kv", [], "/out");
        Assert.Null(error);
        Assert.Equal((5, false, 1_000_000, 30, "kv-self"), (options!.Rounds, options.Quick, options.Requests, options.Clients, options.ResultName));
        Assert.Equal(["coreclr", "testbed-linux", Configurations.SeparateName, Configurations.WholeSystemName], options.Configs.Select(c => c.Name));
        (options, _) = SelfBenchOptions.Parse("kv", ["--quick", "--requests", "5"], "/out");
        Assert.Equal((1, true, 20_000, "kv-self-quick"), (options!.Rounds, options.Quick, options.Requests, options.ResultName));
        (options, _) = SelfBenchOptions.Parse("kv", ["--add", "o3=-O3", "--configs", "testbed-linux-o3,testbed-linux-separate", "--clients", "4"], "/out");
        Assert.Equal(["testbed-linux-separate", "testbed-linux-o3"], options!.Configs.Select(c => c.Name));
        Assert.Equal(("-O3", 4), (options.Configs[1].Passes, options.Clients));
        Assert.Equal("unknown option --bogus (" + SelfBenchOptions.Usage("kv") + ")", SelfBenchOptions.Parse("kv", ["--bogus"], "/out").Error);
        Assert.StartsWith("no configuration testbed-pvh (there are: coreclr, ", SelfBenchOptions.Parse("kv", ["--configs", "testbed-pvh"], "/out").Error);
        Assert.Equal("--requests needs a positive number", SelfBenchOptions.Parse("kv", ["--requests", "0"], "/out").Error);
        Assert.StartsWith("--add 'x': expected NAME=PIPELINE", SelfBenchOptions.Parse("kv", ["--add", "x"], "/out").Error);
        Assert.Equal(["self-bench", "--requests", "1000000", "--clients", "30"], SelfBenchOptions.Parse("kv", [], "/out").Options!.SelfBenchArguments);
        // http-self counts time, not requests, as wrk does.
        (options, _) = SelfBenchOptions.Parse("http", ["--seconds", "2", "--connections", "8"], "/out");
        Assert.Equal(["self-bench", "--seconds", "2", "--connections", "8"], options!.SelfBenchArguments);
        Assert.Equal(("http-self", "tbhttp, Testbed linux target (--pipeline separate)"), (options.ResultName, options.Configs[2].Label));
        Assert.StartsWith("unknown option --requests (http-self takes", SelfBenchOptions.Parse("http", ["--requests", "5"], "/out").Error);
    }

    [Fact]
    public void Write_JsonMarkdownAndPng()
    {
        var dir = Directory.CreateTempSubdirectory("bench-kv-self-test").FullName;
        try
        {
            var runs = Runs();
            var configs = new[] { "coreclr", Configurations.SeparateName, Configurations.WholeSystemName, "testbed-linux-broken" }
                .Select(n => new SelfBenchConfig(n, n + " label", null, n + " self-bench", null, n.EndsWith("broken") ? "TB0001: no\nmore" : null)).ToList();
            var report = new SelfBenchReport("kv", "./testbed bench kv-self --rounds 3", new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc),
                new Machine("AMD EPYC", 2, "6.1", "unusable: test", "abc", 0, 1), 3, false, 1000, null, 30, [1.5, 2.0], "CPU 0 (taskset -c 0)", configs, runs, SelfBenchRun.Summarise(runs));
            SelfBenchWriter.Write(report, dir, "kv-self");
            Assert.Equal(["kv-self.json", "kv-self.md", "kv-self.png"], Directory.GetFiles(dir).Select(Path.GetFileName).Order());
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], File.ReadAllBytes(Path.Combine(dir, "kv-self.png"))[..4]);
            string md = File.ReadAllText(Path.Combine(dir, "kv-self.md"));
            Assert.Contains("Reproduce: `./testbed bench kv-self --rounds 3`", md);
            Assert.Contains("| testbed-linux-whole-system label | **160** (150 – 170) | **400** (300 – 450) | 190 |", md);
            Assert.Contains("| testbed-linux-whole-system label | **1.45×** (1.33 – 1.55) | **2.11×** (1.50 – 2.50) |", md);
            Assert.Contains("| coreclr label | **10** (10 – 10) | **20** (20 – 20) | (not counted) |", md);
            Assert.Contains("| testbed-linux-broken label | failed | failed | |", md);
            Assert.Contains("- testbed-linux-broken: not built: TB0001: no", md);
            Assert.Contains("- testbed-linux-whole-system, round 4: exit 1: reply 3 differs", md);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "kv-self.json")));
            Assert.Equal(1000, json.RootElement.GetProperty("requests").GetInt32());
            Assert.Equal(8, json.RootElement.GetProperty("runs").GetArrayLength());
            Assert.Equal(209_000, json.RootElement.GetProperty("runs")[0].GetProperty("bytes_copied").GetInt64());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void UklComparison_HasTheInImageRows()
    {
        var dir = Directory.CreateTempSubdirectory("bench-ukl-test").FullName;
        try
        {
            var runs = Runs();
            var configs = new[] { "coreclr", Configurations.SeparateName, Configurations.WholeSystemName }
                .Select(n => new SelfBenchConfig(n, "kv, " + n, null, n, null, null)).ToList();
            var report = new SelfBenchReport("kv", "./testbed bench kv-self", new DateTime(2026, 12, 7, 0, 0, 0, DateTimeKind.Utc),
                new Machine("AMD EPYC", 2, "6.1", "unusable: test", "abc", 0, 1), 3, false, 1000, null, 30, [], null, configs, runs, SelfBenchRun.Summarise(runs));
            File.WriteAllText(Path.Combine(dir, "kv-self.json"), JsonSerializer.Serialize(report, Testbed.Bench.Results.BenchReport.Json));
            string root = Testbed.Cli.Driver.RepositoryLayout.Locate().Root;
            Assert.Equal(0, Testbed.Bench.Papers.PaperComparison.Write(root, "ukl-eurosys23", dir, TextWriter.Null, outputDirectory: dir));
            string md = File.ReadAllText(Path.Combine(dir, "comparison.md"));
            // UKL's column, then ours: whole-system over separate (CoreCLR is no build over a base: no column).
            Assert.Contains("| workload | UKL shortcut / base (paper) | Testbed-linux-whole-system (ours) |", md);
            Assert.Contains("| kv GET P=1, 30 clients, in one image (ours) | – | 2.11× |", md);
            Assert.Contains("| kv SET P=1, 30 clients, in one image (ours) | – | 1.45× |", md);
            Assert.Contains("- ours, kv-self: commit abc, ", md);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    public static TheoryData<string> Flavours() => new("coreclr", "testbed-linux");

    /// <summary>
    /// The in-image benchmark itself: four tests, every reply checked against Redis's by the program (a wrong byte
    /// would exit 1), and on Testbed the library OS's copy counters show that the bytes went through its stack.
    /// </summary>
    [Theory, MemberData(nameof(Flavours))]
    public void KvSelfBench_ServesEveryRequestAndChecksEveryReply(string flavour)
    {
        var psi = flavour == "coreclr" ? new ProcessStartInfo("dotnet") : new ProcessStartInfo(TestbedKvServer.Image("linux"));
        if (flavour == "coreclr") psi.ArgumentList.Add(KvProcess.CoreClrDll.Value);
        foreach (var a in new[] { "self-bench", "--requests", "3000", "--clients", "7", "--data-size", "100" }) psi.ArgumentList.Add(a);
        psi.Environment["TESTBED_NET_STATS"] = "1";
        var (exit, stdout, stderr) = RunProcess(psi);
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n').Where(l => Regex.IsMatch(l, @"^(SET|GET) P=(1|16): 3000 requests, 7 clients, \d+ us, \d+ requests/s$")).ToList();
        Assert.Equal(["SET P=1", "SET P=16", "GET P=1", "GET P=16"], lines.Select(l => l[..l.IndexOf(':')]));
        Assert.Contains("self-bench: 13200 requests in all, warm-up included", stdout);
        if (flavour == "testbed-linux")
        {
            // Each request's command and reply cross the stack once each way: at least a GET reply of 100 bytes copied into a send buffer.
            var copied = Regex.Match(stderr, @"testbed net: bytes copied (\d+) \(into send buffers (\d+)");
            Assert.True(copied.Success, stderr);
            Assert.True(long.Parse(copied.Groups[2].Value) > 6600L * 100, stderr);
        }
    }

    /// <summary>tbhttp's in-image benchmark: both paths served and every response checked by the program (status, length, body).</summary>
    [Theory, MemberData(nameof(Flavours))]
    public void HttpSelfBench_ServesBothPathsAndChecksEveryResponse(string flavour)
    {
        var psi = flavour == "coreclr" ? new ProcessStartInfo("dotnet") : new ProcessStartInfo(HttpServerRun.LinuxImage.Value);
        if (flavour == "coreclr") psi.ArgumentList.Add(HttpServerRun.CoreClrDll.Value);
        foreach (var a in new[] { "self-bench", "--seconds", "1", "--connections", "5" }) psi.ArgumentList.Add(a);
        psi.Environment["TESTBED_NET_STATS"] = "1";
        var (exit, stdout, stderr) = RunProcess(psi);
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var lines = stdout.Split('\n').Select(l => Regex.Match(l, @"^GET (\S+): (\d+) requests, 5 connections, \d+ us, \d+ requests/s, (\d+) bytes each$"))
            .Where(m => m.Success).ToList();
        Assert.Equal(["/index.html:612", "/64k.bin:65536"], lines.Select(m => m.Groups[1].Value + ":" + m.Groups[3].Value));
        Assert.All(lines, m => Assert.True(long.Parse(m.Groups[2].Value) > 10, m.Value));
        if (flavour == "testbed-linux")
            Assert.Matches(@"testbed net: bytes copied [1-9]\d*", stderr);
    }

    [Fact]
    public void KvSelfBench_BadOptionsGetTheUsage()
    {
        var psi = new ProcessStartInfo("dotnet");
        psi.ArgumentList.Add(KvProcess.CoreClrDll.Value);
        foreach (var a in new[] { "self-bench", "--pipelines", "1,0" }) psi.ArgumentList.Add(a);
        var (exit, stdout, _) = RunProcess(psi);
        Assert.Equal(2, exit);
        Assert.Contains("kv self-bench: --pipelines: expected numbers from 1 to 1000 separated by commas, got '1,0'", stdout);
        Assert.Contains("usage: kv self-bench", stdout);
    }

    private static (int Exit, string Stdout, string Stderr) RunProcess(ProcessStartInfo psi)
    {
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            Assert.Fail("kv self-bench did not finish in 3 minutes:\n" + stdout.Result);
        }
        return (process.ExitCode, stdout.Result, stderr.Result);
    }
}
