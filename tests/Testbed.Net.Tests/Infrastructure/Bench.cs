using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Tcp;
using Xunit;

namespace Testbed.Net.Tests.Infrastructure;

/// <summary>
/// One TcpLayer facing a scripted peer: the test sends crafted segments as the peer and inspects
/// what TCP answers (the way smoltcp tests its sockets). Tracks the peer's view of both sequence
/// spaces so tests can say "the next segment" without arithmetic.
/// </summary>
public sealed class Bench
{
    public const uint Us = 0x0A000001;
    public const uint Peer = 0x0A000002;
    public const ushort ServerPort = 80;
    public const ushort PeerPort = 40000;
    public const uint PeerIsn = 1_000_000;

    public readonly FakeHost Host;
    public readonly TcpLayer Layer;
    public readonly TcpSettings Settings;

    public ushort LocalPort = ServerPort;
    public ushort RemotePort = PeerPort;
    /// <summary>The next sequence number the peer sends.</summary>
    public uint PeerSeq;
    /// <summary>Our next sequence number as the peer has acknowledged it.</summary>
    public uint PeerAck;
    /// <summary>Our ISS as seen in our SYN.</summary>
    public uint OurIsn;
    public int PeerWindow = 65535;
    /// <summary>When set, every crafted non-SYN segment carries a timestamp with this value (incremented per segment).</summary>
    public bool PeerTimestamps;
    public uint PeerTsVal = 5000;
    public uint LastOurTsVal;

    public Bench(TcpSettings settings = null, int mss = 1460)
    {
        // Scripted scenarios check RFC 9293's delayed ACKs segment by segment: without the quick ACKs of a
        // connection's start unless a test asks for them.
        Settings = settings ?? new TcpSettings { QuickAcksAtStart = 0 };
        Host = new FakeHost { Mss = mss };
        Layer = new TcpLayer(Host, Settings);
    }

    public void Deliver(PacketBuffer buffer) => Layer.Receive(Peer, Us, buffer);

    public void Send(int flags, uint? seq = null, uint? ack = null, int? window = null, byte[] options = null, byte[] payload = null, bool corruptChecksum = false)
    {
        if (options == null && PeerTimestamps && (flags & Tcp.Syn) == 0)
            options = Opt.Timestamp(PeerTsVal++, LastOurTsVal);
        Deliver(SegmentBuilder.Build(Peer, Us, RemotePort, LocalPort, seq ?? PeerSeq, ack ?? PeerAck, flags, window ?? PeerWindow,
            options, payload, corruptChecksum));
    }

    /// <summary>Sends payload as the peer and advances its sequence number.</summary>
    public void SendData(byte[] payload, int flags = Tcp.Ack | Tcp.Psh)
    {
        Send(flags, payload: payload);
        PeerSeq += (uint)payload.Length;
    }

    public void SendFin()
    {
        Send(Tcp.Fin | Tcp.Ack);
        PeerSeq++;
    }

    public List<SentSegment> Take()
    {
        var sent = Host.Take();
        foreach (var s in sent)
            if (s.HasTimestamp)
                LastOurTsVal = s.TsVal;
        return sent;
    }

    public SentSegment Single()
    {
        var sent = Take();
        Assert.True(sent.Count == 1, $"expected one segment, got {sent.Count}: {string.Join("; ", sent)}");
        return sent[0];
    }

    public void AssertNothingSent()
    {
        var sent = Take();
        Assert.True(sent.Count == 0, $"expected nothing, got: {string.Join("; ", sent)}");
    }

    /// <summary>Moves the clock and runs due timers.</summary>
    public void Advance(long microseconds)
    {
        Host.Now += microseconds;
        Layer.Poll();
    }

    /// <summary>Moves the clock to the layer's next deadline and runs it; false when no timer is armed.</summary>
    public bool RunNextTimer()
    {
        long next = Layer.ExactNextDeadline(); // NextDeadlineMicroseconds may be early after a timer was cancelled.
        if (next == long.MaxValue)
            return false;
        if (next > Host.Now)
            Host.Now = next;
        Layer.Poll();
        return true;
    }

