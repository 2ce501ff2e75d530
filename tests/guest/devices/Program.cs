using System;
using Testbed.LibOS.Drivers.Virtio;

// Lists the virtio devices the library OS found and started: what the device tests compare with the
// devices they gave QEMU.
static class Program
{
    static int Main()
    {
        Console.Write("block ");
        Console.WriteLine(Devices.BlockCount);
        for (int i = 0; i < Devices.BlockCount; i++)
        {
            Console.Write("  sectors ");
            Console.WriteLine(Devices.Block(i).SectorCount);
        }
        Console.Write("network ");
        Console.WriteLine(Devices.NetworkCount);
        for (int i = 0; i < Devices.NetworkCount; i++)
        {
            VirtioNet net = Devices.Network(i);
            Console.Write("  mac ");
            for (int b = 0; b < 6; b++)
            {
                int v = net.Mac(b);
                Console.Write("0123456789abcdef"[v >> 4]);
                Console.Write("0123456789abcdef"[v & 15]);
                if (b < 5)
                    Console.Write(':');
            }
            Console.WriteLine();
        }
        return 0;
    }
}
