using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Testbed.LibOS.Net;
using Testbed.LibOS.Net.Devices;

// Echo over the stack on the platform's NIC (`testbed run --net tap`): UDP and TCP port 7 send back
// what they receive; a UDP datagram "quit" is answered "bye" and ends the program, which then reports
// what it echoed, the stack's copy and drop counters and, with --faults, the injector's.
static class Program
{
    static long s_tcpBytes;
    static int s_tcpConnections;

    static int Main()
    {
        var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        udp.Bind(new IPEndPoint(IPAddress.Any, 7));
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Any, 7));
        listener.Listen(8);
        var tcp = new Thread(() => Serve(listener));
        tcp.IsBackground = true;
        tcp.Start();
        Console.WriteLine("echo on udp 7 and tcp 7, " + NetworkDevices.Describe());

        byte[] buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
        int echoed = 0;
        while (true)
        {
            int n = udp.ReceiveFrom(buffer, ref from);
            if (n == 4 && buffer[0] == 'q' && buffer[1] == 'u' && buffer[2] == 'i' && buffer[3] == 't')
            {
                byte[] bye = new byte[] { (byte)'b', (byte)'y', (byte)'e' };
                udp.SendTo(bye, from);
                // With --faults the injector may drop or corrupt this "bye" like any frame, and the client
                // asks again: answer every "quit" until it has gone quiet for a second.
                udp.ReceiveTimeout = 1000;
                while (true)
                {
                    try { n = udp.ReceiveFrom(buffer, ref from); }
                    catch (SocketException) { break; }
                    if (n == 4 && buffer[0] == 'q')
                        udp.SendTo(bye, from);
                }
                break;
            }
            udp.SendTo(buffer, 0, n, SocketFlags.None, from);
            echoed++;
        }
        // Let the last frames leave before the process ends.
        Thread.Sleep(300);
        Console.WriteLine("udp datagrams echoed " + echoed.ToString() + ", tcp connections " + s_tcpConnections.ToString()
            + " bytes echoed " + s_tcpBytes.ToString());
        Console.WriteLine("copied by device " + NetCounters.CopiedByDevice.ToString() + ", dropped " + NetCounters.Dropped.ToString()
            + " (ip checksum " + NetCounters.DroppedIpChecksum.ToString() + ", udp " + NetCounters.DroppedUdpMalformed.ToString()
            + ", tcp checksum " + NetCounters.DroppedTcpChecksum.ToString() + ")");
        if (FaultInjector.Installed != null)
            Console.WriteLine(FaultInjector.Installed.Describe());
        return 0;
    }

    static void Serve(Socket listener)
    {
        byte[] buffer = new byte[16384];
        while (true)
        {
            Socket connection = listener.Accept();
            s_tcpConnections++;
            int n;
            while ((n = connection.Receive(buffer)) > 0)
            {
                int sent = 0;
                while (sent < n)
                    sent += connection.Send(buffer, sent, n - sent, SocketFlags.None);
                s_tcpBytes += n;
            }
            connection.Close();
        }
    }
}
