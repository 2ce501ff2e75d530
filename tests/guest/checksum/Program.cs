using System;
using Testbed.LibOS.Drivers.Virtio;
using Testbed.LibOS.Threading;

// Sends a UDP/IPv4 datagram (10.0.0.2:4000 -> 10.0.0.1:9999, payload "offloaded!") with the UDP
// checksum left to the device, as an IP stack does with checksum offload: the checksum field holds
// the pseudo-header sum and the virtio-net header says where the device must sum and store. A few
// copies, a moment apart, so that the host's packet socket is surely listening for one of them.
static unsafe class Program
{
    static int Main()
    {
        VirtioNet net = Devices.Network(0);
        Console.WriteLine("offload " + net.ChecksumOffload);
        if (!net.ChecksumOffload)
            return 3;
        const int length = 14 + 20 + 8 + 10;
        byte* frame = stackalloc byte[length];
        for (int i = 0; i < length; i++)
            frame[i] = 0;
        for (int i = 0; i < 6; i++)
        {
            frame[i] = 0xFF;
            frame[6 + i] = net.Mac(i);
        }
        frame[12] = 0x08;
        byte* ip = frame + 14;
        ip[0] = 0x45;
        Put16(ip + 2, 20 + 8 + 10);
        ip[8] = 64;
        ip[9] = 17;
        ip[12] = 10; ip[15] = 2;
        ip[16] = 10; ip[19] = 1;
        Put16(ip + 10, (ushort)~Fold(Sum(ip, 20, 0)));
        byte* udp = ip + 20;
        Put16(udp, 4000);
        Put16(udp + 2, 9999);
        Put16(udp + 4, 8 + 10);
        string payload = "offloaded!";
        for (int i = 0; i < payload.Length; i++)
            udp[8 + i] = (byte)payload[i];
        // Pseudo header: source and destination addresses, protocol, UDP length; not complemented.
        uint pseudo = Sum(ip + 12, 8, 0) + 17 + (8 + 10);
        Put16(udp + 6, Fold(pseudo));
        for (int copy = 0; copy < 20; copy++)
        {
            if (!net.SendWithChecksum(frame, length, 14 + 20, 6))
            {
                Console.WriteLine("send failed");
                return 1;
            }
            Scheduler.Sleep(100_000_000UL);
        }
        Console.WriteLine("sent");
        return 0;
    }

    static uint Sum(byte* data, int length, uint sum)
    {
        for (int i = 0; i + 1 < length; i += 2)
            sum += (uint)(data[i] << 8 | data[i + 1]);
        if ((length & 1) != 0)
            sum += (uint)(data[length - 1] << 8);
        return sum;
    }

    static ushort Fold(uint sum)
    {
        while (sum > 0xFFFF)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)sum;
    }

    static void Put16(byte* at, ushort value)
    {
        at[0] = (byte)(value >> 8);
        at[1] = (byte)value;
    }
}
