using System;
using Testbed.LibOS.Drivers.Virtio;
using Testbed.LibOS.Platform.Pvh;

// With "disk=write" on the kernel command line: fills sectors 0..63 of block device 0 with a pattern,
// eight requests in flight at once, flushes, and reads them back. With "disk=verify": only reads and
// compares, which after a restart on the same image shows that the writes reached the disk.
static unsafe class Program
{
    const int Requests = 8;
    const int SectorsPerRequest = 8;

    static byte Pattern(int sector, int offset) => (byte)(sector * 7 + offset * 13 + 0x5A);

    static int Main()
    {
        bool write = CommandLineHas("disk=write");
        VirtioBlock disk = Devices.Block(0);
        int bytes = Requests * SectorsPerRequest * VirtioBlock.SectorSize;
        byte[] buffer = new byte[bytes];
        fixed (byte* data = buffer)
        {
            if (write)
            {
                for (int i = 0; i < bytes; i++)
                    data[i] = Pattern(i / VirtioBlock.SectorSize, i % VirtioBlock.SectorSize);
                if (!RunAll(disk, VirtioBlock.TypeWrite, data))
                    return 1;
                if (disk.Flush() != 0)
                {
                    Console.WriteLine("flush failed");
                    return 2;
                }
                Console.WriteLine("written and flushed");
                for (int i = 0; i < bytes; i++)
                    data[i] = 0;
            }
            if (!RunAll(disk, VirtioBlock.TypeRead, data))
                return 3;
            for (int i = 0; i < bytes; i++)
                if (data[i] != Pattern(i / VirtioBlock.SectorSize, i % VirtioBlock.SectorSize))
                {
                    Console.Write("mismatch at byte ");
                    Console.WriteLine(i);
                    return 4;
                }
        }
        Console.WriteLine("verified");
        return 0;
    }

    /// <summary>All requests submitted before the first is waited for.</summary>
    static bool RunAll(VirtioBlock disk, int type, byte* data)
    {
        int* ids = stackalloc int[Requests];
        for (int r = 0; r < Requests; r++)
        {
            ids[r] = disk.Submit(type, (ulong)(r * SectorsPerRequest), data + r * SectorsPerRequest * VirtioBlock.SectorSize, SectorsPerRequest);
            if (ids[r] < 0)
            {
                Console.WriteLine("submit failed");
                return false;
            }
        }
        Console.Write("in flight ");
        Console.WriteLine(Requests);
        for (int r = 0; r < Requests; r++)
            if (disk.Wait(ids[r]) != 0)
            {
                Console.WriteLine("request failed");
                return false;
            }
        return true;
    }

    static bool CommandLineHas(string word)
    {
        byte* line = BootInfo.CommandLine;
        int length = BootInfo.CommandLineLength;
        for (int start = 0; start + word.Length <= length; start++)
        {
            int i = 0;
            while (i < word.Length && line[start + i] == (byte)word[i])
                i++;
            if (i == word.Length)
                return true;
        }
        return false;
    }
}
