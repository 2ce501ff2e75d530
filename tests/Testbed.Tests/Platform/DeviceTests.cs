using System.Text.RegularExpressions;
using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Platform;

/// <summary>
/// virtio discovery and drivers: devices found on microvm (virtio-mmio, from the kernel command line)
/// and q35 (virtio-pci), virtio-blk writes that survive a restart, and devices the drivers refuse.
/// </summary>
public sealed class DeviceTests
{
    private static string NewDisk(int megabytes)
    {
        var path = Path.Combine(Path.GetTempPath(), $"testbed-disk-{Guid.NewGuid():N}.img");
        using (var file = File.Create(path)) file.SetLength(megabytes << 20);
        return path;
    }

    public static TheoryData<QemuMachine, int> MachinesAndDeviceCounts()
    {
        var data = new TheoryData<QemuMachine, int>();
        foreach (var machine in new[] { QemuMachine.Microvm, QemuMachine.Q35 })
            for (int devices = 1; devices <= 3; devices++)
                data.Add(machine, devices);
        return data;
    }

    [Theory]
    [MemberData(nameof(MachinesAndDeviceCounts))]
    public void BootsWithOneTwoOrThreeDevicesAndFindsThemAll(QemuMachine machine, int devices)
    {
        // 1: a disk; 2: a disk and a NIC; 3: two disks (of different sizes) and a NIC.
        var disks = new List<string> { NewDisk(1) };
        if (devices == 3) disks.Add(NewDisk(2));
        try
        {
            var options = GuestProgram.Defaults with
            {
                Machine = machine, Disks = disks, Network = devices >= 2 ? QemuNetwork.User : QemuNetwork.None,
            };
            var outcome = GuestProgram.Run("devices", options);
            Assert.True(outcome.ExitCode == 0, outcome.Describe());
            var expected = $"block {disks.Count}\n  sectors 2048\n" + (devices == 3 ? "  sectors 4096\n" : "")
                + (devices >= 2 ? $"network 1\n  mac {QemuRunner.GuestMac}\n" : "network 0\n");
            Assert.Equal(expected, outcome.Stdout);
            Assert.DoesNotContain("testbed virtio", outcome.Stderr);
        }
        finally
        {
            disks.ForEach(File.Delete);
        }
    }

    [Theory]
    [InlineData(QemuMachine.Microvm)]
    [InlineData(QemuMachine.Q35)]
    public void DataWrittenAndFlushedIsReadBackAfterTheGuestRestartsOnTheSameImage(QemuMachine machine)
    {
        var disk = NewDisk(1);
        try
        {
            var write = GuestProgram.Run("disk", GuestProgram.Defaults with { Machine = machine, Disks = [disk], ExtraQemuArguments = ["-append", "disk=write"] });
            Assert.True(write.ExitCode == 0, write.Describe());
            Assert.Equal("in flight 8\nwritten and flushed\nin flight 8\nverified\n", write.Stdout);

            // What the guest wrote is in the file on the host...
            var bytes = File.ReadAllBytes(disk);
            for (int i = 0; i < 64 * 512; i++)
                Assert.Equal((byte)((i / 512) * 7 + (i % 512) * 13 + 0x5A), bytes[i]);

            // ...and a fresh boot on the same image reads it back.
            var verify = GuestProgram.Run("disk", GuestProgram.Defaults with { Machine = machine, Disks = [disk], ExtraQemuArguments = ["-append", "disk=verify"] });
            Assert.True(verify.ExitCode == 0, verify.Describe());
            Assert.Equal("in flight 8\nverified\n", verify.Stdout);
        }
        finally
        {
            File.Delete(disk);
        }
    }

    [Fact]
    public void AProgramAskingForAMissingDiskGetsAClearErrorAndExitCode252()
    {
        var outcome = GuestProgram.Run("disk");
        Assert.Equal(252, outcome.ExitCode);
        Assert.Equal("", outcome.Stdout);
        Assert.Contains("testbed: the program asked for block device 0, but the machine has 0 (give it one with --disk file.img)\n", outcome.Stderr);
    }

    [Fact]
    public void ALegacyDeviceAndADeviceWithoutADriverAreReportedAndSkipped()
    {
        var disk = NewDisk(1);
        try
        {
            // Without force-legacy=false, microvm's virtio-mmio is the legacy (version 1) interface; and
            // there is no driver for an entropy source (virtio type 4).
            var outcome = GuestProgram.Run("devices", GuestProgram.Defaults with
            {
                ExtraQemuArguments = ["-drive", $"file={disk},format=raw,if=none,id=legacy", "-device", "virtio-blk-device,drive=legacy", "-device", "virtio-rng-device"],
            });
            Assert.True(outcome.ExitCode == 0, outcome.Describe());
            Assert.Equal("block 0\nnetwork 0\n", outcome.Stdout);
            Assert.Matches(new Regex(@"testbed virtio: block device at 0x[0-9a-f]+ is a legacy virtio-mmio device \(version 1\); skipped\n"), outcome.Stderr);
            Assert.Matches(new Regex(@"testbed virtio: type 4 device at 0x[0-9a-f]+ is a legacy virtio-mmio device \(version 1\); skipped\n"), outcome.Stderr);
        }
        finally
        {
            File.Delete(disk);
        }
    }

    [Fact]
    public void ADeviceWithoutADriverIsReportedAndSkipped()
    {
        var outcome = GuestProgram.Run("devices", GuestProgram.Defaults with
        {
            Machine = QemuMachine.Q35,
            ExtraQemuArguments = ["-device", "virtio-rng-pci,disable-legacy=on"],
        });
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        Assert.Equal("block 0\nnetwork 0\n", outcome.Stdout);
        Assert.Matches(new Regex(@"testbed virtio: type 4 device at 0x[0-9a-f]+ has no driver here; skipped\n"), outcome.Stderr);
    }

    [Fact]
    public void AUsedRingEntryForADescriptorThatIsNotOutstandingIsReportedAndDisablesTheQueue()
    {
        var outcome = GuestProgram.Run("badqueue");
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        Assert.Equal("added head 0, free 7\ntook True head 0 written 17, free 8\nrepeat taken False head -1, broken True\nafter: taken False, add -1\n", outcome.Stdout);
        Assert.Equal("testbed virtio: queue 7: the device returned descriptor 0, which is not an outstanding request; queue disabled\n", outcome.Stderr);
    }
}
