using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

// The failure paths of TCP sockets, with .NET's exception types, SocketError codes, errno values and messages.
public static class Program
{
    static string Port(int port, string text) => text.Replace(":" + port, ":PORT");

    static void Try(string label, int port, Action a)
    {
        try { a(); Console.WriteLine(label + ": ok"); }
        catch (SocketException e) { Console.WriteLine(label + ": SocketException " + e.SocketErrorCode + " " + e.ErrorCode + " " + e.NativeErrorCode + " '" + Port(port, e.Message) + "'"); }
        catch (Exception e) { Console.WriteLine(label + ": " + e.GetType().Name + " '" + e.Message.Replace("\n", " | ") + "'"); }
    }

    static Socket Tcp() => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public static int Main()
    {
        var listener = Tcp();
        Try("Accept before Bind", 0, () => listener.Accept());
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        int port = ((IPEndPoint)listener.LocalEndPoint).Port;
        Try("Accept before Listen", port, () => listener.Accept());
        Try("Bind twice", port, () => listener.Bind(new IPEndPoint(IPAddress.Loopback, 0)));
        listener.Listen();
        Try("Connect a listening socket", port, () => listener.Connect(IPAddress.Loopback, port));
        Try("Bind to a port in use", port, () => Tcp().Bind(new IPEndPoint(IPAddress.Loopback, port)));

        var unconnected = Tcp();
        Try("Send unconnected", port, () => unconnected.Send(new byte[1]));
        Try("Receive unconnected", port, () => unconnected.Receive(new byte[1]));
        int n = unconnected.Send(new byte[4], 0, 4, SocketFlags.None, out SocketError err);
        Console.WriteLine("Send unconnected with out SocketError: " + n + " " + err);
        Try("Send null buffer", port, () => unconnected.Send(null, 0, 0, SocketFlags.None));
        Try("Send bad offset", port, () => unconnected.Send(new byte[4], 5, 0, SocketFlags.None));
        Try("Send negative offset", port, () => unconnected.Send(new byte[4], -1, 0, SocketFlags.None));
        Try("Send bad size", port, () => unconnected.Send(new byte[4], 1, 4, SocketFlags.None));
        Try("Connect IPv6 address", port, () => unconnected.Connect(IPAddress.IPv6Loopback, port));
        Try("Connect bad port", port, () => unconnected.Connect(IPAddress.Loopback, 70000));
        Try("Connect null", port, () => unconnected.Connect((EndPoint)null));
        Try("Shutdown unconnected", port, () => unconnected.Shutdown(SocketShutdown.Both));
        Try("ReceiveTimeout -2", port, () => unconnected.ReceiveTimeout = -2);
        Try("Stream with Udp", port, () => new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Udp));

        // A connection, then Shutdown(Send) and a send after it; a receive timeout.
        var accepted = (Socket)null;
        var acceptor = new Thread(() => accepted = listener.Accept());
        acceptor.Start();
        var client = Tcp();
        client.Connect(IPAddress.Loopback, port);
        acceptor.Join();
        Try("Connect again", port, () => client.Connect(IPAddress.Loopback, port));
        client.ReceiveTimeout = 100;
        Console.WriteLine("ReceiveTimeout " + client.ReceiveTimeout);
        Try("Receive timeout", port, () => client.Receive(new byte[8]));
        Console.WriteLine("Connected after a timeout " + client.Connected);
        client.Shutdown(SocketShutdown.Send);
        Try("Send after Shutdown(Send)", port, () => client.Send(new byte[] { 1, 2, 3 }));
        Console.WriteLine("peer reads end of stream: " + accepted.Receive(new byte[8]));
        Try("Connect after shutdown", port, () => client.Connect(IPAddress.Loopback, port));
        accepted.Close();
        client.Close();

        // Closing and disposing.
        listener.Close();
        Try("Accept after Close", port, () => listener.Accept());
        Try("LocalEndPoint after Close", port, () => Console.WriteLine(listener.LocalEndPoint));
        Try("Available after Close", port, () => Console.WriteLine(listener.Available));
        Try("Poll after Close", port, () => listener.Poll(0, SelectMode.SelectRead));
        Try("Blocking after Close", port, () => Console.WriteLine(listener.Blocking));
        Try("Dispose twice", port, () => listener.Dispose());
        Try("Close(-2)", port, () => Tcp().Close(-2));

        var refused = Tcp();
        Try("Connect to a closed port", port, () => refused.Connect(new IPEndPoint(IPAddress.Loopback, port)));
        Console.WriteLine("after refusal: Connected " + refused.Connected + " IsBound " + refused.IsBound);
        Try("Connect to a closed port by name", port, () => Tcp().Connect("localhost", port));
        // TcpClient's own socket is dual-mode IPv6 on CoreCLR here, so its message names [::ffff:127.0.0.1]: print the code only.
        try { new TcpClient("127.0.0.1", port).Dispose(); }
        catch (SocketException e) { Console.WriteLine("TcpClient to a closed port: " + e.SocketErrorCode + " " + e.ErrorCode); }
        Try("TcpListener AcceptSocket before Start", port, () => new TcpListener(IPAddress.Loopback, 0).AcceptSocket());
        Try("TcpListener Start(-1)", port, () => new TcpListener(IPAddress.Loopback, 0).Start(-1));
        Try("TcpClient GetStream unconnected", port, () => new TcpClient().GetStream());
        var tc = new TcpClient();
        tc.Dispose();
        Try("TcpClient after Dispose", port, () => tc.Connect(IPAddress.Loopback, port));
        Console.WriteLine("disposed TcpClient: Client null " + (tc.Client == null) + " Connected " + tc.Connected + " Available " + tc.Available);
        Try("Listen on an unbound socket", port, () => { var s = Tcp(); s.Listen(); Console.WriteLine("IsBound " + s.IsBound + " LocalEndPoint null " + (s.LocalEndPoint == null)); s.Close(); });
        return 0;
    }
}
