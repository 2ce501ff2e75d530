using System.Diagnostics;
using System.Text;
using Testbed.Backend.Targets;
using Testbed.Cli.Driver;
using Testbed.Tests.Cli;
using Xunit;

namespace Testbed.Tests.Platform;

/// <summary>
/// The stack on a real NIC: tests/guest/netping on the linux target (the tap device driven by the
/// library OS) and on pvh (virtio-net, QEMU on the tap), each in the network namespace the runner
/// creates (`--net tap`), pinged from inside the namespace; the capture (`--pcap`), the fault
/// injector (`--faults`), and the namespace's removal, also when testbed is stopped by a signal.
/// Every test checks that its namespace is gone and that no program it started is left.
/// </summary>
public sealed class NetTapTests
{
    private const string Guest = "10.0.2.15";

    // ping(8) in Python (iputils-ping is not a dependency of the project): COUNT echo requests INTERVAL
    // seconds apart, then waits up to WAIT seconds for what is missing. Replies are matched by id and
    // sequence number and checked (checksum, payload): a raw socket sees them before the kernel's checks.
    private const string Pinger = """
        import os, select, socket, struct, sys, time
        target, count, interval, wait = sys.argv[1], int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
        def ones(data):
            if len(data) % 2: data += b'\0'
            total = sum(struct.unpack('!%dH' % (len(data) // 2), data))
            while total > 0xffff: total = (total & 0xffff) + (total >> 16)
            return total
        s = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
        ident = os.getpid() & 0xffff
        payload = bytes(range(56))
        replies, duplicates, bad, sent = set(), 0, 0, 0
        next_send, last_send = time.time(), None
        while True:
            now = time.time()
            if sent < count and now >= next_send:
                header = struct.pack('!BBHHH', 8, 0, 0, ident, sent)
                checksum = (~ones(header + payload)) & 0xffff
                try:
                    s.sendto(struct.pack('!BBHHH', 8, 0, checksum, ident, sent) + payload, (target, 0))
                except OSError as e:
                    print('send error', e, flush=True)
                sent += 1
                next_send, last_send = now + interval, now
            if sent == count and (len(replies) == count or now > last_send + wait):
                break
            timeout = max(0.0, (next_send if sent < count else last_send + wait) - now)
            if select.select([s], [], [], min(timeout, 0.05))[0]:
                packet = s.recv(2048)
                icmp = packet[(packet[0] & 15) * 4:]
                if len(icmp) < 8: continue
                kind, code, _, rid, seq = struct.unpack('!BBHHH', icmp[:8])
                if kind != 0 or rid != ident: continue
                if ones(icmp) != 0xffff or icmp[8:] != payload:
                    bad += 1
                    print('bad reply seq', seq, flush=True)
                elif seq in replies:
                    duplicates += 1
                    print('reply seq', seq, 'DUP!', flush=True)
                else:
                    replies.add(seq)
                    print('reply seq', seq, flush=True)
        print('%d packets transmitted, %d received, %d duplicates, %d bad' % (sent, len(replies), duplicates, bad), flush=True)
        sys.exit(0 if len(replies) == count else 1)
        """;

    // A client of tests/guest/netecho: DATAGRAMS UDP datagrams of growing size, each echoed (resent
    // until it is), then TCP_BYTES random bytes through one connection, sent and read back at once,
    // then "quit" until the guest answers "bye".
    private const string EchoClient = """
        import os, socket, sys, time
        target = sys.argv[1]
        datagrams, tcp_bytes = int(sys.argv[2]), int(sys.argv[3])
        u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        u.settimeout(0.5)
        ok = 0
        for i in range(datagrams):
            msg = ('datagram %d ' % i).encode() + os.urandom(i % 1400)
            for attempt in range(20):
                u.sendto(msg, (target, 7))
                try:
                    while True:
                        data, _ = u.recvfrom(2048)
                        if data == msg: break
                    ok += 1
                    break
                except socket.timeout:
                    continue
        print('udp echoed %d of %d' % (ok, datagrams), flush=True)
        if tcp_bytes:
            t0 = time.time()
            c = socket.create_connection((target, 7), timeout=30)
            c.settimeout(60)
            payload = os.urandom(tcp_bytes)
            received = bytearray()
            sent = 0
            while sent < len(payload) or len(received) < len(payload):
                if sent < len(payload):
                    sent += c.send(payload[sent:sent + 16384])
                c.setblocking(sent >= len(payload))
                try:
                    chunk = c.recv(65536)
                    if not chunk: break
                    received += chunk
                except BlockingIOError:
                    pass
                c.settimeout(60)
            c.close()
            print('tcp echoed %d of %d bytes, equal %s, %.2f s' % (len(received), len(payload), bytes(received) == payload, time.time() - t0), flush=True)
        for attempt in range(50):
            u.sendto(b'quit', (target, 7))
            try:
                data, _ = u.recvfrom(2048)
                if data == b'bye':
                    print('bye', flush=True)
                    break
            except socket.timeout:
                pass
        """;

