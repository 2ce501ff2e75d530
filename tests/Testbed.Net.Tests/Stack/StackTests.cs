using Testbed.LibOS.Net;
using Xunit;

// The stack's counters are process-wide: tests that compare them must not overlap.
[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Testbed.Net.Tests.Stack;

/// <summary>
/// Ethernet, ARP, IPv4, ICMP and UDP of the stack, driven by crafted frames through a fake NIC: what
/// is answered, what is dropped, and which counter says why.
/// </summary>
public sealed class StackTests
{
    private long now = 1_000_000;
    private readonly FakeDevice device = new();
    private readonly NetStack stack;

    public StackTests()
    {
        stack = new NetStack(() => now, 12345);
        stack.AttachEthernet(device, Frames.OurIp, 24, Frames.PeerIp);
    }

    private void Deliver(byte[] frame)
    {
        device.Inject(frame);
        stack.Poll();
    }

    private static long Drops() => NetCounters.Dropped;

    [Fact]
    public void AnArpRequestForOurAddressIsAnsweredWithOurMac()
    {
        Deliver(Frames.ArpRequest(Frames.PeerIp, Frames.OurIp));
        var reply = Assert.Single(device.Sent);
        Assert.Equal(Frames.PeerMac, reply[0..6]);
        Assert.Equal(FakeDevice.MacBytes, reply[6..12]);
        Assert.Equal(new byte[] { 0x08, 0x06 }, reply[12..14]);
        Assert.Equal(2, reply[14 + 7]);
        Assert.Equal(Frames.OurIp, Frames.ReadIp(reply, 14 + 14));
        Assert.Equal(Frames.PeerIp, Frames.ReadIp(reply, 14 + 24));
    }

    [Fact]
    public void AnArpRequestForAnotherAddressIsIgnored()
    {
        Deliver(Frames.ArpRequest(Frames.PeerIp, Frames.OurIp + 1));
        Assert.Empty(device.Sent);
    }

    [Fact]
    public void AnEchoRequestIsAnsweredWithTheSameDataAfterArpResolution()
    {
        byte[] data = "abcdefghijklmnopqrstuvwxyz012345"u8.ToArray();
        Deliver(Frames.Ethernet(FakeDevice.MacBytes, 0x0800, Frames.Ipv4(Frames.PeerIp, Frames.OurIp, 1, Frames.IcmpEcho(7, 1, data))));
        // The peer is not in the cache yet: the reply waits for ARP, and a request goes out.
        var request = Assert.Single(device.Sent);
        Assert.Equal(new byte[] { 0x08, 0x06 }, request[12..14]);
        Assert.Equal(Frames.PeerIp, Frames.ReadIp(request, 14 + 24));
        device.Sent.Clear();

        var arpReply = Frames.ArpRequest(Frames.PeerIp, Frames.OurIp);
        arpReply[14 + 7] = 2;
        Deliver(arpReply);
        var echo = Assert.Single(device.Sent);
        Assert.Equal(Frames.PeerMac, echo[0..6]);
        byte[] ip = echo[14..];
        Assert.Equal(0, InternetChecksum.Compute(ip.AsSpan(0, 20)));
        Assert.Equal(Frames.OurIp, Frames.ReadIp(ip, 12));
        Assert.Equal(Frames.PeerIp, Frames.ReadIp(ip, 16));
        byte[] icmp = ip[20..];
        Assert.Equal(0, icmp[0]);
        Assert.Equal(0, InternetChecksum.Compute(icmp));
        Assert.Equal(data, icmp[8..]);
    }

    private Testbed.LibOS.Net.Arp.ArpCache Arp => (Testbed.LibOS.Net.Arp.ArpCache)stack.Ethernet!.Arp;

    [Fact]
    public void OnStartTheStackAnnouncesItsAddressThenAsksForTheGatewayAndCachesTheReply()
    {
        Arp.Announce(now);
        Assert.Equal(2, device.Sent.Count);
        foreach (var (frame, target) in new[] { (device.Sent[0], Frames.OurIp), (device.Sent[1], Frames.PeerIp) })
        {
            Assert.Equal(Enumerable.Repeat((byte)0xFF, 6), frame[0..6]);
            Assert.Equal(new byte[] { 0x08, 0x06 }, frame[12..14]);
            Assert.Equal(1, frame[14 + 7]);
            Assert.Equal(Frames.OurIp, Frames.ReadIp(frame, 14 + 14));
            Assert.Equal(target, Frames.ReadIp(frame, 14 + 24));
        }
        device.Sent.Clear();
        var reply = Frames.ArpRequest(Frames.PeerIp, Frames.OurIp);
        reply[14 + 7] = 2;
        Deliver(reply);
        Assert.Empty(device.Sent);
        Assert.True(Arp.TryLookup(Frames.PeerIp, out _));
    }

    [Fact]
    public void AnUnansweredGatewayRequestIsRepeatedTwiceThenForgottenWithoutLeavingADeadline()
    {
        Arp.Announce(now);
        device.Sent.Clear();
        for (int k = 0; k < 3; k++)
        {
            now += Testbed.LibOS.Net.Arp.ArpCache.RetryMicroseconds;
            stack.Poll();
        }
        Assert.Equal(2, device.Sent.Count);
        Assert.All(device.Sent, f => Assert.Equal(Frames.PeerIp, Frames.ReadIp(f, 14 + 24)));
        Assert.False(Arp.TryLookup(Frames.PeerIp, out _));
        // Nothing left to wait for: the network loop must not be woken again (a deadline in the past would spin it).
        Assert.Equal(long.MaxValue, Arp.NextDeadline);
    }

    [Fact]
    public void PacketsWaitingForArpAreDroppedAfterThreeUnansweredRequests()
    {
        long before = NetCounters.DroppedArpUnresolved;
        Deliver(Frames.Ethernet(FakeDevice.MacBytes, 0x0800, Frames.Ipv4(Frames.PeerIp + 5, Frames.OurIp, 1, Frames.IcmpEcho(1, 1, new byte[8]))));
        for (int i = 0; i < 4; i++)
        {
            now += 1_000_001;
            stack.Poll();
        }
        Assert.Equal(3, device.Sent.Count);
        Assert.True(device.Sent.TrueForAll(f => f[12] == 0x08 && f[13] == 0x06));
        Assert.Equal(before + 1, NetCounters.DroppedArpUnresolved);
        Assert.Equal(long.MaxValue, stack.NextDeadlineMicroseconds);
    }

    [Theory]
    [InlineData("short")]
    [InlineData("version")]
    [InlineData("header-length")]
    [InlineData("total-length")]
    [InlineData("checksum")]
    [InlineData("fragment")]
    [InlineData("more-fragments")]
    [InlineData("other-host")]
    [InlineData("broadcast-source")]
    [InlineData("unknown-protocol")]
    public void MalformedOrForeignIpv4PacketsAreDroppedAndCounted(string defect)
    {
        byte[] ip = Frames.Ipv4(Frames.PeerIp, Frames.OurIp, 1, Frames.IcmpEcho(1, 1, new byte[8]));
        switch (defect)
        {
            case "short": ip = ip[..19]; break;
            case "version": ip[0] = 0x65; break;
            case "header-length": ip[0] = 0x44; break;
            case "total-length": ip[2] = 0x10; break;
            case "checksum": ip[11] ^= 0x01; break;
            case "fragment": ip = Frames.Ipv4(Frames.PeerIp, Frames.OurIp, 1, Frames.IcmpEcho(1, 1, new byte[8]), fragmentField: 0x0010); break;
            case "more-fragments": ip = Frames.Ipv4(Frames.PeerIp, Frames.OurIp, 1, Frames.IcmpEcho(1, 1, new byte[8]), fragmentField: 0x2000); break;
            case "other-host": ip = Frames.Ipv4(Frames.PeerIp, Frames.OurIp + 1, 1, Frames.IcmpEcho(1, 1, new byte[8])); break;
            case "broadcast-source": ip = Frames.Ipv4(0xFFFFFFFF, Frames.OurIp, 1, Frames.IcmpEcho(1, 1, new byte[8])); break;
            case "unknown-protocol": ip = Frames.Ipv4(Frames.PeerIp, Frames.OurIp, 99, new byte[8]); break;
        }
        long before = Drops();
        Deliver(Frames.Ethernet(FakeDevice.MacBytes, 0x0800, ip));
        Assert.Empty(device.Sent);
        Assert.Equal(before + 1, Drops());
    }

    [Fact]
    public void FramesForAnotherMacOrOfAnUnknownTypeOrTooShortAreDropped()
    {
        long before = Drops();
        Deliver(Frames.Ethernet(new byte[] { 2, 9, 9, 9, 9, 9 }, 0x0800, Frames.Ipv4(Frames.PeerIp, Frames.OurIp, 1, Frames.IcmpEcho(1, 1, new byte[8]))));
        Deliver(Frames.Ethernet(FakeDevice.MacBytes, 0x86DD, new byte[40]));
        Deliver(new byte[13]);
        Assert.Empty(device.Sent);
        Assert.Equal(before + 3, Drops());
    }

    [Fact]
    public void AUdpDatagramReachesItsSocketWithTheSender()
    {
        var socket = stack.Udp.CreateSocket();
        Assert.True(stack.Udp.Bind(socket, 0, 5000, false));
        Deliver(Frames.Ethernet(FakeDevice.MacBytes, 0x0800, Frames.Ipv4(Frames.PeerIp, Frames.OurIp, 17, Frames.Udp(Frames.PeerIp, Frames.OurIp, 4000, 5000, "hello"u8.ToArray()))));
        var into = new byte[64];
        int n = socket.Receive(into, false, out uint source, out ushort port, out bool truncated);
        Assert.Equal(5, n);
        Assert.Equal("hello"u8.ToArray(), into[..5]);
        Assert.Equal(Frames.PeerIp, source);
        Assert.Equal(4000, port);
        Assert.False(truncated);
        Assert.Equal(-1, socket.Receive(into, false, out _, out _, out _));
    }

    [Fact]
    public void UdpWithABadChecksumOrForAClosedPortIsDropped()
    {
        var socket = stack.Udp.CreateSocket();
        Assert.True(stack.Udp.Bind(socket, 0, 5001, false));
        long malformed = NetCounters.DroppedUdpMalformed, noSocket = NetCounters.DroppedUdpNoSocket;
        Deliver(Frames.Ethernet(FakeDevice.MacBytes, 0x0800, Frames.Ipv4(Frames.PeerIp, Frames.OurIp, 17, Frames.Udp(Frames.PeerIp, Frames.OurIp, 4000, 5001, "x"u8.ToArray(), goodChecksum: false))));
        Deliver(Frames.Ethernet(FakeDevice.MacBytes, 0x0800, Frames.Ipv4(Frames.PeerIp, Frames.OurIp, 17, Frames.Udp(Frames.PeerIp, Frames.OurIp, 4000, 5999, "x"u8.ToArray()))));
        Assert.False(socket.HasDatagram);
        Assert.Equal(malformed + 1, NetCounters.DroppedUdpMalformed);
        Assert.Equal(noSocket + 1, NetCounters.DroppedUdpNoSocket);
    }

    [Fact]
    public void UdpOverTheLoopbackArrivesInTheSameBuffer()
    {
        var receiver = stack.Udp.CreateSocket();
        var sender = stack.Udp.CreateSocket();
        Assert.True(stack.Udp.Bind(receiver, 0, 6000, false));
        long copied = NetCounters.CopiedDatagram;
        Assert.Equal(3, sender.SendTo("abc"u8, 0x7F000001, 6000, out var error));
        stack.Poll();
        var into = new byte[8];
        Assert.Equal(3, receiver.Receive(into, false, out uint source, out ushort port, out _));
        Assert.Equal(0x7F000001u, source);
        Assert.Equal(sender.LocalPort, port);
        // Once into the datagram, once out of it: the loopback itself copies nothing.
        Assert.Equal(copied + 6, NetCounters.CopiedDatagram);
        Assert.Empty(device.Sent);
    }

    [Fact]
    public void UdpOverTheLoopbackCarriesDatagramsUpTo65507Bytes()
    {
        var receiver = stack.Udp.CreateSocket();
        var sender = stack.Udp.CreateSocket();
        Assert.True(stack.Udp.Bind(receiver, 0, 6001, false));
        var data = new byte[65507];
        new Random(3).NextBytes(data);
        Assert.Equal(65507, sender.SendTo(data, 0x7F000001, 6001, out var error));
        Assert.Equal(-1, sender.SendTo(new byte[65508], 0x7F000001, 6001, out error));
        Assert.Equal(Testbed.LibOS.Net.Udp.UdpError.MessageSize, error);
        // Ethernet keeps its MTU.
        Assert.Equal(-1, sender.SendTo(new byte[1473], Frames.PeerIp, 6001, out error));
        Assert.Equal(Testbed.LibOS.Net.Udp.UdpError.MessageSize, error);
        stack.Poll();
        var into = new byte[70000];
        Assert.Equal(65507, receiver.Receive(into, false, out _, out _, out bool truncated));
        Assert.False(truncated);
        Assert.True(into.AsSpan(0, 65507).SequenceEqual(data));
    }

    [Fact]
    public void TcpOverTheLoopbackUsesSixtyFourKilobyteSegments()
    {
        Assert.Equal(65495, stack.MaximumSegmentSize(0x7F000001));
        Assert.Equal(1460, stack.MaximumSegmentSize(Frames.PeerIp));
        var listener = stack.Tcp.CreateSocket();
        listener.ReceiveBufferSize = 1 << 20;
        Assert.Equal(Testbed.LibOS.Net.Tcp.TcpError.None, stack.Tcp.Bind(listener, 0, 7000));
        Assert.Equal(Testbed.LibOS.Net.Tcp.TcpError.None, listener.Listen(1));
        var client = stack.Tcp.CreateSocket();
        client.SendBufferSize = 1 << 20;
        Assert.Equal(Testbed.LibOS.Net.Tcp.TcpError.None, client.Connect(0x7F000001, 7000));
        stack.Poll();
        var server = listener.Accept(out _);
        Assert.NotNull(server);
        var data = new byte[4 << 20];
        new Random(5).NextBytes(data);
        var received = new MemoryStream();
        var buffer = new byte[1 << 16];
        long segments = Testbed.LibOS.Net.Tcp.TcpCounters.SegmentsSent;
        long checksumDrops = NetCounters.DroppedTcpChecksum;
        long large = PacketPool.Large.Allocated;
        int sent = 0;
        for (int round = 0; round < 10000 && received.Length < data.Length; round++)
        {
            if (sent < data.Length)
                sent += client.Send(data.AsSpan(sent), out _);
            stack.Poll();
            int n;
            while ((n = server.Receive(buffer, out _)) > 0)
                received.Write(buffer, 0, n);
            stack.Poll();
            now += 10;
        }
        Assert.Equal(data.Length, received.Length);
        byte[] got = received.ToArray();
        for (int i = 0; i < data.Length; i++)
            Assert.True(got[i] == data[i], $"first difference at {i} ({Testbed.LibOS.Net.Tcp.TcpCounters.SegmentsSent - segments} segments)");
        // 4 MiB in 64 KiB segments (plus ACKs): about a hundred segments, not thousands.
        Assert.InRange(Testbed.LibOS.Net.Tcp.TcpCounters.SegmentsSent - segments, 64, 400);
        Assert.Equal(checksumDrops, NetCounters.DroppedTcpChecksum);
        Assert.InRange(PacketPool.Large.Allocated - large, 1, 64);
        Assert.Empty(device.Sent);
    }

    [Fact]
    public void RandomBytesNeverThrowAndAreAllAccountedFor()
    {
        var random = new Random(20261206);
        long framesBefore = NetCounters.FramesReceived;
        long buffersBefore = PacketPool.Shared.Allocated;
        for (int i = 0; i < 20000; i++)
        {
            byte[] frame;
            int kind = random.Next(4);
            if (kind == 0)
            {
                frame = new byte[random.Next(0, 1515)];
                random.NextBytes(frame);
            }
            else
            {
                // Mostly valid headers with random damage, so the checks deep in each layer are reached.
                byte[] payload = new byte[random.Next(0, 200)];
                random.NextBytes(payload);
                byte protocol = kind == 1 ? (byte)1 : kind == 2 ? (byte)17 : (byte)6;
                byte[] ip = Frames.Ipv4(Frames.PeerIp, Frames.OurIp, protocol, payload);
                int flips = random.Next(0, 3);
                for (int f = 0; f < flips; f++)
                    ip[random.Next(ip.Length)] ^= (byte)(1 << random.Next(8));
                frame = Frames.Ethernet(FakeDevice.MacBytes, 0x0800, ip);
            }
            device.Inject(frame);
            stack.Poll();
        }
        Assert.Equal(0, NetCounters.DoubleRelease);
        Assert.Equal(framesBefore + 20000, NetCounters.FramesReceived);
        // Every frame's buffer went back to the pool, whatever check dropped it: a leak would allocate one per frame.
        Assert.True(PacketPool.Shared.Allocated - buffersBefore < 64, $"{PacketPool.Shared.Allocated - buffersBefore} buffers allocated for 20000 frames");
    }

    [Fact]
    public void TheChecksumEqualsTheWordByWordSumOfRfc1071AtEveryLengthAndAlignment()
    {
        var random = new Random(1071);
        var bytes = new byte[2100];
        random.NextBytes(bytes);
        for (int offset = 0; offset < 8; offset++)
            for (int length = 0; length <= 2048; length += length < 80 ? 1 : 37)
            {
                var data = bytes.AsSpan(offset, length);
                ulong reference = 0;
                for (int i = 0; i + 1 < length; i += 2)
                    reference += (ulong)(data[i] << 8 | data[i + 1]);
                if ((length & 1) != 0)
                    reference += (ulong)(data[length - 1] << 8);
                while ((reference >> 16) != 0)
                    reference = (reference & 0xFFFF) + (reference >> 16);
                Assert.Equal((ushort)~reference, InternetChecksum.Compute(data));

                // In pieces of even length, with a pseudo header first, as TCP and UDP add them.
                var pieces = new InternetChecksum();
                pieces.AddPseudoHeader(0x0A000001, 0x0A000002, 6, length);
                int split = (length / 3) & ~1;
                pieces.Add(data[..split]);
                pieces.Add(data[split..]);
                var whole = new InternetChecksum();
                whole.AddPseudoHeader(0x0A000001, 0x0A000002, 6, length);
                whole.Add(data);
                Assert.Equal(whole.Finish(), pieces.Finish());
            }
    }

    [Fact]
    public void AStaleArpEntryKeepsCarryingTrafficWhileItIsConfirmedAndIsDroppedOnlyWhenProbesGoUnanswered()
    {
        var socket = stack.Udp.CreateSocket();
        Assert.True(stack.Udp.Bind(socket, 0, 5003, false));
        var arpReply = Frames.ArpRequest(Frames.PeerIp, Frames.OurIp);
        arpReply[14 + 7] = 2;
        Deliver(arpReply);
        device.Sent.Clear();

        int Send()
        {
            Assert.Equal(1, socket.SendTo("x"u8, Frames.PeerIp, 9, out _));
            int udp = device.Sent.Count(f => f[12] == 0x08 && f[13] == 0x00);
            int arp = device.Sent.Count(f => f[12] == 0x08 && f[13] == 0x06);
            device.Sent.Clear();
            return udp * 10 + arp;
        }

        Assert.Equal(10, Send());                 // fresh: the datagram, no request
        now += ArpCacheLifetime + 1;
        Assert.Equal(11, Send());                 // stale: the datagram still goes, and a request confirms the entry
        Assert.Equal(10, Send());                 // one request per second, not per packet
        Deliver(arpReply);                        // confirmed
        now += 2_000_000;
        Assert.Equal(10, Send());
        now += ArpCacheLifetime + 1;
        Assert.Equal(11, Send());                 // stale again: probed, nobody answers
        now += 1_000_001;
        Assert.Equal(11, Send());
        now += 1_000_001;
        Assert.Equal(11, Send());
        now += 1_000_001;
        Assert.Equal(1, Send());                  // three unanswered probes: the datagram waits for an answer
    }

    private const long ArpCacheLifetime = Testbed.LibOS.Net.Arp.ArpCache.ReachableMicroseconds;
}