    public TcpSocket Listen(ushort port = ServerPort, int backlog = 16)
    {
        TcpSocket listener = Layer.CreateSocket();
        Assert.Equal(TcpError.None, Layer.Bind(listener, 0, port));
        Assert.Equal(TcpError.None, listener.Listen(backlog));
        LocalPort = port;
        return listener;
    }

    public static byte[] DefaultSynOptions => Opt.Mss(1460);

    /// <summary>Peer SYN -> our SYN-ACK -> peer ACK; returns the accepted socket.</summary>
    public TcpSocket AcceptHandshake(TcpSocket listener, byte[] synOptions = null, byte[] ackOptions = null, ushort peerPort = PeerPort)
    {
        RemotePort = peerPort;
        PeerSeq = PeerIsn;
        Send(Tcp.Syn, seq: PeerIsn, ack: 0, options: synOptions ?? DefaultSynOptions);
        SentSegment synAck = Single();
        Assert.True(synAck.Syn && synAck.HasAck, synAck.ToString());
        Assert.Equal(PeerIsn + 1, synAck.Ack);
        OurIsn = synAck.Seq;
        PeerSeq = PeerIsn + 1;
        PeerAck = OurIsn + 1;
        Send(Tcp.Ack, options: ackOptions);
        AssertNothingSent();
        TcpSocket accepted = listener.Accept(out TcpError error);
        Assert.Equal(TcpError.None, error);
        Assert.NotNull(accepted);
        Assert.Equal(TcpState.Established, accepted.State);
        return accepted;
    }

    /// <summary>Completes a handshake from <paramref name="peerPort"/> and leaves the connection in the accept queue.</summary>
    public void AcceptHandshakeWithoutAccept(ushort peerPort)
    {
        RemotePort = peerPort;
        Send(Tcp.Syn, seq: PeerIsn, ack: 0, options: DefaultSynOptions);
        SentSegment synAck = Single();
        PeerSeq = PeerIsn + 1;
        PeerAck = synAck.Seq + 1;
        Send(Tcp.Ack);
        AssertNothingSent();
    }

    /// <summary>Our SYN -> peer SYN-ACK -> our ACK; returns the connected socket.</summary>
    public TcpSocket ConnectHandshake(byte[] synAckOptions = null, TcpSocket socket = null)
    {
        socket ??= Layer.CreateSocket();
        Assert.Equal(TcpError.None, socket.Connect(Peer, ServerPort));
        Assert.Equal(TcpState.SynSent, socket.State);
        SentSegment syn = Single();
        Assert.True(syn.Syn && !syn.HasAck);
        OurIsn = syn.Seq;
        LocalPort = syn.SourcePort;
        RemotePort = ServerPort;
        PeerSeq = PeerIsn;
        Send(Tcp.Syn | Tcp.Ack, seq: PeerIsn, ack: OurIsn + 1, options: synAckOptions ?? DefaultSynOptions);
        PeerSeq = PeerIsn + 1;
        PeerAck = OurIsn + 1;
        SentSegment ack = Single();
        Assert.True(ack.IsPureAck, ack.ToString());
        Assert.Equal(PeerSeq, ack.Ack);
        Assert.Equal(TcpState.Established, socket.State);
        return socket;
    }

    public static byte[] Bytes(int count, int seed = 0)
    {
        var b = new byte[count];
        for (int i = 0; i < count; i++)
            b[i] = (byte)(i * 7 + seed);
        return b;
    }

    public static byte[] ReadAll(TcpSocket socket)
    {
        var all = new List<byte>();
        var chunk = new byte[4096];
        while (true)
        {
            int n = socket.Receive(chunk, out TcpError error);
            if (n <= 0) break;
            all.AddRange(chunk.AsSpan(0, n).ToArray());
        }
        return all.ToArray();
    }
}