    [Theory]
    [InlineData("linux")]
    [InlineData("pvh")]
    public async Task UdpAndTcpEchoThroughTheStackReachAClientInTheNamespace(string target)
    {
        var (run, client) = await RunWithClient(target, "netecho", "echo on ", EchoClient, ["20", "200000"], pcap: false);
        Assert.True(client.Status == 0, client.Output + run.Describe());
        Assert.Equal("udp echoed 20 of 20\n", client.Output.Split("tcp")[0]);
        Assert.Matches(@"tcp echoed 200000 of 200000 bytes, equal True, [\d.]+ s\nbye$", client.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.Contains("udp datagrams echoed 20, tcp connections 1 bytes echoed 200000\n", run.Stdout);
        // virtio-net hands PacketBuffers to the device and back without copying; a tap's read and write copy.
        var copied = System.Text.RegularExpressions.Regex.Match(run.Stdout, @"copied by device (\d+),");
        Assert.True(copied.Success, run.Stdout);
        if (target == "pvh") Assert.Equal("0", copied.Groups[1].Value);
        else Assert.True(long.Parse(copied.Groups[1].Value) > 2 * 200000, run.Stdout);
    }

    [Fact]
    public async Task TcpAndUdpRecoverFromDropsDuplicatesReorderingAndCorruption()
    {
        var (run, client) = await RunWithClient("linux", "netecho", "echo on ", EchoClient, ["50", "1000000"], pcap: false,
            faults: "drop=0.05,reorder=0.05,duplicate=0.05,corrupt=0.02,seed=42");
        Assert.True(client.Status == 0, client.Output + run.Describe());
        Assert.Contains("udp echoed 50 of 50\n", client.Output);
        Assert.Contains("tcp echoed 1000000 of 1000000 bytes, equal True", client.Output);
        Assert.EndsWith("bye", client.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        var counters = System.Text.RegularExpressions.Regex.Match(run.Stdout,
            @"faults rx (\d+) frames: dropped (\d+) duplicated (\d+) reordered (\d+) corrupted (\d+); tx (\d+) frames: dropped (\d+) duplicated (\d+) reordered (\d+) corrupted (\d+)");
        Assert.True(counters.Success, run.Describe());
        for (int i = 1; i <= 10; i++)
            Assert.True(long.Parse(counters.Groups[i].Value) > 0, $"counter {i} is 0:\n{run.Stdout}");
        // Corrupted frames the guest received were caught by checksums.
        var drops = System.Text.RegularExpressions.Regex.Match(run.Stdout, @"\(ip checksum (\d+), udp (\d+), tcp checksum (\d+)\)");
        Assert.True(drops.Success, run.Stdout);
        Assert.True(long.Parse(drops.Groups[1].Value) + long.Parse(drops.Groups[2].Value) + long.Parse(drops.Groups[3].Value) > 0, run.Stdout);
    }

    [Fact]
    public async Task TheLinuxTargetOnATapAnswersThreePingsFromTheNamespaceAndCapturesArpAndIcmp()
    {
        var (run, ping) = await PingTheGuest("linux", count: 3, interval: 0.3, wait: 5, pcap: true);
        Assert.True(ping.Status == 0, ping.Output);
        Assert.Contains("3 packets transmitted, 3 received, 0 duplicates, 0 bad", ping.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.Matches(@"^net tbtap0 02:[0-9a-f:]{14} 10\.0\.2\.15/24 gateway 10\.0\.2\.2\n", run.Stdout);
        Assert.Contains("echo requests answered 3\n", run.Stdout);
        CheckCapture(run.PcapPath!, GuestMacFrom(run.Stdout));
    }

    [Fact]
    public async Task ThePvhTargetOnATapAnswersThreePingsFromTheNamespaceAndQemuCapturesArpAndIcmp()
    {
        var (run, ping) = await PingTheGuest("pvh", count: 3, interval: 0.5, wait: 10, pcap: true);
        Assert.True(ping.Status == 0, ping.Output + run.Describe());
        Assert.Contains("3 packets transmitted, 3 received, 0 duplicates, 0 bad", ping.Output);
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        Assert.StartsWith($"net virtio-net0 {QemuRunner.GuestMac} 10.0.2.15/24 gateway 10.0.2.2\n", run.Stdout);
        Assert.Contains("echo requests answered 3\n", run.Stdout);
        CheckCapture(run.PcapPath!, QemuRunner.GuestMac);
    }

    [Fact]
    public async Task TheAddressAndGatewayOptionsReachTheGuestOnBothTargets()
    {
        foreach (var target in new[] { "linux", "pvh" })
        {
            var (run, ping) = await PingTheGuest(target, count: 3, interval: 0.3, wait: 10, pcap: false,
                address: "192.168.77.9/16", gateway: "192.168.1.1", pingTarget: "192.168.77.9");
            Assert.True(ping.Status == 0, ping.Output + run.Describe());
            Assert.Contains(" 192.168.77.9/16 gateway 192.168.1.1\n", run.Stdout);
            Assert.True(run.Result.ExitCode == 0, run.Describe());
        }
    }

    [Fact]
    public async Task UnderDropsDuplicatesReorderingAndCorruptionTheGuestKeepsAnsweringAndCountsEachFault()
    {
        var (run, ping) = await PingTheGuest("linux", count: 60, interval: 0.02, wait: 1, pcap: true,
            faults: "drop=0.15,duplicate=0.15,reorder=0.15,corrupt=0.15,seed=42");
        Assert.True(run.Result.ExitCode == 0, run.Describe());
        var counters = System.Text.RegularExpressions.Regex.Match(run.Stdout,
            @"faults rx (\d+) frames: dropped (\d+) duplicated (\d+) reordered (\d+) corrupted (\d+); tx (\d+) frames: dropped (\d+) duplicated (\d+) reordered (\d+) corrupted (\d+)");
        Assert.True(counters.Success, run.Describe());
        for (int i = 1; i <= 10; i++)
            Assert.True(long.Parse(counters.Groups[i].Value) > 0, $"counter {i} is 0:\n{run.Stdout}");
        // Some replies made it, not all; duplicates reached the host; corrupted frames were dropped by checksums.
        var stats = System.Text.RegularExpressions.Regex.Match(ping.Output, @"60 packets transmitted, (\d+) received, (\d+) duplicates, (\d+) bad");
        Assert.True(stats.Success, ping.Output);
        Assert.InRange(int.Parse(stats.Groups[1].Value), 3, 59);
        Assert.True(int.Parse(stats.Groups[2].Value) > 0, "no duplicate reached the host:\n" + ping.Output);
        var drops = System.Text.RegularExpressions.Regex.Match(run.Stdout, @"\(ip checksum (\d+), icmp (\d+), arp (\d+)\)");
        Assert.True(drops.Success && long.Parse(drops.Groups[1].Value) + long.Parse(drops.Groups[2].Value) > 0, run.Stdout);
        // The capture is below the injector: the wire after the transmit faults.
        Assert.True(ReadCapture(run.PcapPath!).Count > 0);
    }

    [Fact]
    public void TestbedRunLinuxWithNetTapPrintsHowToReachTheGuestAndASigtermRemovesTheNamespaceAndStopsTheGuest()
    {
        foreach (var signal in new[] { "TERM", "INT" })
        {
            var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
            psi.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "testbed.dll"));
            foreach (var a in new[] { "run", Path.Combine(RepositoryLayout.Locate().Root, "tests", "guest", "netping"), "--target", "linux", "--net", "tap", "--timeout", "120" })
                psi.ArgumentList.Add(a);
            psi.Environment["TESTBED_ROOT"] = RepositoryLayout.Locate().Root;
            using var testbed = Process.Start(psi)!;
            testbed.StandardInput.Close();
            var stdout = testbed.StandardOutput.ReadToEndAsync();
            var stderr = new StringBuilder();
            string? space = null;
            string? reach = null;
            var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
            try
            {
                while (reach is null && DateTime.UtcNow < deadline && testbed.StandardError.ReadLine() is { } line)
                {
                    stderr.AppendLine(line);
                    var m = System.Text.RegularExpressions.Regex.Match(line, @"^testbed: network namespace (testbed-\d+-[0-9a-f]{8}): tap tbtap0, host side 10\.0\.2\.2/24, guest 10\.0\.2\.15/24 gateway 10\.0\.2\.2$");
                    if (m.Success) space = m.Groups[1].Value;
                    if (line.StartsWith("testbed: reach the guest from the host with: ip netns exec ")) reach = line;
                }
                Assert.True(space is not null && reach is not null, stderr.ToString());
                Assert.Contains($"ip netns exec {space} ping {Guest}", reach);
                Assert.Contains($"ip netns exec {space} curl http://{Guest}:8080/", reach);
                Assert.Contains(space, NetnsList());
                WaitForGuestProcess(space!, TimeSpan.FromSeconds(30));
                var pids = NamespacePids(space!);
                Assert.NotEmpty(pids);
                Assert.Equal(0, ProcessRunner.RunCaptured("kill", [$"-{signal}", testbed.Id.ToString()]).Status);
                // Generous: under a full ./test the handler (stop the guest, `ip netns delete`) and the runtime's
                // exit once took over 30 s; alone they take well under one.
                Assert.True(testbed.WaitForExit(120_000), "testbed did not end within 120 s after SIG" + signal + ":\n" + stderr);
                Assert.DoesNotContain(space!, NetnsList());
                foreach (var pid in pids)
                    Assert.False(Directory.Exists($"/proc/{pid}") && !IsZombie(pid), $"the guest (pid {pid}) outlived SIG{signal}");
            }
            finally
            {
                if (!testbed.HasExited) testbed.Kill(entireProcessTree: true);
                if (space is not null) ProcessRunner.RunCaptured("ip", ["netns", "delete", space]);
            }
        }
    }

    [Fact]
    public void ANamespaceLeftByAKilledTestbedIsRemovedWithItsProgramsByTheNextRun()
    {
        // What SIGKILL leaves: a namespace named after a process that no longer exists, a program inside.
        int deadPid = FindUnusedPid();
        string space = $"{TapNetwork.NamePrefix}{deadPid}-{Guid.NewGuid().ToString("N")[..8]}";
        Assert.Equal(0, ProcessRunner.RunCaptured("ip", ["netns", "add", space]).Status);
        using var orphan = Process.Start(new ProcessStartInfo("ip", ["netns", "exec", space, "sleep", "300"]))!;
        try
        {
            Assert.Contains(space, TapNetwork.FindStale());
            using (TapNetwork.Create("tbtap0", "10.0.2.2/24"))
            {
                Assert.DoesNotContain(space, NetnsList());
                Assert.True(orphan.WaitForExit(10_000), "the program in the stale namespace is still running");
            }
        }
        finally
        {
            if (!orphan.HasExited) orphan.Kill();
            ProcessRunner.RunCaptured("ip", ["netns", "delete", space]);
        }
    }

    [Fact]
    public void NetworkOptionsAreCheckedAndReachQemuAsKernelArgumentsAndAFilterDump()
    {
        Assert.Null(GuestNetwork.CheckAddress("10.0.2.15/24"));
        Assert.NotNull(GuestNetwork.CheckAddress("10.0.2.300/24"));
        Assert.NotNull(GuestNetwork.CheckAddress("10.0.2.3/33"));
        Assert.Null(GuestNetwork.CheckGateway("10.0.2.2"));
        Assert.NotNull(GuestNetwork.CheckGateway("gateway"));
        Assert.Null(GuestNetwork.CheckFaults("drop=0.05,reorder=0.02,duplicate=0.01,corrupt=0.001,seed=42"));
        Assert.Null(GuestNetwork.CheckFaults("drop=5%,dir=rx"));
        Assert.NotNull(GuestNetwork.CheckFaults("drop=2"));
        Assert.NotNull(GuestNetwork.CheckFaults("delay=0.1"));
        Assert.NotNull(GuestNetwork.CheckFaults("seed=x"));

        var options = new RunOptions { Network = QemuNetwork.User, GuestAddress = "10.0.2.20/24", Faults = "drop=0.1,seed=3", PcapPath = "/tmp/a,b.pcap" };
        var arguments = QemuRunner.Arguments("k.elf", options, "/tmp/control.txt").ToList();
        Assert.Equal("TESTBED_NET_IP=10.0.2.20/24 TESTBED_NET_GATEWAY=10.0.2.2 TESTBED_NET_FAULTS=drop=0.1,seed=3", arguments[arguments.IndexOf("-append") + 1]);
        Assert.Equal("filter-dump,id=tb_dump,netdev=tb_net,file=/tmp/a,,b.pcap", arguments[arguments.IndexOf("-object") + 1]);
        Assert.DoesNotContain("-append", QemuRunner.Arguments("k.elf", new RunOptions(), "/tmp/control.txt"));
    }

    [Fact]
    public void TheRunCommandRefusesNetworkOptionsWithoutANetworkAndUserNetworkingOnLinux()
    {
        var hello = Path.Combine(RepositoryLayout.Locate().Root, "tests", "guest", "netping");
        var noNet = CliProcess.Run(["run", hello, "--target", "linux", "--faults", "drop=0.1"]);
        Assert.Equal(1, noNet.ExitCode);
        Assert.Contains("need --net user or --net tap", noNet.Stderr);
        var user = CliProcess.Run(["run", hello, "--target", "linux", "--net", "user"]);
        Assert.Equal(1, user.ExitCode);
        Assert.Contains("--net user is QEMU's user network, for --target pvh", user.Stderr);
        var bad = CliProcess.Run(["run", hello, "--net", "tap", "--ip", "10.0.2.15/40"]);
        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("--ip 10.0.2.15/40: the prefix length is 1 to 32", bad.Stderr);
    }

    // ---- helpers ----

    public sealed record GuestRun(RunResult Result, string Stdout, string? PcapPath, string Namespace)
    {
        public string Describe() => $"{Result.Describe()}\n{Result.CommandLine}\n{Result.Diagnostics}\nstdout:\n{Stdout}\nstderr:\n{Result.ProgramStderr}";
    }

    /// <summary>
    /// Runs netping on <paramref name="target"/> with --net tap in a namespace of the runner's, waits for
    /// its "net" line, pings it from the namespace, and waits for the run to end. Then checks that the
    /// namespace is gone and no program is left.
    /// </summary>
    private static Task<(GuestRun Run, (int Status, string Output) Client)> PingTheGuest(string target, int count, double interval, double wait,
        bool pcap, string? faults = null, string? address = null, string? gateway = null, string pingTarget = Guest) =>
        RunWithClient(target, "netping", "net ", Pinger,
            [count.ToString(), interval.ToString(System.Globalization.CultureInfo.InvariantCulture), wait.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            pcap, faults, address, gateway, pingTarget);

    /// <summary>
    /// Runs tests/guest/<paramref name="program"/> on <paramref name="target"/> with --net tap in a namespace
    /// of the runner's, waits for its line starting with <paramref name="readyPrefix"/>, runs the Python
    /// <paramref name="client"/> in the namespace (arguments: the guest's address, then
    /// <paramref name="clientArguments"/>), and waits for the run to end. Then checks that the namespace is
    /// gone and no program is left.
    /// </summary>
    private static async Task<(GuestRun Run, (int Status, string Output) Client)> RunWithClient(string target, string program, string readyPrefix,
        string client, string[] clientArguments, bool pcap, string? faults = null, string? address = null, string? gateway = null, string guest = Guest)
    {
        string image = Image(program, target);
        string? pcapPath = pcap ? Path.Combine(Path.GetTempPath(), $"testbed-net-{Guid.NewGuid():N}.pcap") : null;
        var spaceKnown = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = new RunOptions
        {
            Timeout = TimeSpan.FromSeconds(240),
            Network = QemuNetwork.Tap,
            PcapPath = pcapPath,
            Faults = faults,
            GuestAddress = address,
            Gateway = gateway,
            Notice = line =>
            {
                if (System.Text.RegularExpressions.Regex.Match(line, @"^network namespace (\S+):") is { Success: true } m)
                    spaceKnown.TrySetResult(m.Groups[1].Value);
            },
        };
        var stdout = new WatchedStream(readyPrefix);
        Task<RunResult> running = target == "pvh"
            ? QemuRunner.RunAsync(image, stdout, options)
            : NativeRunner.RunAsync(image, stdout, options);
        try
        {
            var first = await Task.WhenAny(stdout.Ready, running, Task.Delay(TimeSpan.FromSeconds(180)));
            Assert.True(first == stdout.Ready, "the guest did not come up:\n" + stdout.Text
                + (running.IsCompleted ? running.Result.Describe() + "\n" + running.Result.ProgramStderr + running.Result.Diagnostics : ""));
            string space = await spaceKnown.Task;
            var script = Path.Combine(Path.GetTempPath(), $"testbed-client-{Guid.NewGuid():N}.py");
            File.WriteAllText(script, client);
            (int, string) ping;
            try
            {
                ping = ProcessRunner.RunCaptured("ip", ["netns", "exec", space, "timeout", "300", "python3", script, guest, .. clientArguments]);
            }
            finally
            {
                File.Delete(script);
            }
            RunResult result = await running;
            var run = new GuestRun(result, stdout.Text, pcapPath, space);
            Assert.DoesNotContain(space, NetnsList());
            Assert.Null(FindProcess(image));
            return (run, ping);
        }
        finally
        {
            if (!running.IsCompleted)
            {
                ProcessRunner.StopAll();
                try { await running; } catch { /* reported by the assertion that failed */ }
            }
        }
    }

    private static readonly Dictionary<string, string> Images = new();

    /// <summary>tests/guest/<paramref name="name"/> built for <paramref name="target"/>, once per test run.</summary>
    private static string Image(string name, string target)
    {
        lock (Images)
        {
            string key = name + "." + target;
            if (Images.TryGetValue(key, out var known)) return known;
            var layout = RepositoryLayout.Locate();
            var dir = Path.Combine(layout.Cache, "tests", "guest");
            Directory.CreateDirectory(dir);
            var image = Path.Combine(dir, $"{name}.{Guid.NewGuid():N}.{(target == "pvh" ? "elf" : "exe")}");
            new BuildDriver(layout).Build(new BuildRequest(Path.Combine(layout.Root, "tests", "guest", name), Target.FromName(target)!, image));
            Images[key] = image;
            return image;
        }
    }

    private static string NetnsList() => ProcessRunner.RunCaptured("ip", ["netns", "list"]).Output;

    private static List<int> NamespacePids(string space) =>
        ProcessRunner.RunCaptured("ip", ["netns", "pids", space]).Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();

    private static void WaitForGuestProcess(string space, TimeSpan wait)
    {
        var deadline = DateTime.UtcNow + wait;
        while (NamespacePids(space).Count == 0 && DateTime.UtcNow < deadline) Thread.Sleep(50);
    }

    private static bool IsZombie(int pid)
    {
        try { return File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z'); }
        catch (IOException) { return true; }
    }

    private static int FindUnusedPid()
    {
        for (int pid = 4_000_000; ; pid--)
            if (!Directory.Exists($"/proc/{pid}")) return pid;
    }

    /// <summary>The pid of a process whose command line holds <paramref name="path"/> (the guest, or QEMU booting it).</summary>
    private static int? FindProcess(string path)
    {
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid) || pid == Environment.ProcessId) continue;
            try
            {
                if (File.ReadAllText(Path.Combine(dir, "cmdline")).Contains(path, StringComparison.Ordinal) && !IsZombie(pid)) return pid;
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
        return null;
    }

    private static string GuestMacFrom(string stdout) => stdout.Split(' ')[2];

    /// <summary>The frames of a pcap file (libpcap format, microsecond timestamps, Ethernet), checked as it is read.</summary>
    private static List<byte[]> ReadCapture(string path)
    {
        byte[] file = File.ReadAllBytes(path);
        Assert.True(file.Length >= 24, "the capture has no global header");
        Assert.Equal(0xA1B2C3D4u, BitConverter.ToUInt32(file, 0));
        Assert.Equal(2, BitConverter.ToUInt16(file, 4));
        Assert.Equal(4, BitConverter.ToUInt16(file, 6));
        Assert.Equal(1u, BitConverter.ToUInt32(file, 20));
        var frames = new List<byte[]>();
        long previous = 0;
        int at = 24;
        while (at < file.Length)
        {
            Assert.True(at + 16 <= file.Length, "a truncated record header");
            long seconds = BitConverter.ToUInt32(file, at);
            long micros = BitConverter.ToUInt32(file, at + 4);
            int included = (int)BitConverter.ToUInt32(file, at + 8);
            int original = (int)BitConverter.ToUInt32(file, at + 12);
            Assert.True(micros < 1_000_000 && included <= original && included <= 65535, $"a bad record header at {at}");
            long time = seconds * 1_000_000 + micros;
            // Wall-clock times of this decade, in order.
            Assert.InRange(seconds, 1_600_000_000L, 2_200_000_000L);
            Assert.True(time >= previous, "timestamps go back");
            previous = time;
            Assert.True(at + 16 + included <= file.Length, "a truncated frame");
            frames.Add(file.AsSpan(at + 16, included).ToArray());
            at += 16 + included;
        }
        return frames;
    }

    /// <summary>
    /// The capture holds the ARP exchange and three echo requests with their replies. The guest asks for its
    /// gateway (the tap's host side) when its NIC comes up, and the host learns the guest's address from that
    /// request, so the host may never ask for it: the guest's request and the host's reply must be there, and
    /// if the host did ask, the guest's answer too.
    /// </summary>
    private static void CheckCapture(string path, string guestMac)
    {
        try
        {
            var frames = ReadCapture(path);
            byte[] mac = Convert.FromHexString(guestMac.Replace(":", ""));
            byte[] ip = [10, 0, 2, 15];
            byte[] gateway = [10, 0, 2, 2];
            bool guestAsked = false, hostAnswered = false, hostAsked = false, guestAnswered = false;
            int requests = 0, replies = 0;
            foreach (var f in frames)
            {
                if (f.Length < 14) continue;
                int etherType = (f[12] << 8) | f[13];
                if (etherType == 0x0806 && f.Length >= 42)
                {
                    int op = (f[20] << 8) | f[21];
                    bool fromGuest = f.AsSpan(22, 6).SequenceEqual(mac) && f.AsSpan(28, 4).SequenceEqual(ip);
                    if (op == 1 && fromGuest && f.AsSpan(38, 4).SequenceEqual(gateway)) guestAsked = true;
                    if (op == 2 && f.AsSpan(28, 4).SequenceEqual(gateway) && f.AsSpan(38, 4).SequenceEqual(ip) && f.AsSpan(0, 6).SequenceEqual(mac)) hostAnswered = true;
                    // The host's request: the guest's own announcement (RFC 5227) asks for 10.0.2.15 too.
                    if (op == 1 && f.AsSpan(38, 4).SequenceEqual(ip) && !f.AsSpan(22, 6).SequenceEqual(mac)) hostAsked = true;
                    if (op == 2 && fromGuest && f.AsSpan(6, 6).SequenceEqual(mac)) guestAnswered = true;
                }
                if (etherType == 0x0800 && f.Length >= 42 && f[23] == 1)
                {
                    int ihl = (f[14] & 15) * 4;
                    byte type = f[14 + ihl];
                    if (type == 8 && f.AsSpan(30, 4).SequenceEqual(ip) && f.AsSpan(0, 6).SequenceEqual(mac)) requests++;
                    if (type == 0 && f.AsSpan(26, 4).SequenceEqual(ip) && f.AsSpan(6, 6).SequenceEqual(mac)) replies++;
                }
            }
            Assert.True(guestAsked, $"no ARP request from the guest for its gateway in the capture ({frames.Count} frames)");
            Assert.True(hostAnswered, $"no ARP reply from the host to the guest in the capture ({frames.Count} frames)");
            Assert.True(!hostAsked || guestAnswered, $"the host asked for {Guest} and the capture has no answer from the guest ({frames.Count} frames)");
            Assert.Equal(3, requests);
            Assert.Equal(3, replies);
        }
        finally
        {
            File.Delete(path);
        }
    }

}
