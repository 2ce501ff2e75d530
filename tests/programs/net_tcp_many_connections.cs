using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;

// 50 sequential connections, then 20 client threads at once against one accept loop; each client sends its
// number and reads back the square.
public static class Program
{
    static int Exchange(int port, int n)
    {
        using var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        s.Connect(new IPEndPoint(IPAddress.Loopback, port));
        s.Send(BitConverter.GetBytes(n));
        var buffer = new byte[4];
        int got = 0;
        while (got < 4)
        {
            int r = s.Receive(buffer, got, 4 - got, SocketFlags.None);
            if (r == 0) throw new Exception("early end");
            got += r;
        }
        return BitConverter.ToInt32(buffer, 0);
    }

    static void Serve(Socket listener, int count)
    {
        for (int i = 0; i < count; i++)
        {
            Socket conn = listener.Accept();
            var buffer = new byte[4];
            int got = 0;
            while (got < 4) got += conn.Receive(buffer, got, 4 - got, SocketFlags.None);
            int n = BitConverter.ToInt32(buffer, 0);
            conn.Send(BitConverter.GetBytes(n * n));
            conn.Shutdown(SocketShutdown.Both);
            conn.Dispose();
        }
    }

    public static int Main()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(100);
        int port = ((IPEndPoint)listener.LocalEndPoint).Port;

        var server = new Thread(() => Serve(listener, 50));
        server.Start();
        long sum = 0;
        for (int i = 0; i < 50; i++) sum += Exchange(port, i);
        server.Join();
        Console.WriteLine("sequential: 50 connections, sum of squares " + sum);

        const int Clients = 20;
        var results = new int[Clients];
        server = new Thread(() => Serve(listener, Clients));
        server.Start();
        var threads = new List<Thread>();
        for (int i = 0; i < Clients; i++)
        {
            int k = i;
            var t = new Thread(() => results[k] = Exchange(port, k + 100));
            threads.Add(t);
            t.Start();
        }
        foreach (var t in threads) t.Join();
        server.Join();
        bool allRight = true;
        long concurrent = 0;
        for (int i = 0; i < Clients; i++)
        {
            concurrent += results[i];
            if (results[i] != (i + 100) * (i + 100)) allRight = false;
        }
        Console.WriteLine("concurrent: " + Clients + " clients, all right " + allRight + ", sum " + concurrent);
        listener.Close();
        return (int)((sum + concurrent) % 200);
    }
}
