using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Debugging;

/// <summary>
/// Source-level debugging with Debian's gdb in batch mode (docs/debugging.md): the linux image runs
/// under gdb directly; the pvh image boots under QEMU (TCG here) stopped at its first instruction,
/// with gdb attached through QEMU's gdbstub, as `testbed run --gdb` does.
/// </summary>
public sealed class GdbTests
{
    private static readonly Debuggee Linux = Debuggee.Build("linux", 0);

    [Fact]
    public void BreakOnAMethodByNameShowsItsArgumentAndLine()
    {
        var d = Linux;
        var output = d.Gdb("break Program.Square", "run", "print value", "continue", "print value");
        Assert.Contains($"Breakpoint 1, Program.Square (value=0) at {d.FileName}:{d.Line("square-body")}", output);
        Assert.Matches(@"\$2 = 1\b", output);
    }

    [Fact]
    public void BreakOnFileAndLineThenStepIntoAndNextOver()
    {
        var d = Linux;
        var output = d.Gdb($"break {d.FileName}:{d.Line("main-call")}", "run", "step", "next", "next", "print result");
        Assert.Contains($"Program.Main (args=", output);
        Assert.Contains($"at {d.FileName}:{d.Line("main-call")}", output);
        // step enters the call; next goes over a line in it.
        Assert.Contains($"Program.Square (value=0) at {d.FileName}:{d.Line("square-body")}", output);
        Assert.Contains($"{d.Line("square-return")}\t", output);
        Assert.Matches(@"\$1 = 0\b", output);
    }

    [Fact]
    public void BacktraceNamesCSharpMethodsAndLinesAcrossAppCoreLibraryAndLibraryOs()
    {
        var d = Linux;
        var output = d.Gdb("break System.String.Concat", "run", "bt");
        var frames = Regex.Matches(output, @"^#\d+ .*$", RegexOptions.Multiline).Select(m => m.Value).ToList();
        Assert.True(frames.Count >= 5, output);
        Assert.Matches(@"^#0 .*System\.String\.Concat \(.*\) at .*/libos/corlib/System/String\.Concat\.cs:\d+", frames[0]);
        Assert.Contains(frames, f => f.Contains($"Program.Describe (total=30) at {d.FileName}:{d.Line("describe-body") + 1}"));
        Assert.Contains(frames, f => f.Contains($"Program.Main (args=") && f.Contains($"{d.FileName}:{d.Line("main-describe")}"));
        Assert.Contains(frames, f => Regex.IsMatch(f, @"Testbed\.LibOS\.Platform\.Linux\.LinuxStart\.Start \(.*\) at .*/libos/platform/linux/LinuxStart\.cs:\d+"));
    }

    [Fact]
    public void PrintsAnIntLocalAndAStringsLength()
    {
        var d = Linux;
        var output = d.Gdb($"break {d.FileName}:{d.Line("main-print")}", "run", "print total", "print greeting->_stringLength", "print text->_stringLength",
            "info locals");
        Assert.Matches(@"\$1 = 30\b", output);
        Assert.Matches(@"\$2 = 15\b", output); // "hello, debugger"
        Assert.Matches(@"\$3 = 10\b", output); // "total = 30"
        Assert.Matches(@"(?m)^i = 5$", output);
    }

    [Fact]
    public void OptimisedCodeStillBreaksByNameAndShowsTheInlinedCaller()
    {
        var d = Debuggee.Build("linux", 2);
        var output = d.Gdb("break Program.Square", "run", "bt");
        Assert.Contains($"Program.Square (value=0) at {d.FileName}:{d.Line("square-body")}", output);
        // Main is inlined into the entry glue at -O2: DWARF's inlined-at chain still gives it a frame.
        Assert.Contains($"Program.Main (args=", output);
        Assert.Contains($"{d.FileName}:{d.Line("main-call")}", output);
    }

    [Fact]
    public async Task PvhGuestUnderQemusGdbstub()
    {
        var d = Debuggee.Build("pvh", 0);
        int port = FreePort();
        using var stdout = new MemoryStream();
        // TCG: this machine's KVM cannot run our guests (docs/targets.md); the gdbstub works the same under both.
        var run = new PvhTarget().RunAsync(d.Image, stdout, new RunOptions
        {
            Timeout = TimeSpan.FromSeconds(180), Accelerator = QemuAccelerator.Tcg,
            ExtraQemuArguments = ["-gdb", $"tcp:127.0.0.1:{port}", "-S"],
        });
        var output = await WaitForGdbstub(port, () => Debuggee.RunGdb(d.Image, [
            $"target remote 127.0.0.1:{port}", "break Program.Square", "continue", "bt", "print value", "next", "finish",
            "delete 1", $"break {d.FileName}:{d.Line("main-describe")}", "continue", "step",
            $"break {d.FileName}:{d.Line("main-print")}", "continue", "print total", "print greeting->_stringLength", "delete", "continue",
        ]));
        var result = await run;
        Assert.Contains($"Program.Square (value=0) at {d.FileName}:{d.Line("square-body")}", output);
        Assert.Matches(@"Testbed\.LibOS\.Platform\.Pvh\.PvhStart\.Start \(.*\) at .*/libos/platform/pvh/PvhStart\.cs:\d+", output);
        Assert.Contains($"{d.Line("square-return")}\t", output);
        Assert.Contains($"Program.Describe (total=30) at {d.FileName}:{d.Line("describe-body")}", output);
        Assert.Matches(@"\$\d+ = 30\b", output);
        Assert.Matches(@"\$\d+ = 15\b", output);
        Assert.Equal(RunOutcome.Exited, result.Outcome);
        Assert.Equal(15, result.ExitCode);
        Assert.Contains("hello, debugger: total = 30", System.Text.Encoding.UTF8.GetString(stdout.ToArray()));
    }

    [Theory]
    [InlineData("linux", "--gdb=1234", "a port is for pvh")]
    [InlineData("pvh", "--gdb=0", "'0' is not a TCP port")]
    [InlineData("pvh", "--gdb=http", "'http' is not a TCP port")]
    [InlineData("pvh", "--gdb=65536", "'65536' is not a TCP port")]
    public void ABadGdbOptionIsAUsageErrorBeforeAnythingIsBuilt(string target, string option, string message)
    {
        var program = Testbed.Tests.Cli.CliProcess.WriteProgram("gdbusage", "class P { static int Main() => 0; }");
        var result = Testbed.Tests.Cli.CliProcess.Run(["run", program, "--target", target, option]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"testbed: --gdb: {message}", result.Stderr);
        Assert.DoesNotContain("testbed: building", result.Stderr);
    }

    [Fact]
    public void GdbAndProfileTogetherAreAUsageError()
    {
        var program = Testbed.Tests.Cli.CliProcess.WriteProgram("gdbprofile", "class P { static int Main() => 0; }");
        var result = Testbed.Tests.Cli.CliProcess.Run(["run", program, "--target", "linux", "--gdb", "--profile"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("testbed: --gdb and --profile: one at a time", result.Stderr);
        Assert.DoesNotContain("testbed: building", result.Stderr);
    }

    private static async Task<string> WaitForGdbstub(int port, Func<string> attach)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            try
            {
                // Probing with a connection would take the stub's one client; a listener that cannot bind says it is up.
                using var probe = new TcpListener(IPAddress.Loopback, port);
                probe.Start();
                probe.Stop();
            }
            catch (SocketException)
            {
                return attach();
            }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"QEMU's gdbstub did not listen on {port}");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
