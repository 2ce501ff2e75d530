using System.Text;
using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Platform;

/// <summary>
/// The PVH console is lossless whatever the reader does (docs/targets.md, "Console"): three guests at
/// once each write 1,500,000 bytes (more than the 1 MiB pipe to the runner holds) (tests/guest/flood) through a reader that stalls for 20 ms on every
/// write it is handed, so QEMU's pipe to the runner stays full for most of the run. With COM1's 16550
/// QEMU dropped bytes in this situation; with the debugcon every byte arrives, in order.
/// </summary>
public class ConsoleStressTests
{
    [Fact]
    public async Task ThreeGuestsWritingThroughStallingReadersLoseNoByte()
    {
        var image = GuestProgram.Image("flood");
        var runs = Enumerable.Range(0, 3).Select(async _ =>
        {
            using var stdout = new StallingStream(TimeSpan.FromMilliseconds(20));
            var run = await Target.Pvh.RunAsync(image, stdout, new RunOptions { Timeout = TimeSpan.FromMinutes(5) });
            return (run, Text: Encoding.ASCII.GetString(stdout.ToArray()), stdout.Stalls);
        }).ToList();
        foreach (var (run, text, stalls) in await Task.WhenAll(runs))
        {
            Assert.True(run.ExitCode == 0, run.Describe());
            Assert.Equal(Expected, text);
            Assert.True(stalls > 100, $"the reader stalled only {stalls} times: the test did not fill the pipe");
        }
    }

    private static readonly string Expected = BuildExpected();

    private static string BuildExpected()
    {
        var all = new StringBuilder();
        for (int i = 0; i < 30000; i++)
        {
            var line = new StringBuilder($"line {i:D6} {(uint)i * 2654435761u:x8} padding-to-fifty-bytes.");
            while (line.Length < 49) line.Append('.');
            all.Append(line).Append('\n');
        }
        return all.Append("done\n").ToString();
    }

    /// <summary>A memory stream that sleeps before taking each write: a reader slower than the guest.</summary>
    private sealed class StallingStream(TimeSpan stall) : MemoryStream
    {
        public int Stalls;

        public override void Write(byte[] buffer, int offset, int count)
        {
            Stalls++;
            Thread.Sleep(stall);
            base.Write(buffer, offset, count);
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            Stalls++;
            Thread.Sleep(stall);
            base.Write(buffer);
        }

        public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Stalls++;
            await Task.Delay(stall, cancellationToken);
            base.Write(buffer, offset, count);
        }

        public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Stalls++;
            await Task.Delay(stall, cancellationToken);
            base.Write(buffer.Span);
        }
    }
}
