using System;
using System.Net;
using System.Net.Sockets;
using System.Text;

// UDP over loopback: Socket SendTo/ReceiveFrom with the sender's endpoint, UdpClient send/receive, connected
// UdpClient, a truncated datagram, the errors.
public static class Program
{
    public static int Main()
    {
        var a = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        var b = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        try { EndPoint none = new IPEndPoint(IPAddress.Any, 0); a.ReceiveFrom(new byte[4], ref none); }
        catch (InvalidOperationException e) { Console.WriteLine("ReceiveFrom unbound: " + e.Message); }
        a.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        b.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var aEP = (IPEndPoint)a.LocalEndPoint;
        var bEP = (IPEndPoint)b.LocalEndPoint;
        Console.WriteLine("bound " + aEP.Address + " " + bEP.Address + " distinct ports " + (aEP.Port != bEP.Port));

        int sent = a.SendTo(Encoding.ASCII.GetBytes("ping"), bEP);
        var buffer = new byte[100];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        EndPoint original = from;
        Console.WriteLine("Available before receive " + (b.Available > 0));
        int got = b.ReceiveFrom(buffer, ref from);
        Console.WriteLine("received " + got + "/" + sent + " '" + Encoding.ASCII.GetString(buffer, 0, got) + "' from sender " + from.Equals(aEP) + " replaced " + !ReferenceEquals(from, original));

        b.SendTo(Encoding.ASCII.GetBytes("pong!"), 0, 5, SocketFlags.None, from);
        EndPoint from2 = new IPEndPoint(IPAddress.Any, 0);
        Span<byte> span = stackalloc byte[16];
        got = a.ReceiveFrom(span, ref from2);
        Console.WriteLine("span received " + got + " '" + Encoding.ASCII.GetString(span.Slice(0, got).ToArray()) + "' from " + from2.Equals(bEP));

        // Datagram boundaries are kept.
        for (int i = 1; i <= 3; i++) a.SendTo(new byte[i * 10], bEP);
        for (int i = 1; i <= 3; i++) Console.WriteLine("datagram " + b.ReceiveFrom(buffer, ref from));

        // A datagram larger than the buffer: on Linux, .NET's synchronous ReceiveFrom returns what fits, no error.
        a.SendTo(new byte[50], bEP);
        EndPoint truncFrom = new IPEndPoint(IPAddress.Any, 0);
        try { Console.WriteLine("truncated: " + b.ReceiveFrom(new byte[10], ref truncFrom) + " from " + truncFrom.Equals(aEP)); }
        catch (SocketException e) { Console.WriteLine("truncated: " + e.SocketErrorCode + " " + e.ErrorCode + " '" + e.Message + "' from " + truncFrom.Equals(aEP)); }
        a.SendTo(new byte[] { 5 }, bEP);
        Console.WriteLine("next datagram " + b.ReceiveFrom(buffer, ref from) + " byte " + buffer[0]);

        b.ReceiveTimeout = 50;
        try { b.ReceiveFrom(buffer, ref from); }
        catch (SocketException e) { Console.WriteLine("timeout: " + e.SocketErrorCode + " '" + e.Message + "'"); }

        // UdpClient.
        var server = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var serverEP = (IPEndPoint)server.Client.LocalEndPoint;
        var client = new UdpClient();
        int n = client.Send(new byte[] { 1, 2, 3, 4, 5 }, 5, serverEP);
        IPEndPoint remote = null;
        byte[] data = server.Receive(ref remote);
        Console.WriteLine("UdpClient: sent " + n + " received " + string.Join(",", data) + " sender port is the client's " + (remote.Port == ((IPEndPoint)client.Client.LocalEndPoint).Port)
            + " client bound to " + ((IPEndPoint)client.Client.LocalEndPoint).Address);
        server.Send(new byte[] { 9, 8 }, 2, remote);
        IPEndPoint back = null;
        Console.WriteLine("UdpClient reply " + string.Join(",", client.Receive(ref back)) + " from server " + back.Equals(serverEP));

        try { client.Send(new byte[1], 1); }
        catch (InvalidOperationException e) { Console.WriteLine("unconnected Send: " + e.Message); }
        var connected = new UdpClient();
        connected.Connect(serverEP);
        connected.Send(Encoding.ASCII.GetBytes("connected"), 9);
        data = server.Receive(ref remote);
        Console.WriteLine("connected UdpClient: " + Encoding.ASCII.GetString(data));
        try { connected.Send(new byte[1], 1, serverEP); }
        catch (InvalidOperationException e) { Console.WriteLine("Send to an endpoint while connected: " + e.Message); }
        connected.Close();
        try { connected.Send(new byte[1], 1); }
        catch (ObjectDisposedException e) { Console.WriteLine(e.Message.Replace("\n", " | ")); }
        Console.WriteLine("Client after Close null " + (connected.Client == null));

        try { new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp).Listen(); }
        catch (SocketException e) { Console.WriteLine("Listen on UDP: " + e.SocketErrorCode + " '" + e.Message + "'"); }
        try { EndPoint v6 = new IPEndPoint(IPAddress.IPv6Any, 0); a.ReceiveFrom(buffer, ref v6); }
        catch (ArgumentException e) { Console.WriteLine(e.Message); }

        a.Close(); b.Close(); server.Close(); client.Close();
        return 0;
    }
}
