using System;
using Testbed.LibOS.Drivers.Virtio;
using Testbed.LibOS.Threading;
using Testbed.LibOS.Time;

// Raw Ethernet through virtio-net, with green threads: a receiver thread blocks in Receive until a
// frame of EtherType 0x88B5 (local experimental) comes from the host's side (source
// 02:00:00:00:00:01) and prints its 10-byte payload; meanwhile the main thread broadcasts a frame
// "from-guest" every 200 ms, which it can only do because the blocked receiver lets it run.
static unsafe class Program
{
    const int EtherType = 0x88B5;

    static VirtioNet s_net;
    static bool s_received;
    static int s_sentWhileWaiting;

    static int Main()
    {
        s_net = Devices.Network(0);
        VirtioNet net = s_net;
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

        GreenThread receiver = Scheduler.Spawn(Receive);
        for (int attempt = 0; attempt < 150 && !s_received; attempt++)
        {
            if (!net.Send(frame, 60))
            {
                Console.WriteLine("send failed");
                return 1;
            }
            s_sentWhileWaiting++;
            Scheduler.Sleep(200_000_000UL);
        }
        Scheduler.Join(receiver);
        if (s_received)
        {
            Console.Write("frames sent while the receiver was blocked: ");
            Console.WriteLine(s_sentWhileWaiting > 0);
            return 0;
        }
        Console.WriteLine("nothing came back");
        return 2;
    }

    static void Receive()
    {
        byte[] buffer = new byte[2048];
        fixed (byte* received = buffer)
        {
            ulong deadline = Clock.DeadlineIn(40_000_000_000UL);
            while (Clock.Ticks < deadline)
            {
                // Blocks this thread (not the CPU) until the RX queue has something.
                int length = s_net.Receive(received, 2048, 10_000_000_000UL);
                if (length >= 24 && received[12] == (EtherType >> 8) && received[13] == (EtherType & 0xFF) && received[6] == 0x02 && received[11] == 0x01)
                {
                    Console.Write("received ");
                    for (int i = 0; i < 10; i++)
                        Console.Write((char)received[14 + i]);
                    Console.WriteLine();
                    s_received = true;
                    return;
                }
            }
        }
    }
}
