using Testbed.Passes;
using System.Text;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Cli.Profiling;
using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Profiling;

/// <summary>
/// `run --profile` end to end: programs built with the library OS, run with sampling on, their samples
/// symbolised with the image and the IR as the CLI does (docs/profiling.md).
/// </summary>
public sealed class ProfiledRunTests(Xunit.Abstractions.ITestOutputHelper output)
{
    /// <summary>
    /// Nearly all of its time in one function LLVM may not inline (bench/profiling/hot.cs, the program the
    /// overhead is measured on); its argument is the number of calls (default 20).
    /// </summary>
    internal static string HotLoop => File.ReadAllText(Path.Combine(RepositoryLayout.Locate().Root, "bench", "profiling", "hot.cs"));

    /// <summary>App arithmetic, then a library-OS routine: sorting with the corlib's Array.Sort, which allocates
    /// (libos.memory) as it compares. The split is whatever the machine does; both sides are large.</summary>
    private const string AppAndLibrary = """
        using System;
        using System.Runtime.CompilerServices;

        public static class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            private static long Arithmetic(long n, long seed)
            {
                long x = seed;
                for (long i = 0; i < n; i++)
                    x = x * 6364136223846793005L + 1442695040888963407L ^ (x >> 13);
                return x;
            }

            public static int Main()
            {
                var data = new int[50_000];
                long sum = 0;
                for (int round = 0; round < 12; round++)
                {
                    sum += Arithmetic(40_000_000, round);
                    uint seed = (uint)round + 1;
                    for (int i = 0; i < data.Length; i++)
                    {
                        seed = seed * 1664525 + 1013904223;
                        data[i] = (int)(seed >> 1);
                    }
                    Array.Sort(data);
                    sum += data[data.Length / 2];
                }
                Console.WriteLine(sum);
                return 0;
            }
        }
        """;

    /// <summary>-O2 with the start-profiler pass, as `run --profile` builds.</summary>
    private static PassSession Profiling => PassSession.Create(new PipelineOptions { StartProfiler = true });

    private sealed record Profiled(RunResult Run, string Stdout, RawProfile Raw, ProfileReport Report, string Image);

    private static Profiled BuildAndProfile(string name, string source, string target, RunOptions options, int hz = 1000)
    {
        var layout = RepositoryLayout.Locate();
        var program = CliProcess.WriteProgram(name, source);
        var image = Path.Combine(Path.GetDirectoryName(program)!, $"{name}.{target}.image");
        var built = new BuildDriver(layout).Build(new BuildRequest(program, Target.FromName(target)!, image) { Passes = Profiling });
        var rawPath = ProfileReport.RawPath(image);
        using var stdout = new MemoryStream();
        var run = Target.FromName(target)!.Run(image, stdout, options with { Profile = new ProfileRequest(hz, rawPath) });
        var raw = RawProfile.Read(rawPath);
        return new Profiled(run, Encoding.UTF8.GetString(stdout.ToArray()), raw, ProfileReport.Make(image, built.Module, raw), image);
    }

    private void Show(Profiled p)
    {
        var text = new StringWriter();
        p.Report.Print(text);
        output.WriteLine(text.ToString());
    }

    [Fact]
    public void OnLinuxAHotFunctionIsOnTopWithMostSamples()
    {
        var p = BuildAndProfile("hot", HotLoop, "linux", new RunOptions { Timeout = TimeSpan.FromSeconds(120) });
        Show(p);
        Assert.True(p.Run.ExitCode == 0, p.Run.Describe());
        var s = p.Report.Summary;
        Assert.Equal(1000, s.Hz);
        Assert.Equal(0, s.Dropped);
        // 20 calls of ~30 ms each at least: hundreds of samples at 1 kHz.
        Assert.InRange(s.Samples, 200, 100_000);
        var top = s.TopFunctions[0];
        Assert.Equal("Program::Hot(System.Int64,System.Int64)", top.Name);
        Assert.Equal("app", top.Layer);
        Assert.True(s.Share(top.Self) > 0.5, $"Hot has {s.Share(top.Self):P1} of the samples");
        // The walk reached the entry point and the start code from the hot loop.
        Assert.True(s.Crossings.GetValueOrDefault(("(entry)", "app")) > s.Samples / 2, "the frame chain stops short of the entry point");
    }

