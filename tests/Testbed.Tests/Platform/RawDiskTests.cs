using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Platform;

/// <summary>
/// FileStream on the pvh target's raw disks (/dev/vda is the first <c>--disk</c>, docs/libos.md "Files"):
/// unaligned writes across sector and request boundaries read back, reach the image file at the right
/// offsets, and survive a restart on the same image; what a block device refuses; a machine without the
/// disk. The same guest (tests/guest/rawdisk) also runs on the linux target against an image file, where
/// the writes must leave the same bytes.
/// </summary>
public sealed class RawDiskTests
{
    private const int DiskBytes = 1 << 20;

    /// <summary>The guest's pieces (offset, length; negative offsets from the end), and its pattern.</summary>
    private static readonly long[] Pieces = [3, 10, 500, 30, 1020, 1100, 4096, 512, 8191, 1, 99997, 300000, -5, 5];

    private static byte Pattern(long offset) => (byte)(offset * 131 ^ offset >> 9 ^ 0xA5);

    private static string NewImage()
    {
        var path = Path.Combine(Path.GetTempPath(), $"testbed-rawdisk-{Guid.NewGuid():N}.img");
        using (var file = File.Create(path)) file.SetLength(DiskBytes);
        return path;
    }

    /// <summary>Where the image differs from the pattern in the pieces and zeros elsewhere, or null.</summary>
    private static string? FirstDifference(byte[] image)
    {
        if (image.Length != DiskBytes) return $"the image is {image.Length} bytes, not {DiskBytes}";
        var expected = new byte[DiskBytes];
        for (int p = 0; p < Pieces.Length; p += 2)
        {
            long start = Pieces[p] < 0 ? DiskBytes + Pieces[p] : Pieces[p];
            for (long o = start; o < start + Pieces[p + 1]; o++) expected[o] = Pattern(o);
        }
        for (int o = 0; o < DiskBytes; o++)
            if (image[o] != expected[o]) return $"byte {o} of the image is {image[o]}, not {expected[o]}";
        return null;
    }

    private const string Written = "exists True\nlength 1048576\nread byte True True\nwritten and flushed\n";
    private const string Verified = "exists True\nlength 1048576\nverified\n";
    private const string NoFileSystem = " This target has no file system: only the raw disks /dev/vda, /dev/vdb, ... (testbed run --disk FILE) can be opened.";

    private static readonly string BlockDeviceChecks =
        "seek end 1048576\n" +
        "read at end 0\n" +
        "read across end 3\n" +
        "set length: IOException: Invalid argument : '/dev/vda'\n" +
        "write across end: IOException: No space left on device : '/dev/vda'\n" +
        "position True\n" +
        "write at end: IOException: No space left on device : '/dev/vda'\n" +
        "length 1048576\n" +
        "second open while exclusive: IOException: The process cannot access the file '/dev/vda' because it is being used by another process.\n" +
        "create new: IOException: The file '/dev/vda' already exists.\n" +
        "missing disk: FileNotFoundException: Could not find file '/dev/vdb'.\n" +
        "not a disk: FileNotFoundException: Could not find file '/dev/sda'.\n" +
        "file in root: FileNotFoundException: Could not find file '/data.txt'." + NoFileSystem + "\n" +
        "file in a directory: DirectoryNotFoundException: Could not find a part of the path '/tmp/data.txt'." + NoFileSystem + "\n" +
        "directory: IOException: Could not create the directory '/var/data'." + NoFileSystem + "\n" +
        "open /dev: UnauthorizedAccessException: Access to the path '/dev' is denied.\n" +
        "delete disk: UnauthorizedAccessException: Access to the path '/dev/vda' is denied.\n" +
        "exists /dev/vdb False, /data.txt False, directories True True False False\n" +
        "create keeps length 1048576\n" +
        "truncate keeps length 1048576, first piece True True True True\n" +
        "append starts at 1048576\n";

    [Fact]
    public void UnalignedWritesReachTheImageAtTheirOffsetsAndSurviveARestart()
    {
        var image = NewImage();
        try
        {
            var write = GuestProgram.Run("rawdisk", GuestProgram.Defaults with { Disks = [image], ProgramArguments = ["write", "/dev/vda"] });
            Assert.True(write.ExitCode == 0, write.Describe());
            Assert.Equal(Written + BlockDeviceChecks, write.Stdout);

            // What the guest wrote and flushed is in the file on the host, and nothing else changed...
            Assert.Null(FirstDifference(File.ReadAllBytes(image)));

            // ...and a fresh boot on the same image reads it back.
            var verify = GuestProgram.Run("rawdisk", GuestProgram.Defaults with { Disks = [image], ProgramArguments = ["verify", "/dev/vda"] });
            Assert.True(verify.ExitCode == 0, verify.Describe());
            Assert.Equal(Verified, verify.Stdout);
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public void OnTheLinuxTargetTheSameProgramWritesTheSameBytesIntoAnImageFile()
    {
        var image = NewImage();
        try
        {
            var write = GuestProgram.Run("rawdisk", GuestProgram.Defaults with { ProgramArguments = ["write", image] }, "linux");
            Assert.True(write.ExitCode == 0, write.Describe());
            Assert.Equal(Written, write.Stdout);
            Assert.Null(FirstDifference(File.ReadAllBytes(image)));

            var verify = GuestProgram.Run("rawdisk", GuestProgram.Defaults with { ProgramArguments = ["verify", image] }, "linux");
            Assert.True(verify.ExitCode == 0, verify.Describe());
            Assert.Equal(Verified, verify.Stdout);
        }
        finally
        {
            File.Delete(image);
        }
    }

    [Fact]
    public void WithoutADiskTheDeviceIsAMissingFile()
    {
        var outcome = GuestProgram.Run("rawdisk", GuestProgram.Defaults with { ProgramArguments = ["write", "/dev/vda"] });
        Assert.Equal(134, outcome.ExitCode);
        Assert.Equal("exists False\n", outcome.Stdout);
        Assert.Contains("Unhandled exception. System.IO.FileNotFoundException: Could not find file '/dev/vda'.", outcome.Stderr);
    }
}
