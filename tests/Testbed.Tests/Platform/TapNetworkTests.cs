using System.Diagnostics;
using Testbed.Backend.Targets;
using Xunit;

namespace Testbed.Tests.Platform;

/// <summary>
/// Raw frames between the guest's virtio-net and a packet socket on the host side of a tap device. The
/// test makes its own network namespace (and the tap inside it) and removes it: no other interface or
/// address of the host is touched, and no frame leaves the namespace.
/// </summary>
public sealed class TapNetworkTests
{
    // Waits for the guest's frame, then answers it with frames of its own.
    private const string Sniffer = """
        import socket, sys, time
        guest = bytes.fromhex(sys.argv[2].replace(':', ''))
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x88B5))
        s.bind((sys.argv[1], 0))
        s.settimeout(60)
        while True:
            f = s.recv(2048)
            if f[6:12] == guest and f[12:14] == b'\x88\xb5':
                print('guest-frame', f[14:24].decode(), flush=True)
                break
        reply = guest + bytes.fromhex('020000000001') + b'\x88\xb5' + b'from-host!' + bytes(36)
        for i in range(20):
            s.send(reply)
            time.sleep(0.1)
        """;

    // The guest's UDP datagram, as the tap hands it to the host: the kernel marks a frame whose checksum
    // the "NIC" still has to complete (TP_STATUS_CSUMNOTREADY in the packet's auxiliary data). The script
    // completes it as a NIC would, from the UDP header to the end, and checks the result with the
    // pseudo-header: that proves the guest asked the device to do it and gave it the right partial sum.
    private const string ChecksumSniffer = """
        import socket, struct, sys
        guest = bytes.fromhex(sys.argv[2].replace(':', ''))
        SOL_PACKET, PACKET_AUXDATA, TP_STATUS_CSUMNOTREADY = 263, 8, 8
        s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW, socket.htons(0x0800))
        s.setsockopt(SOL_PACKET, PACKET_AUXDATA, 1)
        s.bind((sys.argv[1], 0))
        s.settimeout(60)
        def ones(data):
            if len(data) % 2: data += b'\0'
            total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
            while total > 0xffff: total = (total & 0xffff) + (total >> 16)
            return total
        while True:
            f, ancillary, flags, address = s.recvmsg(2048, socket.CMSG_SPACE(32))
            if f[6:12] != guest or f[23] != 17: continue
            status = struct.unpack('I', ancillary[0][2][:4])[0] if ancillary else 0
            ip, udp = f[14:34], bytearray(f[34:34 + struct.unpack('!H', f[38:40])[0]])
            completed = (~ones(bytes(udp))) & 0xffff
            udp[6:8] = struct.pack('!H', completed)
            pseudo = ip[12:20] + struct.pack('!BBH', 0, 17, len(udp))
            print('csum-not-ready', bool(status & TP_STATUS_CSUMNOTREADY), flush=True)
            print('udp-checksum-valid', ones(pseudo + bytes(udp)) == 0xffff, flush=True)
            print('payload', bytes(udp[8:]).decode(), flush=True)
            break
        """;