    /// <summary>The fallback when the kernel refuses the perf event: ITIMER_PROF, at the scheduler tick's rate,
    /// and the library OS's own frame walk in the SIGPROF handler.</summary>
    [Fact]
    public void OnLinuxTheItimerFallbackWalksTheFramesItself()
    {
        var layout = RepositoryLayout.Locate();
        var program = CliProcess.WriteProgram("hotitimer", HotLoop);
        var image = Path.Combine(Path.GetDirectoryName(program)!, "hotitimer.linux.image");
        var built = new BuildDriver(layout).Build(new BuildRequest(program, Target.FromName("linux")!, image) { Passes = Profiling });
        var rawPath = ProfileReport.RawPath(image);
        var run = ProcessRunner.RunStreamingAsync(image, ["10"], Stream.Null, TimeSpan.FromSeconds(120), default,
            environment: new Dictionary<string, string> { [ProfileRequest.Key] = $"itimer:1000:{rawPath}" }).GetAwaiter().GetResult();
        Assert.True(run.Status == 0, run.StandardError);
        var raw = RawProfile.Read(rawPath);
        var s = ProfileReport.Make(image, built.Module, raw).Summary;
        // At least CONFIG_HZ 100 over some 0.3 s of CPU.
        Assert.InRange(s.Samples, 20, 100_000);
        Assert.Equal("Program::Hot(System.Int64,System.Int64)", s.TopFunctions[0].Name);
        Assert.True(s.Share(s.TopFunctions[0].Self) > 0.5);
        Assert.True(s.Crossings.GetValueOrDefault(("(entry)", "app")) > s.Samples / 2, "the handler's walk stops short of the entry point");
    }

    [Fact]
    public void OnLinuxTheFoldedFileParsesAndItsCountsSumToTheSamples()
    {
        var p = BuildAndProfile("hotfolded", HotLoop, "linux", new RunOptions { Timeout = TimeSpan.FromSeconds(120), ProgramArguments = ["5"] }, hz: 500);
        Assert.True(p.Run.ExitCode == 0, p.Run.Describe());
        var folded = FoldedStacks.Parse(File.ReadAllText(p.Report.FoldedPath));
        Assert.NotEmpty(folded);
        Assert.Equal(p.Raw.Samples.Count, folded.Sum(f => f.Count));
        Assert.Equal(p.Report.Summary.Samples, folded.Sum(f => f.Count));
        Assert.Equal(500, p.Raw.Hz);
        // Roots are the start code (every walk ends at _start's frame, which zeroes rbp).
        Assert.True(folded.Where(f => f.Frames[0] == "_start").Sum(f => f.Count) > p.Raw.Samples.Count * 9 / 10, string.Join("\n", folded.Take(10).Select(f => string.Join(";", f.Frames))));
        Assert.True(File.Exists(p.Report.SvgPath));
        Assert.Contains("Program::Hot", File.ReadAllText(p.Report.SvgPath));
    }

    [Fact]
    public void OnLinuxAppArithmeticAndALibraryRoutineBothShow()
    {
        var p = BuildAndProfile("split", AppAndLibrary, "linux", new RunOptions { Timeout = TimeSpan.FromSeconds(120) });
        Show(p);
        Assert.True(p.Run.ExitCode == 0, p.Run.Describe());
        var s = p.Report.Summary;
        Assert.InRange(s.Samples, 200, 100_000);
        double app = s.Share(s.SelfByLayer.GetValueOrDefault("app"));
        double library = s.Share(s.SelfByLayer.Where(l => l.Key == "corlib" || l.Key.StartsWith("libos", StringComparison.Ordinal)).Sum(l => l.Value));
        Assert.True(app > 0.15, $"app has {app:P1}");
        Assert.True(library > 0.15, $"corlib and the library OS have {library:P1}");
        Assert.True(app + library > 0.95, $"app {app:P1} + library {library:P1}: the rest is unknown or asm");
        Assert.True(s.Crossings.Where(c => c.Key.Caller is "(entry)" or "app" && c.Key.Callee == "corlib").Sum(c => c.Value) > 0, "no sample crosses from Main into the corlib");
        Assert.Contains(s.TopFunctions, f => f.Name == "Program::Arithmetic(System.Int64,System.Int64)");
    }

    /// <summary>PVH under TCG (this machine has no KVM for the tests): a few seconds of the hot loop, sampled by the APIC timer.</summary>
    [Fact]
    public void OnPvhUnderTcgTheApicTimerSamplesTheHotFunction()
    {
        var p = BuildAndProfile("hotpvh", HotLoop, "pvh",
            new RunOptions { Timeout = TimeSpan.FromSeconds(120), Accelerator = QemuAccelerator.Tcg, ProgramArguments = ["4"] });
        Show(p);
        Assert.True(p.Run.ExitCode == 0, p.Run.Describe());
        Assert.Contains("\n", p.Stdout);
        var s = p.Report.Summary;
        Assert.InRange(s.Samples, 30, 100_000);
        var top = s.TopFunctions[0];
        Assert.Equal("Program::Hot(System.Int64,System.Int64)", top.Name);
        Assert.True(s.Share(top.Self) > 0.5, $"Hot has {s.Share(top.Self):P1} of the samples");
        Assert.True(s.Crossings.GetValueOrDefault(("(entry)", "app")) > s.Samples / 2, "the frame chain stops short of the entry point");
        Assert.Equal(s.Samples, FoldedStacks.Parse(File.ReadAllText(p.Report.FoldedPath)).Sum(f => f.Count));
    }
}
