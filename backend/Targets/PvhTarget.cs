namespace Testbed.Backend.Targets;

/// <summary>Bare-metal x86-64 ELF booted by QEMU's -kernel through the Xen PVH entry point.</summary>
public sealed class PvhTarget : Target
{
    internal PvhTarget() { }

    public override string Name => "pvh";

    public override string Description =>
        "bare-metal x86-64 ELF entered through the Xen PVH note (QEMU -kernel on microvm, q35 or pc); " +
        "ring 0, identity-mapped first 4 GiB, loaded at 1 MiB, static, small code model, no red zone " +
        "(every function gets noredzone), SSE enabled at boot";

    public override string Triple => "x86_64-unknown-none-elf";

    public override string EntrySymbol => "tb_pvh_start";

    public override string ModuleAsm => PvhBoot.Asm + PvhInterrupts.Asm + PvhThreads.Asm;

    public override IReadOnlyList<string> RequiredFunctionAttributes { get; } = ["noredzone"];

    public override string? LinkerScript => PvhLinkerScript.Text;

    public override IReadOnlyList<string> LinkArguments(IReadOnlyList<string> objectPaths, string outputPath, string? linkerScriptPath) =>
    [
        "-T", linkerScriptPath ?? throw new ArgumentNullException(nameof(linkerScriptPath)),
        "-static", "-nostdlib", "--no-pie",
        "--build-id=none",           // byte-identical images for identical input
        "-z", "noexecstack",
        "-z", "max-page-size=4096",
        "-o", outputPath,
        .. objectPaths,
    ];

    public override Task<RunResult> RunAsync(string imagePath, Stream stdout, RunOptions options,
        CancellationToken cancellation = default) =>
        QemuRunner.RunAsync(imagePath, stdout, options, cancellation);
}