    [Fact]
    public async Task AUdpChecksumLeftToTheDeviceComesOutCompletableFromThePseudoHeaderSum()
    {
        string space = $"tbtest-{Guid.NewGuid().ToString("N")[..8]}";
        const string tap = "tbtap0";
        Ip("netns", "add", space);
        try
        {
            Ip("-n", space, "tuntap", "add", "dev", tap, "mode", "tap");
            Ip("-n", space, "link", "set", tap, "up");
            var script = Path.Combine(Path.GetTempPath(), $"testbed-csum-{Guid.NewGuid():N}.py");
            File.WriteAllText(script, ChecksumSniffer);
            var psi = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "netns", "exec", space, "python3", script, tap, QemuRunner.GuestMac }) psi.ArgumentList.Add(a);
            using var sniffer = Process.Start(psi)!;
            var snifferOutput = sniffer.StandardOutput.ReadToEndAsync();
            var snifferErrors = sniffer.StandardError.ReadToEndAsync();
            try
            {
                var outcome = await GuestProgram.RunAsync("checksum", GuestProgram.Defaults with
                {
                    Network = QemuNetwork.Tap, TapNamespace = space, TapDevice = tap,
                });
                Assert.True(outcome.ExitCode == 0, outcome.Describe());
                Assert.Equal("offload True\nsent\n", outcome.Stdout);
                Assert.True(sniffer.WaitForExit(30_000), "the sniffer did not finish");
                Assert.Equal("csum-not-ready True\nudp-checksum-valid True\npayload offloaded!\n", await snifferOutput + await snifferErrors);
            }
            finally
            {
                if (!sniffer.HasExited) sniffer.Kill();
                File.Delete(script);
            }
        }
        finally
        {
            Ip("netns", "delete", space);
        }
    }

    [Theory]
    [InlineData(QemuMachine.Microvm)]
    [InlineData(QemuMachine.Q35)]
    public async Task FramesFromTheGuestReachAPacketSocketOnTheTapAndFramesInjectedThereReachTheGuest(QemuMachine machine)
    {
        string space = $"tbtest-{Guid.NewGuid().ToString("N")[..8]}";
        const string tap = "tbtap0";
        Ip("netns", "add", space);
        try
        {
            Ip("-n", space, "tuntap", "add", "dev", tap, "mode", "tap");
            Ip("-n", space, "link", "set", tap, "up");
            var script = Path.Combine(Path.GetTempPath(), $"testbed-sniffer-{Guid.NewGuid():N}.py");
            File.WriteAllText(script, Sniffer);
            var psi = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "netns", "exec", space, "python3", script, tap, QemuRunner.GuestMac }) psi.ArgumentList.Add(a);
            using var sniffer = Process.Start(psi)!;
            var snifferOutput = sniffer.StandardOutput.ReadToEndAsync();
            try
            {
                var outcome = await GuestProgram.RunAsync("net", GuestProgram.Defaults with
                {
                    Machine = machine, Network = QemuNetwork.Tap, TapNamespace = space, TapDevice = tap,
                });
                Assert.True(outcome.ExitCode == 0, outcome.Describe());
                // The receiver thread blocked in Receive while the main thread kept sending.
                Assert.Equal("received from-host!\nframes sent while the receiver was blocked: True\n", outcome.Stdout);
                Assert.True(sniffer.WaitForExit(30_000), "the sniffer did not finish");
                Assert.Equal("guest-frame from-guest\n", await snifferOutput);
            }
            finally
            {
                if (!sniffer.HasExited) sniffer.Kill();
                File.Delete(script);
            }
        }
        finally
        {
            Ip("netns", "delete", space);
        }
        Assert.DoesNotContain(space, ProcessRunner.RunCaptured("ip", ["netns", "list"]).Output);
    }

    [Fact]
    public void TestbedRunWithNetTapCreatesItsOwnNamespaceAndRemovesIt()
    {
        var outcome = GuestProgram.Run("devices", GuestProgram.Defaults with { Network = QemuNetwork.Tap });
        Assert.True(outcome.ExitCode == 0, outcome.Describe());
        Assert.Equal($"block 0\nnetwork 1\n  mac {QemuRunner.GuestMac}\n", outcome.Stdout);
        Assert.StartsWith("ip netns exec testbed-", outcome.Run.CommandLine);
        // This run's namespace only: tests of other classes run at the same time and have their own.
        var space = outcome.Run.CommandLine.Split(' ')[3];
        Assert.DoesNotContain(space, ProcessRunner.RunCaptured("ip", ["netns", "list"]).Output);
    }

    private static void Ip(params string[] arguments)
    {
        var (status, output) = ProcessRunner.RunCaptured("ip", arguments);
        Assert.True(status == 0, $"ip {string.Join(' ', arguments)}: {output}");
    }
}
