using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Xunit;
using Xunit.Abstractions;

namespace Testbed.Tests.Platform;

/// <summary>
/// The network acceptance tests: the library OS's TCP/IP stack against Linux's, through the tap of a
/// namespace the runner creates (`--net tap`). The guest is tests/guest/netinterop (System.Net.Sockets: a
/// sink and a source that compute SHA-256, an echo server, a client, a control port that reports the
/// stack's counters); the Linux side is tests/guest/netinterop/interop.py (kernel TCP clients and a server)
/// and hostile.py (frames written onto the tap with a packet socket), run inside the namespace with
/// `ip netns exec`. Every test checks that its namespace is gone and that the guest has ended.
/// The 100 MB transfers under faults take minutes: they run only with TESTBED_LONG_NET_TESTS=1
/// (<see cref="LongNetFactAttribute"/>, category LongNet); the normal suite moves 10 MB each way under the same faults.
/// </summary>
public sealed class NetInteropTests(ITestOutputHelper output)
{
    private const string Guest = "10.0.2.15";
    private const long Megabytes100 = 100L << 20;
    private const string Faults = "drop=0.05,reorder=0.02,duplicate=0.01,corrupt=0.001,seed=42";

    // ---- interop with Linux's TCP ----

    [Fact]
    public async Task OneHundredMegabytesEachWayBetweenLinuxAndTheGuestArriveIntactInBothRoles()
    {
        // The guest as server (Linux sends to its sink, receives from its source), then as client (it sends to
        // and receives from a Python server in the namespace). Every byte stream is compared by SHA-256.
        var (run, client) = await RunWithClient("linux", "interop.py", _ => [Guest, $"sink:{Megabytes100}", $"source:{Megabytes100}", $"client:{Megabytes100}", "quit"],
            guestTimeout: TimeSpan.FromMinutes(8), clientTimeout: TimeSpan.FromMinutes(7));
        Assert.True(client.Status == 0, client.Output + run.Describe());
        Assert.Matches($@"(?m)^sink {Megabytes100} bytes equal True ", client.Output);
        Assert.Matches($@"(?m)^source {Megabytes100} bytes equal True ", client.Output);
        Assert.Matches($@"(?m)^client {Megabytes100} bytes each way equal True ", client.Output);
        Assert.EndsWith("quit bye", client.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        var counters = FinalCounters(run);
        Assert.Equal(1, counters["SinkConnections"]);
        Assert.Equal(1, counters["SourceConnections"]);
        Assert.Equal(0, counters["DoubleRelease"]);
        // The tap's offloads were used both ways: the guest's data left in packets the kernel segmented, and
        // Linux's arrived in packets larger than the MTU. With --no-offload both stay 0 (the hostile test).
        Assert.True(counters["PacketsSegmentedByDevice"] > 1000, $"{counters["PacketsSegmentedByDevice"]} packets for the device to segment");
        Assert.True(counters["LargePacketsReceived"] > 1000, $"{counters["LargePacketsReceived"]} packets larger than the MTU received");
    }

    [Fact]
    public async Task AThousandConnectionsOpenAtOnceToTheGuestEachGetTheirAnswer()
    {
        // All 1,000 connect at once (no pacing), each sends a 101-byte request and reads it back, and all stay
        // open until the last has its answer: the guest then counts 1,000 live connections.
        var (run, client) = await RunWithClient("linux", "interop.py", _ => [Guest, "concurrent:1000:1000", "quit"],
            guestTimeout: TimeSpan.FromMinutes(5), clientTimeout: TimeSpan.FromMinutes(4));
        Assert.True(client.Status == 0, client.Output + run.Describe());
        Assert.Matches(@"(?m)^concurrent 1000 connections answered 1000 errors 0 live in guest 1000 ", client.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        var counters = FinalCounters(run);
        Assert.Equal(1000, counters["EchoConnections"]);
        Assert.Equal(1000, counters["MaxLiveConnections"]);
        Assert.Equal(1000 * 101, counters["EchoBytes"]);
    }

    [Fact]
    public async Task ThePvhTargetUnderTcgMovesOneMegabyteEachWayInBothRoles()
    {
        var (run, client) = await RunWithClient("pvh", "interop.py", _ => [Guest, "sink:1048576", "source:1048576", "client:1048576", "quit"],
            guestTimeout: TimeSpan.FromMinutes(6), clientTimeout: TimeSpan.FromMinutes(5), accelerator: QemuAccelerator.Tcg);
        Assert.True(client.Status == 0, client.Output + run.Describe());
        Assert.Matches(@"(?m)^sink 1048576 bytes equal True ", client.Output);
        Assert.Matches(@"(?m)^source 1048576 bytes equal True ", client.Output);
        Assert.Matches(@"(?m)^client 1048576 bytes each way equal True ", client.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.StartsWith($"interop on tcp 5000 5001 5002 7, udp 7, virtio-net0 {QemuRunner.GuestMac} ", run.Stdout);
    }

    // ---- faults ----

    [Fact]
    public Task TenMegabytesEachWayArriveIntactThroughDropsReorderingDuplicatesAndCorruption() =>
        TransfersUnderFaults(10L << 20, TimeSpan.FromMinutes(5));

    [LongNetFact]
    [Trait("Category", "LongNet")]
    public Task OneHundredMegabytesEachWayArriveIntactThroughDropsReorderingDuplicatesAndCorruption() =>
        TransfersUnderFaults(Megabytes100, TimeSpan.FromMinutes(25));

    private async Task TransfersUnderFaults(long bytes, TimeSpan limit)
    {
        var (run, client) = await RunWithClient("linux", "interop.py", _ => [Guest, $"sink:{bytes}", $"source:{bytes}", $"client:{bytes}", "counters", "quit"],
            guestTimeout: limit + TimeSpan.FromMinutes(1), clientTimeout: limit, faults: Faults);
        Assert.True(client.Status == 0, client.Output + run.Describe());
        Assert.Matches($@"(?m)^sink {bytes} bytes equal True ", client.Output);
        Assert.Matches($@"(?m)^source {bytes} bytes equal True ", client.Output);
        Assert.Matches($@"(?m)^client {bytes} bytes each way equal True ", client.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        // Every kind of fault happened in both directions, and the corrupted frames were caught by checksums.
        var faults = Regex.Match(run.Stdout,
            @"faults rx (\d+) frames: dropped (\d+) duplicated (\d+) reordered (\d+) corrupted (\d+); tx (\d+) frames: dropped (\d+) duplicated (\d+) reordered (\d+) corrupted (\d+)");
        Assert.True(faults.Success, run.Describe());
        for (int i = 1; i <= 10; i++)
            Assert.True(long.Parse(faults.Groups[i].Value) > 0, $"fault counter {i} is 0:\n{run.Stdout}");
        var counters = FinalCounters(run);
        Assert.True(counters["DroppedIpChecksum"] + counters["DroppedTcpChecksum"] > 0, run.Stdout);
        Assert.True(counters["TcpRetransmissions"] > 0, run.Stdout);
        Assert.Equal(0, counters["TcpConnectionsTimedOut"]);
        Assert.Equal(0, counters["DoubleRelease"]);
    }

    // ---- hostile input ----

    /// <summary>What each case of hostile.py's "malformed" must add to the guest's counters: exactly one drop per
    /// frame, under the reason named, and no other drop (the established-connection cases: answers instead).</summary>
    private static readonly (string Case, string Counter, int Delta)[] ExpectedDrops =
    [
        ("ethernet-unknown-ethertype", "DroppedUnknownEtherType", 3),
        ("ethernet-other-destination", "DroppedNotForUs", 3),
        ("ethernet-header-only-ipv4", "DroppedIpMalformed", 1),
        ("ethernet-header-only-arp", "DroppedArpMalformed", 1),
        ("ipv4-truncated-header", "DroppedIpMalformed", 3),
        ("ipv4-bad-fields", "DroppedIpMalformed", 5),
        ("ipv4-bad-checksum", "DroppedIpChecksum", 4),
        ("ipv4-fragment", "DroppedIpFragment", 3),
        ("ipv4-unknown-protocol", "DroppedIpUnknownProtocol", 3),
        ("ipv4-not-for-us", "DroppedNotForUs", 2),
        ("ipv4-multicast-or-broadcast-source", "DroppedNotForUs", 2),
        ("tcp-truncated-header", "DroppedTcpMalformed", 3),
        ("tcp-bad-data-offset", "DroppedTcpMalformed", 4),
        ("tcp-bad-checksum", "DroppedTcpChecksum", 2),
        ("tcp-bad-options", "DroppedTcpMalformed", 10),
        ("tcp-syn-fin-syn-rst-port-zero", "DroppedTcpMalformed", 5),
        ("tcp-closed-port", "DroppedTcpNoSocket", 3),
        ("udp-truncated", "DroppedUdpMalformed", 3),
        ("udp-bad-checksum", "DroppedUdpMalformed", 3),
        ("udp-closed-port", "DroppedUdpNoSocket", 1),
        ("icmp-malformed", "DroppedIcmpMalformed", 2),
        ("arp-malformed", "DroppedArpMalformed", 4),
        ("established-rst-out-of-window", "DroppedTcpOutOfWindow", 3),
        ("established-data-out-of-window", "DroppedTcpOutOfWindow", 2),
        ("established-rst-in-window", "TcpChallengeAcks", 1),
        ("established-syn-in-window", "TcpChallengeAcks", 1),
        ("established-ack-of-unsent-data", "", 0),
        ("established-rst-in-window-burst", "", 0),
    ];

    [Fact]
    public async Task MalformedAndOutOfWindowFramesAreDroppedAndCountedByReasonAndNothingElseBreaks()
    {
        // Without offloads: the raw cases read the guest's segment sizes off the tap, and with TSO the host
        // delivers the guest's 64 KiB packets whole (segmentation happens only on the way to a wire), so
        // only the virtio header's gso_size would show the MSS (the unit tests check that one).
        var (run, client) = await RunWithClient("linux", "hostile.py", ready => [Guest, GuestMac(ready), "malformed"],
            guestTimeout: TimeSpan.FromMinutes(3), clientTimeout: TimeSpan.FromMinutes(2), offloads: false);
        Assert.True(client.Status == 0, client.Output + run.Describe());
        foreach (var (name, counter, delta) in ExpectedDrops)
        {
            var line = Regex.Match(client.Output, $@"(?m)^case {Regex.Escape(name)} sent (\d+): (.*)$");
            Assert.True(line.Success, $"no case {name}:\n{client.Output}");
            var changed = line.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)
                .Select(c => c.Split('=')).ToDictionary(c => c[0], c => long.Parse(c[1]));
            // Every frame dropped once, for the reason expected; no other drop counter moved.
            if (counter.Length > 0)
                Assert.True(changed.GetValueOrDefault(counter) == delta, $"{name}: {counter} expected +{delta}: {line.Value}");
            foreach (var (other, value) in changed)
                Assert.True(other == counter || !other.StartsWith("Dropped") || value == 0, $"{name}: {other} moved: {line.Value}");
            Assert.False(changed.ContainsKey("TcpResetsReceived"), $"{name} reset a connection: {line.Value}");
        }
        // A RST answers each segment for a closed port, except the RST.
        Assert.Matches(@"(?m)^case tcp-closed-port sent 3: .*TcpResetsSent=\+2", client.Output);
        // RFC 5961 section 7: 1,500 in-window RSTs within a second get at most 1,000 challenge ACKs; the rest are suppressed.
        var burst = Regex.Match(client.Output, @"(?m)^case established-rst-in-window-burst sent 1500: .*TcpChallengeAcks=\+(\d+) TcpChallengeAcksSuppressed=\+(\d+)");
        Assert.True(burst.Success, client.Output);
        Assert.Equal(1500, int.Parse(burst.Groups[1].Value) + int.Parse(burst.Groups[2].Value));
        Assert.InRange(int.Parse(burst.Groups[1].Value), 1, 1000);
        Assert.Contains("established connection after the attacks: answers", client.Output);
        // Extreme but valid options: the guest's segments respect its MTU and the MSS floor, and the data is right.
        Assert.Matches(@"(?m)^raw mss-65535-wscale-255: echoed 600 of 600 bytes in \d+ segments, largest \d+ \(limit 1460\) ok$", client.Output);
        Assert.Matches(@"(?m)^raw mss-1: echoed 600 of 600 bytes in \d+ segments, largest \d+ \(limit 64\) ok$", client.Output);
        Assert.Matches(@"(?m)^raw mss-0-wscale-0: echoed 600 of 600 bytes in \d+ segments, largest \d+ \(limit 1460\) ok$", client.Output);
        Assert.Matches(@"(?m)^fuzz sent 3000: dropped \d+", client.Output);
        Assert.Contains("after all: echo True, new connection and sink True, udp echo True", client.Output);
        Assert.EndsWith("quit bye", client.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.Equal(0, FinalCounters(run)["DoubleRelease"]);
    }

    [Fact]
    public async Task ATenThousandSynFloodFromOnLinkAddressesLeavesAnEstablishedConnectionAnswering()
    {
        // The guest on a /16, so that the flood's sources (random addresses of the subnet and random ports) are
        // far more than its ARP table holds: the SYN-ACKs of the half-open connections need ARP, which nobody
        // answers, and evict the host's entry, which the echo loop's answers then need again.
        const double bound = 2.0;
        var (run, client) = await RunWithClient("linux", "hostile.py", ready => [Guest, GuestMac(ready), "flood", "10000", "16", bound.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)],
            guestTimeout: TimeSpan.FromMinutes(4), clientTimeout: TimeSpan.FromMinutes(3), address: $"{Guest}/16");
        Assert.True(client.Status == 0, client.Output + run.Describe());
        var echo = Regex.Match(client.Output, @"(?m)^echo during the flood: (\d+) answered, 0 lost, max ([\d.]+) ms, median ([\d.]+) ms; new connection during the flood True$");
        Assert.True(echo.Success, client.Output);
        Assert.True(int.Parse(echo.Groups[1].Value) >= 20, client.Output);
        Assert.True(double.Parse(echo.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture) < bound * 1000, client.Output);
        var flood = Regex.Match(client.Output, @"(?m)^flood of 10000 SYNs from a /16: tap dropped (\d+); guest: SYN queue full (\d+), ARP queue full (\d+), ARP unresolved (\d+), TCP segments received (\d+)");
        Assert.True(flood.Success, client.Output);
        long delivered = 10000 - long.Parse(flood.Groups[1].Value);
        // The SYN queue (256 half-open connections) took what it holds and every other SYN was dropped and counted.
        Assert.True(long.Parse(flood.Groups[2].Value) >= delivered - 256, client.Output);
        Assert.True(long.Parse(flood.Groups[5].Value) >= delivered, client.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
    }

    /// <summary>
    /// RFC 1122 3.2.1.3 / 3.2.2.6: a host discards datagrams whose source cannot be a host (127/8 from outside,
    /// 0.0.0.0, a broadcast address) and need not answer echo requests sent to a broadcast address (Linux does
    /// not). hostile.py "martians" reports, per packet, what the guest sent back on the wire and which counters moved.
    /// </summary>
    [Fact]
    public async Task MartianSourcesAreDroppedAndEchoRequestsToABroadcastAddressAreNotAnswered()
    {
        var (run, client) = await RunWithClient("linux", "hostile.py", ready => [Guest, GuestMac(ready), "martians"],
            guestTimeout: TimeSpan.FromMinutes(2), clientTimeout: TimeSpan.FromMinutes(1));
        Assert.True(client.Status == 0, client.Output + run.Describe());
        var wrong = new List<string>();
        foreach (var name in new[] { "udp-from-127.0.0.1", "udp-from-0.0.0.0", "udp-from-subnet-broadcast", "tcp-syn-from-127.0.0.1",
                     "icmp-echo-to-subnet-broadcast", "icmp-echo-to-255.255.255.255" })
        {
            var line = Regex.Match(client.Output, $@"(?m)^martian {Regex.Escape(name)}: answers on the wire (\d+); (.*)$");
            Assert.True(line.Success, $"no line for {name}:\n{client.Output}");
            // Nothing goes back on the wire, nothing is echoed or answered with a RST, and a martian is counted as dropped
            // (an echo request to a broadcast address is ignored as the ICMP layer ignores what it does not answer).
            string moved = line.Groups[2].Value;
            if (line.Groups[1].Value != "0" || moved.Contains("UdpEchoed") || moved.Contains("TcpResetsSent")
                || (!name.StartsWith("icmp-echo-to-") && !moved.Contains("Dropped")))
                wrong.Add(line.Value);
        }
        Assert.True(wrong.Count == 0, "accepted or answered:\n" + string.Join("\n", wrong));
        Assert.True(run.Result.ExitCode == 0, run.Describe());
    }

    // ---- helpers ----

    public sealed record GuestRun(RunResult Result, string Stdout, string Namespace)
    {
        public string Describe() => $"{Result.Describe()}\n{Result.CommandLine}\n{Result.Diagnostics}\nstdout:\n{Stdout}\nstderr:\n{Result.ProgramStderr}";
    }

    /// <summary>Guest counters from a line of "name=value" words (the control port's answer, the guest's last lines).</summary>
    private static Dictionary<string, long> Counters(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Split('=')).Where(p => p.Length == 2)
            .ToDictionary(p => p[0], p => long.Parse(p[1]));

    /// <summary>The counters the guest prints when it ends.</summary>
    private static Dictionary<string, long> FinalCounters(GuestRun run)
    {
        string? line = run.Stdout.Split('\n').LastOrDefault(l => l.StartsWith("FramesReceived=", StringComparison.Ordinal));
        Assert.True(line is not null, run.Describe());
        return Counters(line);
    }

    private static string GuestMac(string readyLine) => Regex.Match(readyLine, @" tbtap0 ([0-9a-f:]{17}) ").Groups[1].Value;

    /// <summary>
    /// Runs tests/guest/netinterop on <paramref name="target"/> with --net tap (a namespace of the runner's),
    /// waits for its "interop on" line, runs tests/guest/netinterop/<paramref name="script"/> with python3 in the
    /// namespace (its arguments made from the ready line), and waits for the guest to end. Every wait is bounded;
    /// the client and the guest are killed when a bound is passed; the namespace must be gone afterwards.
    /// </summary>
    private async Task<(GuestRun Run, (int Status, string Output) Client)> RunWithClient(string target, string script, Func<string, string[]> arguments,
        TimeSpan guestTimeout, TimeSpan clientTimeout, string? faults = null, string? address = null, QemuAccelerator accelerator = QemuAccelerator.Auto,
        bool offloads = true)
    {
        string image = GuestProgram.Image("netinterop", target);
        var spaceKnown = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new RunOptions
        {
            Timeout = guestTimeout,
            Network = QemuNetwork.Tap,
            Faults = faults,
            NetOffloads = offloads,
            GuestAddress = address,
            Accelerator = accelerator,
            Notice = line =>
            {
                if (Regex.Match(line, @"^network namespace (\S+):") is { Success: true } m)
                    spaceKnown.TrySetResult(m.Groups[1].Value);
            },
        };
        var stdout = new WatchedStream("interop on ");
        using var stop = new CancellationTokenSource();
        var started = Stopwatch.StartNew();
        Task<RunResult> running = target == "pvh"
            ? QemuRunner.RunAsync(image, stdout, options, stop.Token)
            : NativeRunner.RunAsync(image, stdout, options, stop.Token);
        string? space = null;
        try
        {
            var first = await Task.WhenAny(stdout.Ready, running, Task.Delay(TimeSpan.FromSeconds(180)));
            Assert.True(first == stdout.Ready, "the guest did not come up:\n" + stdout.Text
                + (running.IsCompletedSuccessfully ? running.Result.Describe() + "\n" + running.Result.ProgramStderr + running.Result.Diagnostics : ""));
            space = await spaceKnown.Task;
            string ready = stdout.Text.Split('\n').First(l => l.StartsWith("interop on ", StringComparison.Ordinal));
            output.WriteLine($"{target}: {ready} (up after {started.Elapsed.TotalSeconds:0.0} s)");
            var client = await RunClient(space, script, arguments(ready), clientTimeout);
            output.WriteLine(client.Output);
            output.WriteLine($"client ended after {started.Elapsed.TotalSeconds:0.0} s, status {client.Status}");
            var ended = await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(60)));
            Assert.True(ended == running, "the guest did not end after the client:\n" + client.Output + "\n" + stdout.Text);
            RunResult result = await running;
            var run = new GuestRun(result, stdout.Text, space);
            output.WriteLine(run.Stdout);
            Assert.DoesNotContain(space, NetnsList());
            return (run, client);
        }
        finally
        {
            if (!running.IsCompleted)
            {
                stop.Cancel();
                try { await running; } catch { /* reported by the assertion that failed */ }
            }
            if (space is not null)
                Assert.DoesNotContain(space, NetnsList());
        }
    }

    /// <summary>python3 tests/guest/netinterop/SCRIPT ARGUMENTS in the namespace, killed after <paramref name="limit"/>.</summary>
    private static async Task<(int Status, string Output)> RunClient(string space, string script, string[] arguments, TimeSpan limit)
    {
        string path = Path.Combine(RepositoryLayout.Locate().Root, "tests", "guest", "netinterop", script);
        var info = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false };
        foreach (var a in (string[])["netns", "exec", space, "timeout", "-k", "5", ((int)limit.TotalSeconds).ToString(), "python3", "-u", path, .. arguments])
            info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        Task<string> stdoutText = process.StandardOutput.ReadToEndAsync();
        Task<string> stderrText = process.StandardError.ReadToEndAsync();
        using var bound = new CancellationTokenSource(limit + TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(5000);
            }
        }
        return (process.ExitCode, ((await stdoutText) + (await stderrText)).Trim());
    }

    private static string NetnsList() => ProcessRunner.RunCaptured("ip", ["netns", "list"]).Output;

}

/// <summary>A test that runs only when TESTBED_LONG_NET_TESTS=1 (minutes long: not for every ./test).
/// Run them with: TESTBED_LONG_NET_TESTS=1 dotnet test tests/Testbed.Tests --filter Category=LongNet</summary>
public sealed class LongNetFactAttribute : FactAttribute
{
    public LongNetFactAttribute()
    {
        if (Environment.GetEnvironmentVariable("TESTBED_LONG_NET_TESTS") != "1")
            Skip = "minutes long: set TESTBED_LONG_NET_TESTS=1 to run (category LongNet)";
    }
}
