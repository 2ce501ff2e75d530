using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Devices;
using Testbed.LibOS.Net.Tcp;
using Testbed.LibOS.Time;

// The interop tests' guest (tests/Testbed.Tests/Platform/NetInteropTests.cs), System.Net.Sockets over the
// library OS's stack on the platform's NIC (`testbed run --net tap`):
//   tcp 5001  sink: reads to EOF, answers "<bytes> <sha256>\n"
//   tcp 5002  source: reads "<bytes>\n", sends that many pseudo-random bytes, then "<sha256>\n" of them
//   tcp 7     echo, one thread per connection (the 1,000-connection test); udp 7 echo
//   tcp 5000  control, one line per command, one line per answer:
//             "counters" -> "name=value ..." (NetCounters, TcpCounters, this program's own)
//             "connect A.B.C.D PORT BYTES" -> the guest as a client: sends BYTES pseudo-random bytes,
//                 shuts down its sending side, reads to EOF; answers
//                 "client sent <n> <sha256> received <n> <sha256> ms <sending> <receiving>"
//             "quit" -> "bye", and the program prints its counters and ends.
static class Program
{
    static int s_live, s_maxLive, s_echoConnections, s_sinkConnections, s_sourceConnections, s_udpEchoed;
    static long s_echoBytes;

