using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Faults;

/// <summary>
/// On PVH a CPU exception is a panic report on standard error (vector, faulting address, the rip's
/// method, a frame-pointer stack trace) and exit code 200 + vector, not a triple fault.
/// </summary>
public sealed class CpuExceptionTests
{
    // NoInlining keeps Poke and Main as frames of their own for the report to name.
    private const string PokeProgram = """
        using System;
        using System.Runtime.CompilerServices;
        static unsafe class Program
        {
            [MethodImpl(MethodImplOptions.NoInlining)]
            static void Poke(long address) { *(long*)address = 42; }

            [MethodImpl(MethodImplOptions.NoInlining)]
            static int Main()
            {
                Console.WriteLine("before");
                Poke(ADDRESS);
                Console.WriteLine("after");
                return 0;
            }
        }
        """;

    private static CliProcess.Result RunPoke(string name, string address)
    {
        var program = CliProcess.WriteProgram(name, PokeProgram.Replace("ADDRESS", address));
        return CliProcess.Run(new[] { "run", program, "--target", "pvh" });
    }

    [Fact]
    public void AWriteAboveTheIdentityMapIsAPageFaultReportWithExitCode214()
    {
        // The trampoline maps only the first 4 GiB.
        var result = RunPoke("pagefault", "0x1000_0000_0000");
        Assert.Equal(214, result.ExitCode);
        Assert.Equal("before\n", result.Stdout);
        var lines = result.Stderr.Split('\n');
        Assert.Contains("PANIC: page fault (#PF, vector 14) error code 0x2 at address 0x0000100000000000", lines);
        var rip = Assert.Single(lines, l => l.StartsWith("  rip 0x", StringComparison.Ordinal));
        Assert.EndsWith(" in Program::Poke(System.Int64)", rip);
        var stack = lines.SkipWhile(l => l != "  stack:").Skip(1).ToList();
        Assert.NotEmpty(stack);
        Assert.EndsWith(" Program::Main()", stack[0]);
    }

    [Fact]
    public void AWriteThroughANonCanonicalPointerIsAGeneralProtectionFaultReportWithExitCode213()
    {
        var result = RunPoke("gpfault", "unchecked((long)0x8000_0000_0000_0000)");
        Assert.Equal(213, result.ExitCode);
        Assert.Equal("before\n", result.Stdout);
        var lines = result.Stderr.Split('\n');
        Assert.Contains("PANIC: general protection fault (#GP, vector 13) error code 0x0", lines);
        var rip = Assert.Single(lines, l => l.StartsWith("  rip 0x", StringComparison.Ordinal));
        Assert.EndsWith(" in Program::Poke(System.Int64)", rip);
        Assert.Contains(lines, l => l.EndsWith(" Program::Main()", StringComparison.Ordinal));
    }
}
