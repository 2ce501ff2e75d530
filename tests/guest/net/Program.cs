using System;
using Testbed.LibOS.Drivers.Virtio;

// Raw Ethernet through virtio-net: broadcasts a frame of EtherType 0x88B5 (local experimental) with
// the payload "from-guest", every 200 ms, until a frame of that type comes back from the host's side
// (source 02:00:00:00:00:01), whose 10-byte payload it prints.
static unsafe class Program
{
    const int EtherType = 0x88B5;

    static int Main()
    {
        VirtioNet net = Devices.Network(0);
        byte* frame = stackalloc byte[60];
        for (int i = 0; i < 60; i++)
            frame[i] = 0;
        for (int i = 0; i < 6; i++)
        {
            frame[i] = 0xFF;
            frame[6 + i] = net.Mac(i);
        }
        frame[12] = EtherType >> 8;
        frame[13] = EtherType & 0xFF;
        string payload = "from-guest";
        for (int i = 0; i < payload.Length; i++)
            frame[14 + i] = (byte)payload[i];

        byte* received = stackalloc byte[2048];
        for (int attempt = 0; attempt < 150; attempt++)
        {
            if (!net.Send(frame, 60))
            {
                Console.WriteLine("send failed");
                return 1;
            }
            int length = net.Receive(received, 2048, 200_000_000UL);
            while (length > 0)
            {
                if (length >= 24 && received[12] == (EtherType >> 8) && received[13] == (EtherType & 0xFF) && received[6] == 0x02 && received[11] == 0x01)
                {
                    Console.Write("received ");
                    for (int i = 0; i < 10; i++)
                        Console.Write((char)received[14 + i]);
                    Console.WriteLine();
                    return 0;
                }
                length = net.TryReceive(received, 2048);
            }
        }
        Console.WriteLine("nothing came back");
        return 2;
    }
}
