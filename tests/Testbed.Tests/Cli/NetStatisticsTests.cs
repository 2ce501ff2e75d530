using Xunit;

namespace Testbed.Tests.Cli;

/// <summary>
/// <c>run --verbose</c> makes the network stack report at exit what it copied, moved and dropped
/// (TESTBED_NET_STATS, docs/net.md "Copies, counted"); without it the program's standard error is its own.
/// </summary>
public sealed class NetStatisticsTests
{
    // Three datagrams of 10, 20 and 30 bytes over the in-image loopback: each is copied once into its
    // datagram and once out of it, and the loopback itself copies nothing.
    private const string Program = """
        using System;
        using System.Net;
        using System.Net.Sockets;

        public static class Program
        {
            public static int Main()
            {
                using var receiver = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                receiver.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                using var sender = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
                var buffer = new byte[64];
                int total = 0;
                foreach (int size in new[] { 10, 20, 30 })
                {
                    sender.SendTo(new byte[size], receiver.LocalEndPoint);
                    total += receiver.Receive(buffer);
                }
                Console.WriteLine(total);
                return 0;
            }
        }
        """;

    [Theory]
    [InlineData("linux")]
    [InlineData("pvh")]
    public void VerboseRunsReportTheBytesTheStackCopied(string target)
    {
        var source = CliProcess.WriteProgram("net_statistics", Program);
        var verbose = CliProcess.Run(["run", source, "--target", target, "--verbose"]);
        Assert.True(verbose.ExitCode == 0, $"exit {verbose.ExitCode}\n{verbose.Stdout}\n{verbose.Stderr}");
        Assert.Equal("60\n", verbose.Stdout.Replace("\r\n", "\n"));
        Assert.Contains("testbed net: bytes copied 120 (into send buffers 0, into segments 0, into receive buffers 0, to the application 0, datagrams 120, by the device 0)", verbose.Stderr);
        Assert.Contains("testbed net: frames received 3 sent 3, dropped 0", verbose.Stderr);

        var quiet = CliProcess.Run(["run", source, "--target", target]);
        Assert.Equal(0, quiet.ExitCode);
        Assert.DoesNotContain("testbed net:", quiet.Stderr);
    }
}
