using Microsoft.Win32.SafeHandles;

namespace Testbed.Backend.Targets;

/// <summary>Whether QEMU can use KVM here.</summary>
public static class Kvm
{
    public const string DevicePath = "/dev/kvm";

    private static readonly Lazy<bool> usable = new(Probe);

    /// <summary>True when /dev/kvm opens for reading and writing, which is what QEMU needs; its mere
    /// existence is not enough (containers often expose it without permission).</summary>
    public static bool IsUsable => usable.Value;

    private static bool Probe()
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
}
