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

    private static CliProcess.Result RunProgram(string name, string source) =>
        CliProcess.Run(new[] { "run", CliProcess.WriteProgram(name, source), "--target", "pvh" });

    private static IReadOnlyList<string> StackLines(string[] lines) => lines.SkipWhile(l => l != "  stack:").Skip(1).ToList();

    [Fact]
    public void AnInstructionTheCpuRejectsIsAnInvalidOpcodeReportWithExitCode206()
    {
        // syscall raises #UD while EFER.SCE is clear, as it is on PVH: there is no system call gate.
        var result = RunProgram("invalidopcode", """
            using System;
            using System.Runtime;
            using System.Runtime.CompilerServices;
            static class Program
            {
                [MethodImpl(MethodImplOptions.NoInlining)]
                static long Trap() => Cpu.Syscall(60, 0, 0, 0, 0, 0, 0);

                [MethodImpl(MethodImplOptions.NoInlining)]
                static int Main()
                {
                    Console.WriteLine("before");
                    long result = Trap();
                    Console.WriteLine("after");
                    return (int)result;
                }
            }
            """);
        Assert.Equal(206, result.ExitCode);
        Assert.Equal("before\n", result.Stdout);
        var lines = result.Stderr.Split('\n');
        Assert.Contains("PANIC: invalid opcode (#UD, vector 6) error code 0x0", lines);
        var rip = Assert.Single(lines, l => l.StartsWith("  rip 0x", StringComparison.Ordinal));
        Assert.EndsWith(" in Program::Trap()", rip);
        Assert.EndsWith(" Program::Main()", StackLines(lines)[0]);
    }

    [Fact]
    public void AWriteToCodeIsAPageFaultBecauseTextIsReadOnly()
    {
        // The first compiled function's address, from the symbol table the backend emits.
        var result = RunProgram("writecode", """
            using System;
            using System.Runtime;
            using System.Runtime.CompilerServices;
            static unsafe class Program
            {
                [RuntimeImport("tb_symbol_table")]
                static extern long* Symbols();

                [MethodImpl(MethodImplOptions.NoInlining)]
                static void Patch(long address) { *(byte*)address = 0xC3; }

                static int Main()
                {
                    long* table = Symbols();
                    Console.WriteLine("before");
                    Patch(table[1]);
                    Console.WriteLine("after");
                    return 0;
                }
            }
            """);
        Assert.Equal(214, result.ExitCode);
        Assert.Equal("before\n", result.Stdout);
        var lines = result.Stderr.Split('\n');
        // Error code 0x3: the page is present and the access was a write.
        Assert.Contains(lines, l => l.StartsWith("PANIC: page fault (#PF, vector 14) error code 0x3 at address 0x", StringComparison.Ordinal));
        Assert.EndsWith(" in Program::Patch(System.Int64)", Assert.Single(lines, l => l.StartsWith("  rip 0x", StringComparison.Ordinal)));
    }

    [Fact]
    public void UnboundedRecursionHitsTheGuardPageAndIsReportedAsAStackOverflowWithExitCode240()
    {
        var result = RunProgram("overflow", """
            using System;
            using System.Runtime.CompilerServices;
            static unsafe class Program
            {
                [MethodImpl(MethodImplOptions.NoInlining)]
                static int Recurse(int depth)
                {
                    byte* pad = stackalloc byte[256];
                    pad[depth & 255] = (byte)depth;
                    return Recurse(depth + 1) + pad[(depth * 7) & 255];
                }

                static int Main()
                {
                    Console.WriteLine("before");
                    return Recurse(0);
                }
            }
            """);
        Assert.Equal(240, result.ExitCode);
        Assert.Equal("before\n", result.Stdout);
        var lines = result.Stderr.Split('\n');
        int panic = Array.IndexOf(lines, "PANIC: stack overflow (guard page hit)");
        Assert.True(panic >= 0, result.Stderr);
        Assert.StartsWith("PANIC: page fault (#PF, vector 14) error code 0x2 at address 0x", lines[panic + 1]);
        Assert.EndsWith(" in Program::Recurse(System.Int32)", Assert.Single(lines, l => l.StartsWith("  rip 0x", StringComparison.Ordinal)));
        var stack = StackLines(lines).Where(l => l.Length > 0).ToList();
        Assert.Equal(32, stack.Count);
        Assert.All(stack, l => Assert.EndsWith(" Program::Recurse(System.Int32)", l));
    }

    [Fact]
    public void JumpingIntoDataIsAPageFaultBecauseDataIsNotExecutable()
    {
        // A `ret` in a heap array, called through a function pointer: W^X must stop it at the fetch.
        var result = RunProgram("executedata", """
            using System;
            using System.Runtime.CompilerServices;
            static unsafe class Program
            {
                static readonly byte[] Code = { 0xC3 };

                [MethodImpl(MethodImplOptions.NoInlining)]
                static void Jump(byte* code) => ((delegate*<void>)code)();

                static int Main()
                {
                    Console.WriteLine("before");
                    fixed (byte* code = Code) Jump(code);
                    Console.WriteLine("after");
                    return 0;
                }
            }
            """);
        Assert.Equal(214, result.ExitCode);
        Assert.Equal("before\n", result.Stdout);
        var lines = result.Stderr.Split('\n');
        // Error code 0x11: the page is present and the access was an instruction fetch.
        Assert.Contains(lines, l => l.StartsWith("PANIC: page fault (#PF, vector 14) error code 0x11 at address 0x", StringComparison.Ordinal));
        Assert.EndsWith(" in (outside the image's code)", Assert.Single(lines, l => l.StartsWith("  rip 0x", StringComparison.Ordinal)));
        Assert.Contains(StackLines(lines), l => l.Length > 0);
    }
}
