using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;

// Non-blocking sockets: WouldBlock from Accept, Receive and Connect; Poll; Select keeping only the ready sockets.
public static class Program
{
    public static int Main()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(8);
        int port = ((IPEndPoint)listener.LocalEndPoint).Port;
        listener.Blocking = false;
        Console.WriteLine("Blocking " + listener.Blocking);
        try { listener.Accept(); }
        catch (SocketException e) { Console.WriteLine("Accept: " + e.SocketErrorCode + " " + e.ErrorCode + " '" + e.Message + "'"); }
        Console.WriteLine("Poll read, nothing pending: " + listener.Poll(0, SelectMode.SelectRead));
        Console.WriteLine("Poll read with a 20 ms timeout: " + listener.Poll(20000, SelectMode.SelectRead));

        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Blocking = false;
        try { client.Connect(IPAddress.Loopback, port); Console.WriteLine("connected at once"); }
        catch (SocketException e) { Console.WriteLine("Connect: " + e.SocketErrorCode + " '" + e.Message.Replace(":" + port, ":PORT") + "'"); }
        Console.WriteLine("Poll write (connect completes): " + client.Poll(1000000, SelectMode.SelectWrite));
        Console.WriteLine("Connected " + client.Connected);
        Console.WriteLine("listener readable: " + listener.Poll(1000000, SelectMode.SelectRead));
        Socket server = listener.Accept();
        Console.WriteLine("accepted, Blocking inherited " + server.Blocking);

        var buffer = new byte[16];
        try { server.Receive(buffer); }
        catch (SocketException e) { Console.WriteLine("Receive: " + e.SocketErrorCode + " '" + e.Message + "'"); }
        int n = server.Receive(buffer, 0, buffer.Length, SocketFlags.None, out SocketError error);
        Console.WriteLine("Receive with out SocketError: " + n + " " + error + " Connected " + server.Connected);

        var readList = new List<Socket> { server, listener };
        var writeList = new List<Socket> { client };
        Socket.Select(readList, writeList, null, 0);
        Console.WriteLine("Select now: read " + readList.Count + " write " + writeList.Count + " write is client " + (writeList.Count == 1 && writeList[0] == client));

        client.Send(new byte[] { 7, 8, 9 });
        readList = new List<Socket> { listener, server };
        Socket.Select(readList, null, null, 1000000);
        Console.WriteLine("Select after send: read " + readList.Count + " is server " + (readList.Count == 1 && readList[0] == server));
        Console.WriteLine("Available " + server.Available);
        Console.WriteLine("received " + server.Receive(buffer));

        readList = new List<Socket> { server };
        Socket.Select(readList, null, null, 30000);
        Console.WriteLine("Select timeout: read " + readList.Count);

        client.Shutdown(SocketShutdown.Send);
        Console.WriteLine("readable at end of stream: " + server.Poll(1000000, SelectMode.SelectRead) + " receive " + server.Receive(buffer));

        try { Socket.Select(null, new List<Socket>(), null, 0); }
        catch (ArgumentNullException e) { Console.WriteLine("empty Select: " + e.Message); }

        server.Close(); client.Close(); listener.Close();
        return 0;
    }
}
