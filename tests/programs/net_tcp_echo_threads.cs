using System;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

// A listener on 127.0.0.1 port 0, an echo server thread, a client that sends several messages, half-closes
// with Shutdown(Send) and reads the echo to the end of the stream.
public static class Program
{
    static int ReceiveExactly(Socket s, byte[] buffer, int count)
    {
        int total = 0;
        while (total < count)
        {
            int n = s.Receive(buffer, total, count - total, SocketFlags.None);
            if (n == 0) break;
            total += n;
        }
        return total;
    }

    public static int Main()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(4);
        var local = (IPEndPoint)listener.LocalEndPoint;
        Console.WriteLine("listening on " + local.Address + " port>0 " + (local.Port > 0) + " bound " + listener.IsBound);

        int serverBytes = 0;
        // The server's lines are printed after Join: two threads writing to the console interleave differently on every runtime.
        var serverLog = new System.Collections.Generic.List<string>();
        var server = new Thread(() =>
        {
            Socket conn = listener.Accept();
            serverLog.Add("server: accepted, connected " + conn.Connected + " remote is loopback " + ((IPEndPoint)conn.RemoteEndPoint).Address.Equals(IPAddress.Loopback));
            var buffer = new byte[64];
            int n;
            while ((n = conn.Receive(buffer)) > 0)
            {
                serverBytes += n;
                conn.Send(buffer, 0, n, SocketFlags.None);
            }
            serverLog.Add("server: peer finished after " + serverBytes + " bytes");
            conn.Shutdown(SocketShutdown.Send);
            conn.Close();
        });
        server.Start();

        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(IPAddress.Loopback, local.Port);
        Console.WriteLine("client: connected " + client.Connected + " remote " + client.RemoteEndPoint.Equals(new IPEndPoint(IPAddress.Loopback, local.Port)));
        client.NoDelay = true;
        Console.WriteLine("client: NoDelay " + client.NoDelay);

        string[] messages = { "hello", "world", "a somewhat longer message to echo back", "", "last" };
        var reply = new byte[128];
        int checksum = 0;
        foreach (string m in messages)
        {
            byte[] data = Encoding.UTF8.GetBytes(m);
            int sent = client.Send(data);
            int got = ReceiveExactly(client, reply, data.Length);
            string back = Encoding.UTF8.GetString(reply, 0, got);
            Console.WriteLine("echo [" + back + "] " + sent + "/" + got + " " + (back == m));
            foreach (byte b in data) checksum = (checksum * 31 + b) & 0xFFFF;
        }
        ReadOnlySpan<byte> span = Encoding.ASCII.GetBytes("span!");
        client.Send(span);
        Span<byte> into = stackalloc byte[5];
        int spanGot = 0;
        while (spanGot < 5) spanGot += client.Receive(into.Slice(spanGot));
        Console.WriteLine("span echo " + Encoding.ASCII.GetString(into.ToArray()));

        client.Shutdown(SocketShutdown.Send);
        Console.WriteLine("client: after Shutdown(Send) Connected " + client.Connected);
        int tail = client.Receive(reply);
        Console.WriteLine("client: read to end -> " + tail);
        server.Join();
        foreach (string line in serverLog) Console.WriteLine(line);
        client.Close();
        listener.Close();
        Console.WriteLine("checksum " + checksum + " server bytes " + serverBytes);
        return checksum & 0x7F;
    }
}
