using Testbed.Backend.Llvm;

namespace Testbed.Backend.Targets;

/// <summary>A platform the compiler builds for: how LLVM generates code for it, the assembly the module
/// must carry, how the object is linked into an image, and how that image runs.</summary>
public abstract class Target
{
    public static readonly Target Pvh = new PvhTarget();
    public static readonly Target Linux = new LinuxTarget();

    public static IReadOnlyList<Target> All { get; } = [Pvh, Linux];

    /// <summary>The target named <paramref name="name"/> ("pvh" or "linux"), or null.</summary>
    public static Target? FromName(string name) =>
        All.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Name on the command line: --target NAME.</summary>
    public abstract string Name { get; }

    /// <summary>One paragraph for --help and docs.</summary>
    public abstract string Description { get; }

    public abstract string Triple { get; }

    /// <summary>Baseline x86-64 (SSE2, no SSE3): the default QEMU CPU model under KVM on these machines
    /// lacks SSE3, and a baseline image runs on every host.</summary>
    public virtual string Cpu => "x86-64";

    public virtual string Features => "";

    public LLVMRelocMode RelocMode => LLVMRelocMode.Static;

    /// <summary>Small: everything the image holds lies below 2 GiB, so 32-bit absolute and RIP-relative
    /// addressing reach it all.</summary>
    public LLVMCodeModel CodeModel => LLVMCodeModel.Small;

    /// <summary>The platform layer's entry point that the target's <see cref="ModuleAsm"/> calls.</summary>
    public abstract string EntrySymbol { get; }

    /// <summary>Module-level assembly the lowering appends to the module (entry code, boot data).</summary>
    public abstract string ModuleAsm { get; }

    /// <summary>Enum attributes the lowering must put on every defined function (e.g. noredzone on bare
    /// metal, where an interrupt would overwrite the red zone below rsp).</summary>
    public abstract IReadOnlyList<string> RequiredFunctionAttributes { get; }

    /// <exception cref="LlvmException">LLVM cannot create the machine.</exception>
    public LlvmTargetMachine CreateTargetMachine(LLVMCodeGenOptLevel optLevel = LLVMCodeGenOptLevel.Default) =>
        LlvmTargetMachine.Create(Triple, Cpu, Features, optLevel, RelocMode, CodeModel);

    /// <summary>Gives <paramref name="module"/> the machine's triple and data layout and appends this
    /// target's module asm. Call once per module, before optimising.</summary>
    public void PrepareModule(LlvmModule module, LlvmTargetMachine machine)
    {
        module.ConfigureFor(machine);
        module.AppendInlineAsm(ModuleAsm);
    }

    /// <summary>Adds <see cref="RequiredFunctionAttributes"/> to <paramref name="function"/>.</summary>
    public void ApplyRequiredAttributes(LlvmContext context, LLVMValueRef function)
    {
        foreach (string name in RequiredFunctionAttributes)
        {
            uint kind = LLVM.GetEnumAttributeKindForName(name);
            if (kind == 0) throw new InvalidOperationException($"LLVM has no attribute named {name}");
            LLVM.AddAttributeAtIndex(function, LLVMAttributeIndex.Function, LLVM.CreateEnumAttribute(context, kind, 0));
        }
    }

    /// <summary>The ld.lld arguments (without the program name) that link <paramref name="objectPaths"/>
    /// into <paramref name="outputPath"/>. <paramref name="linkerScriptPath"/> is where <see cref="LinkerScript"/>
    /// was written, when the target has one.</summary>
    public abstract IReadOnlyList<string> LinkArguments(IReadOnlyList<string> objectPaths, string outputPath, string? linkerScriptPath);

    /// <summary>The linker script text, or null to use ld.lld's default layout.</summary>
    public virtual string? LinkerScript => null;

    /// <summary>Links one object file into an image with ld.lld.</summary>
    /// <exception cref="ToolNotFoundException">ld.lld is not installed.</exception>
    /// <exception cref="LinkException">The link failed; the message is the linker's output.</exception>
    public void Link(string objectPath, string outputPath) => Link([objectPath], outputPath);

    /// <summary>Links object files into an image with ld.lld, without LTO: each object was optimised alone.</summary>
    /// <exception cref="ToolNotFoundException">ld.lld is not installed.</exception>
    /// <exception cref="LinkException">The link failed; the message is the linker's output.</exception>
    public void Link(IReadOnlyList<string> objectPaths, string outputPath)
    {
        string linker = Tools.Linker;
        string? scriptPath = null;
        try
        {
            if (LinkerScript is { } script)
            {
                scriptPath = Path.Combine(Path.GetTempPath(), $"testbed-{Name}-{Guid.NewGuid():N}.ld");
                File.WriteAllText(scriptPath, script);
            }
            IReadOnlyList<string> arguments = LinkArguments(objectPaths, outputPath, scriptPath);
            (int status, string output) = ProcessRunner.RunCaptured(linker, arguments);
            if (status != 0)
                throw new LinkException($"linking {Path.GetFileName(outputPath)} for target {Name} failed:\n{output}");
        }
        finally
        {
            if (scriptPath is not null) File.Delete(scriptPath);
        }
    }

    /// <summary>Generates code for <paramref name="module"/> and links it into <paramref name="outputPath"/>.
    /// The object file goes to <paramref name="objectPath"/> if given (kept), else to a temporary file.</summary>
    public void EmitAndLink(LlvmModule module, LlvmTargetMachine machine, string outputPath, string? objectPath = null)
    {
        string path = objectPath ?? Path.Combine(Path.GetTempPath(), $"testbed-{Name}-{Guid.NewGuid():N}.o");
        try
        {
            module.EmitObject(machine, path);
            Link(path, outputPath);
        }
        finally
        {
            if (objectPath is null) File.Delete(path);
        }
    }

    /// <summary>Runs a linked image, streaming its standard output to <paramref name="stdout"/>.</summary>
    public abstract Task<RunResult> RunAsync(string imagePath, Stream stdout, RunOptions options,
        CancellationToken cancellation = default);

    public RunResult Run(string imagePath, Stream stdout, RunOptions options) =>
        RunAsync(imagePath, stdout, options).GetAwaiter().GetResult();

    public override string ToString() => Name;
}
