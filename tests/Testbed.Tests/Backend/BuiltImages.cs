using Testbed.Backend.Llvm;
using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Backend;

/// <summary>Builds the test images once per test run, through the same path the compiler uses:
/// builder → verify → default&lt;O2&gt; → object → ld.lld.</summary>
public sealed class BuiltImages : IDisposable
{
    public const string PvhMessage = "hello from pvh\n";
    public const string LinuxMessage = "hello from linux\n";
    public const int ExitCode = 42;

    private readonly string directory = Directory.CreateTempSubdirectory("testbed-backend-").FullName;
    private readonly Lazy<string> pvhHello, pvhHang, pvhTripleFault, linuxHello;

    public BuiltImages()
    {
        pvhHello = new(() => Build(Target.Pvh, "pvh-hello.elf", (c, m) => GuestModules.PvhHello(c, m, PvhMessage, ExitCode)));
        pvhHang = new(() => Build(Target.Pvh, "pvh-hang.elf", GuestModules.PvhHang));
        pvhTripleFault = new(() => Build(Target.Pvh, "pvh-triple-fault.elf", GuestModules.PvhTripleFault));
        linuxHello = new(() => Build(Target.Linux, "linux-hello", (c, m) => GuestModules.LinuxHello(c, m, LinuxMessage, ExitCode)));
    }

    public string PvhHello => pvhHello.Value;
    public string PvhHang => pvhHang.Value;
    public string PvhTripleFault => pvhTripleFault.Value;
    public string LinuxHello => linuxHello.Value;

    private string Build(Target target, string fileName, Func<LlvmContext, LlvmTargetMachine, LlvmModule> create)
    {
        string output = Path.Combine(directory, fileName);
        using var context = new LlvmContext();
        using LlvmTargetMachine machine = target.CreateTargetMachine(LLVMCodeGenOptLevel.Default);
        using LlvmModule module = create(context, machine);
        Assert.Null(module.Verify());
        module.RunPasses("default<O2>", machine);
        Assert.Null(module.Verify());
        target.EmitAndLink(module, machine, output);
        return output;
    }

    public void Dispose()
    {
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { }
    }
}
