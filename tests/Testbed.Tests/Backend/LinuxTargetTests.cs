using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Backend;

[Collection(BackendImagesCollection.Name)]
public sealed class LinuxTargetTests(BuiltImages images)
{
    [Fact]
    public void RunsAStaticExecutableWithoutLibc()
    {
        using var output = new MemoryStream();
        RunResult result = Target.Linux.Run(images.LinuxHello, output, new RunOptions { Timeout = TimeSpan.FromSeconds(30) });
        Assert.Equal(BuiltImages.LinuxMessage, System.Text.Encoding.UTF8.GetString(output.ToArray()));
        Assert.Equal(RunOutcome.Exited, result.Outcome);
        Assert.Equal(BuiltImages.ExitCode, result.ExitCode);
    }

    [Fact]
    public void IsStaticAndNotPositionIndependent()
    {
        ElfFile elf = ElfFile.Read(images.LinuxHello);
        const ushort executable = 2; // ET_EXEC: not PIE
        Assert.Equal(executable, BitConverter.ToUInt16(elf.Bytes, 16));
        const uint interpreter = 3, dynamic = 2;
        Assert.DoesNotContain(elf.ProgramHeaders, h => h.Type == interpreter || h.Type == dynamic);
    }
}
