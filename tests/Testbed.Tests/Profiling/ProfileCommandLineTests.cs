using System.Text.Json;
using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Profiling;

/// <summary>`testbed run --profile[=HZ]` as a user types it: bad rates are usage errors before any build; a good one prints the table and fills --metrics.</summary>
public sealed class ProfileCommandLineTests
{
    [Theory]
    [InlineData("--profile=0")]
    [InlineData("--profile=-5")]
    [InlineData("--profile=10001")]
    [InlineData("--profile=1e3")]
    [InlineData("--profile=fast")]
    [InlineData("--profile=")]
    public void ABadRateIsAUsageErrorBeforeAnythingIsBuilt(string option)
    {
        var program = CliProcess.WriteProgram("profiled", ProfiledRunTests.HotLoop);
        var result = CliProcess.Run(["run", program, "--target", "linux", option, "--", "8"], timeoutSeconds: 60);
        Assert.True(result.ExitCode == 1, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.Contains("--profile", result.Stderr);
        Assert.DoesNotContain("testbed: building", result.Stderr);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public void ABareProfileBeforeTheInputSamplesAtTheDefaultRateAndFillsTheMetrics()
    {
        var program = CliProcess.WriteProgram("profiled", ProfiledRunTests.HotLoop);
        var metrics = Path.Combine(Path.GetDirectoryName(program)!, "metrics.json");
        var result = CliProcess.Run(["run", "--profile", program, "--target", "linux", "--metrics", metrics, "--", "8"]);
        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Stderr}");
        Assert.Contains("samples at 1000 Hz", result.Stderr);
        Assert.Contains("self samples by layer", result.Stderr);
        Assert.Contains("Program::Hot(System.Int64,System.Int64)", result.Stderr);
        using var json = JsonDocument.Parse(File.ReadAllText(metrics));
        var profile = json.RootElement.GetProperty("profile");
        long samples = profile.GetProperty("samples").GetInt64();
        Assert.True(samples > 100, $"{samples} samples");
        long app = profile.GetProperty("selfByLayer").GetProperty("app").GetProperty("samples").GetInt64();
        Assert.True(app > samples / 2, $"app {app} of {samples}");
        Assert.Equal(samples, profile.GetProperty("selfByLayer").EnumerateObject().Sum(l => l.Value.GetProperty("samples").GetInt64()));
        Assert.Equal("Program::Hot(System.Int64,System.Int64)", profile.GetProperty("topFunctions")[0].GetProperty("function").GetString());
        // The build's own metrics are still there.
        Assert.True(json.RootElement.TryGetProperty("text", out _));
        Assert.True(File.Exists(profile.GetProperty("folded").GetString()));
    }
}