    static int Main()
    {
        Serve(5001, 64, Sink);
        Serve(5002, 64, Source);
        Serve(7, 2048, Echo);
        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Any, 7));
        var udpThread = new Thread(() => UdpEcho(udp));
        udpThread.IsBackground = true;
        udpThread.Start();

        var control = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        control.Bind(new IPEndPoint(IPAddress.Any, 5000));
        control.Listen(8);
        Console.WriteLine("interop on tcp 5000 5001 5002 7, udp 7, " + NetworkDevices.Describe());
        bool quit = false;
        while (!quit)
        {
            Socket c = control.Accept();
            string line;
            while (!quit && (line = ReadLine(c)) != null)
            {
                string answer = Command(line, out quit);
                SendAll(c, System.Text.Encoding.ASCII.GetBytes(answer + "\n"));
            }
            c.Shutdown(SocketShutdown.Send);
            // Wait for the peer's close, so that closing does not reset the answer away.
            var rest = new byte[256];
            while (c.Receive(rest) > 0) { }
            c.Close();
        }
        Console.WriteLine(Counters());
        if (FaultInjector.Installed != null)
            Console.WriteLine(FaultInjector.Installed.Describe());
        return 0;
    }

    static string Command(string line, out bool quit)
    {
        quit = false;
        string[] words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 1 && words[0] == "counters")
            return Counters();
        if (words.Length == 1 && words[0] == "quit")
        {
            quit = true;
            return "bye";
        }
        if (words.Length == 4 && words[0] == "connect")
        {
            try
            {
                return Client(IPAddress.Parse(words[1]), int.Parse(words[2]), long.Parse(words[3]));
            }
            catch (SocketException e)
            {
                return "client failed: " + e.Message;
            }
        }
        return "unknown command: " + line;
    }

    static void Serve(int port, int backlog, Action<Socket> handler)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Any, port));
        listener.Listen(backlog);
        var accepting = new Thread(() =>
        {
            while (true)
            {
                Socket connection = listener.Accept();
                var serving = new Thread(() =>
                {
                    s_live++;
                    if (s_live > s_maxLive) s_maxLive = s_live;
                    try
                    {
                        handler(connection);
                    }
                    catch (SocketException e)
                    {
                        Console.WriteLine("port " + port.ToString() + ": " + e.Message);
                    }
                    s_live--;
                    connection.Close();
                });
                serving.IsBackground = true;
                serving.Start();
            }
        });
        accepting.IsBackground = true;
        accepting.Start();
    }

    static void Echo(Socket connection)
    {
        s_echoConnections++;
        byte[] buffer = new byte[4096];
        int n;
        while ((n = connection.Receive(buffer)) > 0)
        {
            SendAll(connection, buffer, n);
            s_echoBytes += n;
        }
    }

    static void Sink(Socket connection)
    {
        s_sinkConnections++;
        var sha = new Sha256();
        byte[] buffer = new byte[65536];
        int n;
        while ((n = connection.Receive(buffer)) > 0)
            sha.Update(buffer, 0, n);
        string digest = sha.Finish();
        SendAll(connection, System.Text.Encoding.ASCII.GetBytes(sha.Length.ToString() + " " + digest + "\n"));
        connection.Shutdown(SocketShutdown.Send);
        while (connection.Receive(buffer) > 0) { }
    }

    static void Source(Socket connection)
    {
        s_sourceConnections++;
        string request = ReadLine(connection);
        long count = long.Parse(request);
        var sha = new Sha256();
        SendGenerated(connection, count, (ulong)count * 0x9E3779B97F4A7C15UL + 1, sha);
        SendAll(connection, System.Text.Encoding.ASCII.GetBytes(sha.Finish() + "\n"));
        connection.Shutdown(SocketShutdown.Send);
        byte[] rest = new byte[256];
        while (connection.Receive(rest) > 0) { }
    }

    static string Client(IPAddress address, int port, long count)
    {
        var s = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            s.Connect(new IPEndPoint(address, port));
            ulong started = Clock.Milliseconds;
            var sent = new Sha256();
            SendGenerated(s, count, (ulong)count ^ 0x5DEECE66DUL, sent);
            s.Shutdown(SocketShutdown.Send);
            ulong sending = Clock.Milliseconds - started;
            started = Clock.Milliseconds;
            var received = new Sha256();
            byte[] buffer = new byte[65536];
            int n;
            while ((n = s.Receive(buffer)) > 0)
                received.Update(buffer, 0, n);
            ulong receiving = Clock.Milliseconds - started;
            return "client sent " + sent.Length.ToString() + " " + sent.Finish() + " received " + received.Length.ToString() + " "
                + received.Finish() + " ms " + sending.ToString() + " " + receiving.ToString();
        }
        finally
        {
            s.Close();
        }
    }

    /// <summary>Sends <paramref name="count"/> bytes of xorshift64 output, hashing them as they go.</summary>
    static void SendGenerated(Socket s, long count, ulong state, Sha256 sha)
    {
        byte[] buffer = new byte[65536];
        while (count > 0)
        {
            for (int i = 0; i < buffer.Length; i += 8)
            {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                ulong v = state;
                buffer[i] = (byte)v; buffer[i + 1] = (byte)(v >> 8); buffer[i + 2] = (byte)(v >> 16); buffer[i + 3] = (byte)(v >> 24);
                buffer[i + 4] = (byte)(v >> 32); buffer[i + 5] = (byte)(v >> 40); buffer[i + 6] = (byte)(v >> 48); buffer[i + 7] = (byte)(v >> 56);
            }
            int n = count < buffer.Length ? (int)count : buffer.Length;
            sha.Update(buffer, 0, n);
            SendAll(s, buffer, n);
            count -= n;
        }
    }

    static void UdpEcho(Socket udp)
    {
        byte[] buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        while (true)
        {
            int n = udp.ReceiveFrom(buffer, ref from);
            udp.SendTo(buffer, 0, n, SocketFlags.None, from);
            s_udpEchoed++;
        }
    }

    static void SendAll(Socket s, byte[] data) => SendAll(s, data, data.Length);

    static void SendAll(Socket s, byte[] data, int count)
    {
        int sent = 0;
        while (sent < count)
            sent += s.Send(data, sent, count - sent, SocketFlags.None);
    }

    /// <summary>A line without its '\n' (at most 255 bytes), or null at EOF.</summary>
    static string ReadLine(Socket s)
    {
        var line = new byte[256];
        int length = 0;
        while (length < line.Length)
        {
            if (s.Receive(line, length, 1, SocketFlags.None) == 0)
                return null;
            if (line[length] == (byte)'\n')
                return System.Text.Encoding.ASCII.GetString(line, 0, length);
            length++;
        }
        return System.Text.Encoding.ASCII.GetString(line, 0, length);
    }

    static string Counters()
    {
        var text = new System.Text.StringBuilder();
        void Add(string name, long value)
        {
            if (text.Length > 0) text.Append(' ');
            text.Append(name).Append('=').Append(value.ToString());
        }
        Add("FramesReceived", NetCounters.FramesReceived);
        Add("FramesSent", NetCounters.FramesSent);
        Add("DroppedShortFrame", NetCounters.DroppedShortFrame);
        Add("DroppedUnknownEtherType", NetCounters.DroppedUnknownEtherType);
        Add("DroppedNotForUs", NetCounters.DroppedNotForUs);
        Add("DroppedArpMalformed", NetCounters.DroppedArpMalformed);
        Add("DroppedArpQueueFull", NetCounters.DroppedArpQueueFull);
        Add("DroppedArpUnresolved", NetCounters.DroppedArpUnresolved);
        Add("DroppedIpMalformed", NetCounters.DroppedIpMalformed);
        Add("DroppedIpChecksum", NetCounters.DroppedIpChecksum);
        Add("DroppedIpFragment", NetCounters.DroppedIpFragment);
        Add("DroppedIpUnknownProtocol", NetCounters.DroppedIpUnknownProtocol);
        Add("DroppedIcmpMalformed", NetCounters.DroppedIcmpMalformed);
        Add("DroppedUdpMalformed", NetCounters.DroppedUdpMalformed);
        Add("DroppedUdpNoSocket", NetCounters.DroppedUdpNoSocket);
        Add("DroppedUdpQueueFull", NetCounters.DroppedUdpQueueFull);
        Add("DroppedTcpMalformed", NetCounters.DroppedTcpMalformed);
        Add("DroppedTcpChecksum", NetCounters.DroppedTcpChecksum);
        Add("DroppedTcpNoSocket", NetCounters.DroppedTcpNoSocket);
        Add("DroppedTcpOutOfWindow", NetCounters.DroppedTcpOutOfWindow);
        Add("DroppedTcpSynQueueFull", NetCounters.DroppedTcpSynQueueFull);
        Add("DroppedTransmitQueueFull", NetCounters.DroppedTransmitQueueFull);
        Add("DroppedNoRoute", NetCounters.DroppedNoRoute);
        Add("DoubleRelease", NetCounters.DoubleRelease);
        Add("CopiedByDevice", NetCounters.CopiedByDevice);
        Add("PacketsSegmentedByDevice", NetCounters.PacketsSegmentedByDevice);
        Add("LargePacketsReceived", NetCounters.LargePacketsReceived);
        Add("TcpSegmentsReceived", TcpCounters.SegmentsReceived);
        Add("TcpSegmentsSent", TcpCounters.SegmentsSent);
        Add("TcpRetransmissions", TcpCounters.Retransmissions);
        Add("TcpFastRetransmits", TcpCounters.FastRetransmits);
        Add("TcpRetransmissionTimeouts", TcpCounters.RetransmissionTimeouts);
        Add("TcpChallengeAcks", TcpCounters.ChallengeAcks);
        Add("TcpChallengeAcksSuppressed", TcpCounters.ChallengeAcksSuppressed);
        Add("TcpResetsSent", TcpCounters.ResetsSent);
        Add("TcpResetsReceived", TcpCounters.ResetsReceived);
        Add("TcpPawsRejected", TcpCounters.PawsRejected);
        Add("TcpOutOfOrderSegments", TcpCounters.OutOfOrderSegments);
        Add("TcpConnectionsEstablished", TcpCounters.ConnectionsEstablished);
        Add("TcpConnectionsTimedOut", TcpCounters.ConnectionsTimedOut);
        Add("EchoConnections", s_echoConnections);
        Add("EchoBytes", s_echoBytes);
        Add("LiveConnections", s_live);
        Add("MaxLiveConnections", s_maxLive);
        Add("SinkConnections", s_sinkConnections);
        Add("SourceConnections", s_sourceConnections);
        Add("UdpEchoed", s_udpEchoed);
        Add("Milliseconds", (long)Clock.Milliseconds);
        return text.ToString();
    }
}
