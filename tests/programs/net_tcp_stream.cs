using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

// TcpListener/TcpClient/NetworkStream: a 1 MB transfer in uneven writes with a checksum both ways,
// ReadByte/WriteByte, the stream's properties and failures.
public static class Program
{
    const int Size = 1 << 20;

    static uint Adler(byte[] data, int count, uint state)
    {
        uint a = state & 0xFFFF, b = state >> 16;
        for (int i = 0; i < count; i++)
        {
            a = (a + data[i]) % 65521;
            b = (b + a) % 65521;
        }
        return b << 16 | a;
    }

    public static int Main()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        Console.WriteLine("LocalEndpoint before Start " + listener.LocalEndpoint);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        Console.WriteLine("Pending before connect " + listener.Pending());

        uint received = 1;
        long receivedBytes = 0;
        var reader = new Thread(() =>
        {
            using TcpClient peer = listener.AcceptTcpClient();
            NetworkStream stream = peer.GetStream();
            var buffer = new byte[7000];
            int n;
            while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
            {
                received = Adler(buffer, n, received);
                receivedBytes += n;
            }
            stream.WriteByte(42);
            stream.Write(BitConverter.GetBytes(received), 0, 4);
        });
        reader.Start();

        using var client = new TcpClient();
        client.Connect(IPAddress.Loopback, port);
        client.NoDelay = true;
        NetworkStream s = client.GetStream();
        Console.WriteLine("CanRead " + s.CanRead + " CanWrite " + s.CanWrite + " CanSeek " + s.CanSeek + " CanTimeout " + s.CanTimeout + " ReadTimeout " + s.ReadTimeout);
        try { Console.WriteLine(s.Length); } catch (NotSupportedException e) { Console.WriteLine("Length: " + e.Message); }
        try { s.Position = 0; } catch (NotSupportedException e) { Console.WriteLine("Position: " + e.Message); }
        try { s.Seek(0, SeekOrigin.Begin); } catch (NotSupportedException e) { Console.WriteLine("Seek: " + e.Message); }
        try { s.ReadTimeout = 0; } catch (ArgumentOutOfRangeException e) { Console.WriteLine("ReadTimeout = 0: " + e.Message); }

        var data = new byte[Size];
        uint seed = 12345;
        for (int i = 0; i < Size; i++)
        {
            seed = seed * 1103515245 + 12345;
            data[i] = (byte)(seed >> 16);
        }
        uint sent = Adler(data, Size, 1);
        int offset = 0, chunk = 1;
        while (offset < Size)
        {
            int count = Math.Min(chunk, Size - offset);
            if (chunk % 2 == 0) s.Write(data, offset, count);
            else s.Write(new ReadOnlySpan<byte>(data, offset, count));
            offset += count;
            chunk = chunk * 3 + 1;
            if (chunk > 100000) chunk = 7;
        }
        client.Client.Shutdown(SocketShutdown.Send);
        int marker = s.ReadByte();
        var echo = new byte[4];
        s.ReadExactly(echo, 0, 4);
        uint peerSum = BitConverter.ToUInt32(echo, 0);
        Console.WriteLine("marker " + marker + " checksum " + sent.ToString("x8") + " peer " + peerSum.ToString("x8") + " equal " + (sent == peerSum));
        Console.WriteLine("end of stream " + s.ReadByte());
        reader.Join();
        Console.WriteLine("peer received " + receivedBytes + " bytes");

        s.Dispose();
        try { s.Read(new byte[1], 0, 1); }
        catch (ObjectDisposedException e) { Console.WriteLine(e.Message.Replace("\n", " | ")); }
        Console.WriteLine("after stream Dispose: CanRead " + s.CanRead);
        listener.Stop();
        try { listener.AcceptTcpClient(); }
        catch (InvalidOperationException e) { Console.WriteLine("Accept after Stop: " + e.Message); }

        // A read failure wraps the SocketException.
        var l2 = new TcpListener(IPAddress.Loopback, 0);
        l2.Start();
        using var c2 = new TcpClient("127.0.0.1", ((IPEndPoint)l2.LocalEndpoint).Port);
        using var p2 = l2.AcceptTcpClient();
        NetworkStream s2 = c2.GetStream();
        s2.ReadTimeout = 50;
        Console.WriteLine("ReadTimeout " + s2.ReadTimeout + " client ReceiveTimeout " + c2.ReceiveTimeout);
        try { s2.Read(new byte[4], 0, 4); }
        catch (IOException e) { Console.WriteLine("IOException: " + e.Message + " inner " + ((SocketException)e.InnerException).SocketErrorCode); }
        try { s2.Read(new Span<byte>(new byte[4])); }
        catch (IOException e) { Console.WriteLine("IOException (span): " + e.Message); }
        l2.Stop();
        return (int)(sent & 0x7F);
    }
}
