using Xunit;
using System.Text.Json;
using Testbed.Bench;
using Testbed.Bench.Results;

namespace Testbed.Tests.Bench;

/// <summary>
/// `testbed bench kv|http --quick`, in process: every configuration that can run here (native, CoreCLR,
/// Testbed linux, Testbed PVH under TCG) is built, started, answers the real client, is measured and stopped,
/// and the results are written. Seconds of load per configuration: it proves the harness runs, not a number.
/// </summary>
public class HarnessSmokeTests
{
    private sealed class Lines : IBenchProgress
    {
        public readonly List<string> Seen = [];
        public void Status(int done, int total, string what) { lock (Seen) Seen.Add(what); }
        public void Step(string message) { lock (Seen) Seen.Add(message); }
    }

    [Theory]
    [InlineData("kv", new[] { "GET P=1", "SET P=1", "GET P=16", "SET P=16" })]
    [InlineData("http", new[] { "612 B page", "64 KiB file" })]
    public void QuickRun_EveryConfigurationAnswersAndIsMeasured(string bench, string[] tests)
    {
        var dir = Directory.CreateTempSubdirectory("bench-smoke-").FullName;
        var progress = new Lines();
        try
        {
            var options = new BenchOptions
            {
                Bench = bench, Configs = Configurations.For(bench), Quick = true, Rounds = 1, WarmupRounds = 0,
                Requests = 2000, Seconds = 1, OutputDirectory = dir, Command = $"./testbed bench {bench} --quick",
            };
            var report = new BenchRun(options, progress).Run();
            var failures = report.Rounds.Where(r => r.Error != null).Select(r => $"{r.Config}: {r.Error}").ToList();
            Assert.True(failures.Count == 0, string.Join("\n", failures) + "\n" + string.Join("\n", progress.Seen));
            Assert.Equal(Configurations.For(bench).Select(c => c.Name).Order(), report.Rounds.Select(r => r.Config).Order());
            foreach (var round in report.Rounds)
            {
                Assert.Equal(tests.Order(), round.Tests.Select(t => t.Test).Order());
                Assert.All(round.Tests, t => Assert.True(t.RequestsPerSecond > 0 && t.P99Milliseconds >= t.P50Milliseconds, $"{round.Config} {t}"));
                Assert.True(round.StartupMilliseconds > 0 && round.PeakResidentBytes > 1 << 20, $"{round.Config}: {round}");
                // Only the linux executable reports its copies; serving requests copies their bytes at least once.
                Assert.True(round.Config.StartsWith("testbed-linux", StringComparison.Ordinal) ? round.BytesCopiedPerRequest > 1 : round.BytesCopied == null, $"{round.Config}: {round}");
            }
            var pvh = report.Configurations.Single(c => c.Name == "testbed-pvh");
            Assert.Contains(pvh.Accelerator!.ToUpperInvariant(), pvh.Label);
            foreach (var file in new[] { ".json", ".md", "-throughput.png", "-latency.png" })
                Assert.True(File.Exists(Path.Combine(dir, $"{bench}-quick{file}")), file);
            using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, $"{bench}-quick.json")));
            Assert.Equal(BenchReport.CurrentSchema, json.RootElement.GetProperty("schema").GetString());
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
