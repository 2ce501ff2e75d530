using Microsoft.Win32.SafeHandles;
using Testbed.Backend.Llvm;

namespace Testbed.Backend.Targets;

/// <summary>
/// Whether QEMU can use KVM here, decided by trying it. Opening /dev/kvm is not enough: on some
/// hosts (nested set-ups among them) KVM boots a guest but cannot execute SSE instructions, and
/// every compiled C# program uses SSE. So the first use boots a tiny probe image that executes
/// one, and the answer is cached for the rest of the host's uptime.
/// </summary>
public static class Kvm
{
    public const string DevicePath = "/dev/kvm";

    private const int ProbeExitValue = 21;
    private static readonly Lazy<(bool Usable, string Detail)> probe = new(Probe);

    public static bool IsUsable => probe.Value.Usable;

    /// <summary>"usable: …" or "unusable: …", saying why, for --verbose and the tests.</summary>
    public static string Reason => (IsUsable ? "usable: " : "unusable: ") + probe.Value.Detail;

    private static (bool, string) Probe()
    {
        if (!DeviceOpens()) return (false, $"{DevicePath} is missing or cannot be opened for reading and writing");
        if (!Tools.HasQemu || !Tools.HasLinker) return (false, "QEMU or ld.lld is missing");
        var cache = CachePath();
        if (File.Exists(cache) && File.ReadAllText(cache).Split('\n', 2) is [var verdict, var detail])
            return (verdict == "usable", detail.Trim());
        var result = BootSseProbe();
        try { File.WriteAllText(cache, (result.Item1 ? "usable" : "unusable") + "\n" + result.Item2); }
        catch (IOException) { /* Another process wrote it first; our own answer stands. */ }
        return result;
    }

    private static bool DeviceOpens()
    {
        try
        {
            using SafeFileHandle handle = File.OpenHandle(DevicePath, FileMode.Open, FileAccess.ReadWrite);
            return !handle.IsInvalid;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return false;
        }
    }

    /// <summary>Keyed by the boot and the QEMU binary: either may change what KVM can do.</summary>
    private static string CachePath()
    {
        var bootId = File.Exists("/proc/sys/kernel/random/boot_id") ? File.ReadAllText("/proc/sys/kernel/random/boot_id").Trim() : "unknown";
        var qemuStamp = File.GetLastWriteTimeUtc(Tools.Qemu).Ticks;
        return Path.Combine(Path.GetTempPath(), $"testbed-kvm-probe-{bootId}-{qemuStamp}.txt");
    }

    private static (bool, string) BootSseProbe()
    {
        var dir = Path.Combine(Path.GetTempPath(), $"testbed-kvm-probe-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        try
        {
            var image = Path.Combine(dir, "probe.elf");
            BuildProbeImage(image);
            var options = new RunOptions { Accelerator = QemuAccelerator.Kvm, Timeout = TimeSpan.FromSeconds(20) };
            var result = QemuRunner.Run(image, Stream.Null, options);
            if (result.Outcome == RunOutcome.Exited && result.ExitCode == ProbeExitValue)
                return (true, "a KVM guest executed SSE instructions");
            var detail = result.Diagnostics.Contains("emulation failure", StringComparison.Ordinal)
                ? "KVM here cannot execute SSE instructions in a guest (QEMU reports an emulation failure)"
                : $"a KVM probe boot {result.Describe()}";
            return (false, detail);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static void BuildProbeImage(string imagePath)
    {
        var target = Target.Pvh;
        using var context = new LlvmContext();
        using var module = context.ParseIR($$"""
            define void @tb_pvh_start(ptr %info, i64 %tsc) nounwind noredzone {
              call void asm sideeffect "xorps %xmm0, %xmm0\0A\09addsd %xmm0, %xmm0\0A\09movw $$0xf4, %dx\0A\09movl $${{ProbeExitValue}}, %eax\0A\09outl %eax, %dx", "~{xmm0},~{dx},~{eax}"()
              ret void
            }
            """, "kvm-probe");
        using var machine = target.CreateTargetMachine();
        target.PrepareModule(module, machine);
        target.EmitAndLink(module, machine, imagePath);
    }
}
