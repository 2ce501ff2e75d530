namespace Testbed.Backend.Targets;

/// <summary>Static x86-64 Linux executable without libc: the platform layer makes raw syscalls.</summary>
public sealed class LinuxTarget : Target
{
    internal LinuxTarget() { }

    public override string Name => "linux";

    public override string Description =>
        "static x86-64 Linux executable, no libc (raw syscalls), not position independent; " +
        "for fast tests, debugging and perf/valgrind measurements";

    public override string Triple => "x86_64-unknown-linux-gnu";

    public override string EntrySymbol => "tb_linux_start";

    /// <summary>`_start` hands the kernel's initial stack (argc, argv, envp, auxv) to tb_linux_start on a
    /// 16-byte-aligned stack; a return is a bug, reported as exit status 127. The profiler's signal
    /// restorer. Then the green threads' context switch, the same text as on PVH.</summary>
    public override string ModuleAsm => StartAsm + PvhThreads.Asm;

    private const string StartAsm = """
            .pushsection .text._start, "ax", @progbits
            .globl _start
            .type _start, @function
        _start:
            xor %ebp, %ebp                   # ends frame-pointer chains for debuggers
            mov %rsp, %rdi
            and $-16, %rsp
            call tb_linux_start
            mov $127, %edi
            mov $231, %eax                   # exit_group
            syscall
            ud2
            .size _start, . - _start
            .popsection

            # The profiler's SIGPROF handler returns here (sa_restorer, docs/profiling.md): rt_sigreturn.
            .pushsection .text.tb_linux_signal_restorer, "ax", @progbits
            .globl tb_linux_signal_restorer_address
            .type tb_linux_signal_restorer_address, @function
        tb_linux_signal_restorer_address:
            lea tb_linux_signal_restorer(%rip), %rax
            ret
            .size tb_linux_signal_restorer_address, . - tb_linux_signal_restorer_address
            .type tb_linux_signal_restorer, @function
        tb_linux_signal_restorer:
            mov $15, %eax                    # rt_sigreturn
            syscall
            ud2
            .size tb_linux_signal_restorer, . - tb_linux_signal_restorer
            .popsection
        """;

    public override IReadOnlyList<string> RequiredFunctionAttributes { get; } = [];

    public override IReadOnlyList<string> LinkArguments(IReadOnlyList<string> objectPaths, string outputPath, string? linkerScriptPath) =>
    [
        "-static", "-nostdlib", "--no-pie",
        "-e", "_start",
        "--build-id=none",
        // Drops the green threads' switch (.text.tb_threads) from programs that start no thread.
        "--gc-sections",
        "-z", "noexecstack",
        "-o", outputPath,
        .. objectPaths,
    ];

    public override Task<RunResult> RunAsync(string imagePath, Stream stdout, RunOptions options,
        CancellationToken cancellation = default) =>
        NativeRunner.RunAsync(imagePath, stdout, options, cancellation);
}
