using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;
using Testbed.Net.Tests.Infrastructure;
using Xunit;

namespace Testbed.Net.Tests;

/// <summary>Backlog, SYN queue, ports.</summary>
public class ListenerTests
{
    [Fact]
    public void BacklogBoundsCompletedConnections()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen(backlog: 2);
        bench.AcceptHandshakeWithoutAccept(40001);
        bench.AcceptHandshakeWithoutAccept(40002);
        long before = NetCounters.DroppedTcpSynQueueFull;
        // A third SYN is dropped while the accept queue is full.
        bench.RemotePort = 40003;
        bench.Send(Tcp.Syn, seq: Bench.PeerIsn, ack: 0, options: Opt.Mss(1460));
        bench.AssertNothingSent();
        Assert.Equal(before + 1, NetCounters.DroppedTcpSynQueueFull);
        Assert.NotNull(listener.Accept(out _));
        Assert.NotNull(listener.Accept(out _));
        Assert.Null(listener.Accept(out _));
        bench.AcceptHandshake(listener, peerPort: 40003);
    }

    [Fact]
    public void SynFloodFillsTheSynQueueButNotEstablishedConnections()
    {
        var bench = new Bench(new TcpSettings { SynQueueLimit = 8 });
        TcpSocket listener = bench.Listen(backlog: 100);
        TcpSocket established = bench.AcceptHandshake(listener, peerPort: 50000);
        long before = NetCounters.DroppedTcpSynQueueFull;
        for (int i = 0; i < 100; i++)
        {
            bench.RemotePort = (ushort)(1000 + i);
            bench.Send(Tcp.Syn, seq: (uint)(i * 1000), ack: 0, options: Opt.Mss(1460));
        }
        Assert.Equal(8, bench.Take().Count);
        Assert.Equal(before + 92, NetCounters.DroppedTcpSynQueueFull);
        Assert.Equal(9, bench.Layer.ConnectionCount);
        // The established connection still works.
        bench.RemotePort = 50000;
        bench.PeerSeq = Bench.PeerIsn + 1;
        bench.SendData(Bench.Bytes(1000));
        Assert.Equal(1000, established.Available);
        // The half-open ones expire.
        while (bench.RunNextTimer()) { }
        Assert.Equal(1, bench.Layer.ConnectionCount);
    }

    [Fact]
    public void ClosingTheListenerResetsUnacceptedConnections()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        bench.AcceptHandshakeWithoutAccept(40001);
        listener.Close();
        SentSegment rst = bench.Single();
        Assert.True(rst.Rst);
        Assert.Equal(0, bench.Layer.ConnectionCount);
        TcpSocket again = bench.Layer.CreateSocket();
        Assert.Equal(TcpError.None, bench.Layer.Bind(again, 0, Bench.ServerPort));
    }

    [Fact]
    public void PortInUse()
    {
        var bench = new Bench();
        TcpSocket a = bench.Layer.CreateSocket();
        Assert.Equal(TcpError.None, bench.Layer.Bind(a, 0, 8080));
        TcpSocket b = bench.Layer.CreateSocket();
        Assert.Equal(TcpError.AddressInUse, bench.Layer.Bind(b, 0, 8080));
        Assert.Equal(TcpError.AddressInUse, bench.Layer.Bind(b, Bench.Us, 8080));
        Assert.Equal(TcpError.InvalidArgument, bench.Layer.Bind(a, 0, 8081));
        // Different specific addresses do not conflict.
        TcpSocket c = bench.Layer.CreateSocket();
        TcpSocket d = bench.Layer.CreateSocket();
        Assert.Equal(TcpError.None, bench.Layer.Bind(c, 0x0A000005, 9090));
        Assert.Equal(TcpError.None, bench.Layer.Bind(d, 0x0A000006, 9090));
        a.Close();
        Assert.Equal(TcpError.None, bench.Layer.Bind(b, 0, 8080));
    }

    [Fact]
    public void ReuseAddressAllowsRebindingNextToConnectionsButNotListeners()
    {
        var bench = new Bench();
        TcpSocket listener = bench.Listen();
        TcpSocket accepted = bench.AcceptHandshake(listener);
        TcpSocket other = bench.Layer.CreateSocket();
        other.ReuseAddress = true;
        Assert.Equal(TcpError.AddressInUse, bench.Layer.Bind(other, 0, Bench.ServerPort));
        listener.Close();
        TcpSocket plain = bench.Layer.CreateSocket();
        Assert.Equal(TcpError.AddressInUse, bench.Layer.Bind(plain, 0, Bench.ServerPort)); // The accepted connection holds it.
        Assert.Equal(TcpError.None, bench.Layer.Bind(other, 0, Bench.ServerPort));
        Assert.Equal(TcpError.None, other.Listen(4));
        Assert.Equal(TcpState.Established, accepted.State);
    }

    [Fact]
    public void EphemeralPortsAreRandomisedAndReleased()
    {
        var bench = new Bench();
        var ports = new HashSet<ushort>();
        var sockets = new List<TcpSocket>();
        for (int i = 0; i < 20; i++)
        {
            TcpSocket s = bench.Layer.CreateSocket();
            Assert.Equal(TcpError.None, bench.Layer.Bind(s, 0, 0));
            Assert.InRange(s.LocalPort, TcpLayer.FirstEphemeralPort, 65535);
            ports.Add(s.LocalPort);
            sockets.Add(s);
        }
        Assert.Equal(20, ports.Count);
        Assert.True(ports.Max() - ports.Min() > 1000);
        foreach (var s in sockets)
            s.Close();
        TcpSocket again = bench.Layer.CreateSocket();
        again.ReuseAddress = false;
        Assert.Equal(TcpError.None, bench.Layer.Bind(again, 0, sockets[0].LocalPort));
    }

    [Fact]
    public void SecondListenerOnAPortIsRefused()
    {
        var bench = new Bench();
        TcpSocket a = bench.Layer.CreateSocket();
        TcpSocket b = bench.Layer.CreateSocket();
        a.ReuseAddress = true;
        b.ReuseAddress = true;
        Assert.Equal(TcpError.None, bench.Layer.Bind(a, 0, 7000));
        Assert.Equal(TcpError.None, bench.Layer.Bind(b, 0, 7000));
        Assert.Equal(TcpError.None, a.Listen(1));
        Assert.Equal(TcpError.AddressInUse, b.Listen(1));
    }
}
