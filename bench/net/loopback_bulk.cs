// Bulk TCP throughput over 127.0.0.1: one thread writes 1 GiB in 64 KiB writes, another reads it.
// Runs unchanged on CoreCLR (the kernel's loopback) and on Testbed (the library OS's in-image
// loopback, docs/net-tcp.md "Loopback"). Neither runtime's clock is shared by both core libraries, so
// the program prints only what it moved; time it from outside:
//   ./testbed build bench/net/loopback_bulk.cs --target linux -o /tmp/lb && time /tmp/lb
//   dotnet run bench/net/loopback_bulk.cs        (time the second run: the first one builds)
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

public static class Program
{
    const long Total = 1L << 30;
    const int Chunk = 64 * 1024;

    public static int Main()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(1);
        int port = ((IPEndPoint)listener.LocalEndPoint).Port;

        long received = 0;
        ulong sum = 0;
        var reader = new Thread(() =>
        {
            Socket peer = listener.Accept();
            var buffer = new byte[Chunk];
            int n;
            while ((n = peer.Receive(buffer)) > 0)
            {
                received += n;
                sum += buffer[0] + (ulong)buffer[n - 1];
            }
            peer.Dispose();
        });
        reader.Start();

        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        client.Connect(new IPEndPoint(IPAddress.Loopback, port));
        var data = new byte[Chunk];
        for (int i = 0; i < data.Length; i++)
            data[i] = (byte)(i * 31 + 7);
        long sent = 0;
        while (sent < Total)
        {
            int n = client.Send(data);
            sent += n;
        }
        client.Shutdown(SocketShutdown.Send);
        reader.Join();
        client.Dispose();
        listener.Dispose();
        Console.WriteLine("bytes=" + received + " sum=" + sum);
        return received == Total ? 0 : 1;
    }
}
