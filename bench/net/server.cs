// The server side of bench/net (bench/net/README.md): plain System.Net.Sockets, so the same source runs
// on Testbed (its own TCP/IP stack, on the Linux target through a tap) and on CoreCLR (the kernel's
// stack, the baseline). Listeners on TCP port 5001 (default socket buffers) and 5002 (1 MiB send and
// receive buffers, set on the listener, which its connections inherit: an experiment on whether the
// buffers limit a bulk transfer); the first byte a client sends chooses what the connection does:
//   'U'  upload: the server reads until EOF, then answers the byte count (8 bytes, little-endian)
//   'D'  download: the server sends 64 KiB writes until the peer goes away
//   'P'  ping-pong: then 4 bytes (response size S, LE) and 1 byte (1: NoDelay on the server's socket);
//        each 1-byte request is answered with S bytes, one Send each, until EOF
//   'L'  loopback: then 4 bytes (milliseconds), 4 bytes (write size): the server runs an upload to
//        itself over 127.0.0.1 for that long (in-image loopback on Testbed, the kernel's lo on CoreCLR)
//        with its own clock and answers "bytes=N ns=T" (a text line)
//   'S'  stats: a text line of the runtime's counters (Testbed: the stack's; CoreCLR: none)
//   'Q'  quit: answers "bye" and ends the program
// Connections are served on their own threads. The runtime-specific part (clock, counters) is in
// platform.testbed.cs / platform.coreclr.cs, which measure.sh appends to this file: the core library
// of Testbed has no Stopwatch, and the args of Main are not passed, hence no command line here.
using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

public static partial class Program
{
    const int Port = 5001;
    const int LargeBufferPort = 5002;
    const int LargeBuffer = 1024 * 1024;
    const int BulkChunk = 64 * 1024;

    static int s_connections;

    public static int Main()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Bind(new IPEndPoint(IPAddress.Any, Port));
        listener.Listen(16);
        var large = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        large.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        large.SendBufferSize = LargeBuffer;
        large.ReceiveBufferSize = LargeBuffer;
        large.Bind(new IPEndPoint(IPAddress.Any, LargeBufferPort));
        large.Listen(16);
        var second = new Thread(() => AcceptLoop(large, false));
        second.IsBackground = true;
        second.Start();
        Console.WriteLine("netbench server on tcp " + Port.ToString() + " and " + LargeBufferPort.ToString() + " (" + RuntimeName() + ")");
        AcceptLoop(listener, true);
        listener.Dispose();
        Console.WriteLine("netbench server: " + s_connections.ToString() + " connections, " + Stats());
        return 0;
    }

    /// <summary>Accepts and dispatches connections; returns when a client sends 'Q' (if <paramref name="mayQuit"/>).</summary>
    static void AcceptLoop(Socket listener, bool mayQuit)
    {
        byte[] command = new byte[1];
        while (true)
        {
            Socket connection = listener.Accept();
            s_connections++;
            if (!ReceiveExactly(connection, command, 1))
            {
                connection.Dispose();
                continue;
            }
            if (command[0] == (byte)'Q' && mayQuit)
            {
                SendText(connection, "bye");
                connection.Shutdown(SocketShutdown.Send);
                connection.Dispose();
                break;
            }
            byte kind = command[0];
            var thread = new Thread(() => Serve(connection, kind));
            thread.IsBackground = true;
            thread.Start();
        }
    }

    static void Serve(Socket connection, byte kind)
    {
        try
        {
            if (kind == (byte)'U') Sink(connection);
            else if (kind == (byte)'D') Source(connection);
            else if (kind == (byte)'P') PingPong(connection);
            else if (kind == (byte)'L') Loopback(connection);
            else if (kind == (byte)'S') SendText(connection, Stats());
        }
        catch (SocketException)
        {
            // The peer went away (a download ends so); nothing to report.
        }
        connection.Dispose();
    }

    static long Sink(Socket connection)
    {
        byte[] buffer = new byte[BulkChunk];
        long total = 0;
        int n;
        while ((n = connection.Receive(buffer)) > 0)
            total += n;
        byte[] count = new byte[8];
        for (int i = 0; i < 8; i++)
            count[i] = (byte)(total >> (8 * i));
        connection.Send(count);
        connection.Shutdown(SocketShutdown.Send);
        return total;
    }

    static void Source(Socket connection)
    {
        byte[] buffer = new byte[BulkChunk];
        for (int i = 0; i < buffer.Length; i++)
            buffer[i] = (byte)(i * 31 + 7);
        while (connection.Send(buffer) > 0)
        {
        }
    }

    static void PingPong(Socket connection)
    {
        byte[] header = new byte[5];
        if (!ReceiveExactly(connection, header, 5))
            return;
        int size = header[0] | (header[1] << 8) | (header[2] << 16) | (header[3] << 24);
        if (size < 1 || size > 16 * 1024 * 1024)
            return;
        connection.NoDelay = header[4] != 0;
        byte[] response = new byte[size];
        for (int i = 0; i < size; i++)
            response[i] = (byte)i;
        byte[] request = new byte[1];
        while (connection.Receive(request) > 0)
        {
            int sent = 0;
            while (sent < size)
                sent += connection.Send(response, sent, size - sent, SocketFlags.None);
        }
    }

    static void Loopback(Socket control)
    {
        byte[] header = new byte[8];
        if (!ReceiveExactly(control, header, 8))
            return;
        long milliseconds = header[0] | (header[1] << 8) | (header[2] << 16) | (header[3] << 24);
        int chunk = header[4] | (header[5] << 8) | (header[6] << 16) | (header[7] << 24);
        if (chunk < 1 || chunk > 1024 * 1024)
            chunk = BulkChunk;
        byte[] data = new byte[chunk];
        for (int i = 0; i < chunk; i++)
            data[i] = (byte)(i * 31 + 7);
        var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        long start = NowNanoseconds();
        client.Connect(new IPEndPoint(IPAddress.Loopback, Port));
        client.Send(new byte[] { (byte)'U' });
        long stop = start + milliseconds * 1000000L;
        long sent = 0;
        while (NowNanoseconds() < stop)
            sent += client.Send(data);
        client.Shutdown(SocketShutdown.Send);
        byte[] count = new byte[8];
        ReceiveExactly(client, count, 8);
        long end = NowNanoseconds();
        client.Dispose();
        long received = 0;
        for (int i = 0; i < 8; i++)
            received |= (long)count[i] << (8 * i);
        SendText(control, "bytes=" + received.ToString() + " sent=" + sent.ToString() + " ns=" + (end - start).ToString());
    }

    static bool ReceiveExactly(Socket connection, byte[] buffer, int count)
    {
        int got = 0;
        while (got < count)
        {
            int n = connection.Receive(buffer, got, count - got, SocketFlags.None);
            if (n <= 0)
                return false;
            got += n;
        }
        return true;
    }

    static void SendText(Socket connection, string text)
    {
        byte[] bytes = new byte[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
            bytes[i] = (byte)text[i];
        bytes[text.Length] = (byte)'\n';
        int sent = 0;
        while (sent < bytes.Length)
            sent += connection.Send(bytes, sent, bytes.Length - sent, SocketFlags.None);
    }
}
