using System;
using System.IO;

// A disk through System.IO alone. Arguments: "write" or "verify", then the path: /dev/vda on the pvh
// target (the first --disk), an image file on the linux target (never a default: the host may have a
// /dev/vda of its own).
// write: writes Pieces (unaligned offsets, across sector and request boundaries) through every kind of
// Write, reads them back through every kind of Read, checks that the bytes around them are still zero,
// and Flush(true)s; on a raw disk it then checks what a block device does differently from a file.
// verify: reads the whole disk with File.ReadAllBytes and checks every byte, which after a restart on
// the same image shows that the writes reached it. The test (RawDiskTests) checks the image file too.
static class Program
{
    /// <summary>(offset, length) of each piece written; the bytes between them stay zero. Negative offsets count from the end.</summary>
    static readonly long[] Pieces =
    {
        3, 10,          // inside the first sector
        500, 30,        // across the first sector boundary
        1020, 1100,     // a partial sector, a whole one, a partial one
        4096, 512,      // exactly one aligned sector
        8191, 1,        // the last byte of a sector
        99997, 300000,  // several requests of 256 sectors, unaligned at both ends
        -5, 5,          // the last bytes of the disk
    };

    static byte Pattern(long offset) => (byte)(offset * 131 ^ offset >> 9 ^ 0xA5);

    static int Main(string[] args)
    {
        if (args.Length != 2)
        {
            Console.WriteLine("usage: write|verify PATH");
            return 2;
        }
        string path = args[1];
        bool rawDisk = path.StartsWith("/dev/vd", StringComparison.Ordinal);
        Console.WriteLine("exists " + File.Exists(path));
        return args[0] == "write" ? Write(path, rawDisk) : Verify(path);
    }

    static long Start(long offset, long capacity) => offset < 0 ? capacity + offset : offset;

    static int Write(string path, bool rawDisk)
    {
        using (var disk = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None, 1))
        {
            long capacity = disk.Length;
            Console.WriteLine("length " + capacity);
            for (int p = 0; p < Pieces.Length; p += 2)
            {
                long start = Start(Pieces[p], capacity);
                int length = (int)Pieces[p + 1];
                byte[] data = new byte[length];
                for (int i = 0; i < length; i++)
                    data[i] = Pattern(start + i);
                disk.Position = start;
                // Each way of writing in turn: an array, a span, and byte by byte for the shortest.
                if (length == 1)
                    disk.WriteByte(data[0]);
                else if (p % 4 == 0)
                    disk.Write(data, 0, length);
                else
                    disk.Write(new ReadOnlySpan<byte>(data));
                if (disk.Position != start + length)
                {
                    Console.WriteLine("position " + disk.Position + " after writing " + length + " at " + start);
                    return 3;
                }
            }
            for (int p = 0; p < Pieces.Length; p += 2)
            {
                long start = Start(Pieces[p], capacity);
                int length = (int)Pieces[p + 1];
                // One byte of the neighbours on each side (zero) with the piece: read-modify-write must keep them.
                long from = start > 0 ? start - 1 : 0;
                long to = start + length < capacity ? start + length + 1 : capacity;
                byte[] back = new byte[to - from];
                disk.Seek(from, SeekOrigin.Begin);
                int read = 0;
                while (read < back.Length)
                {
                    int n = p % 4 == 0 ? disk.Read(back, read, back.Length - read) : disk.Read(new Span<byte>(back, read, back.Length - read));
                    if (n == 0)
                        break;
                    read += n;
                }
                for (long o = from; o < to; o++)
                {
                    byte expected = o >= start && o < start + length ? Pattern(o) : (byte)0;
                    if (read != back.Length || back[o - from] != expected)
                    {
                        Console.WriteLine("piece at " + start + ": byte " + o + " is " + back[o - from] + ", not " + expected + " (read " + read + ")");
                        return 4;
                    }
                }
            }
            disk.Position = 8191;
            Console.WriteLine("read byte " + (disk.ReadByte() == Pattern(8191)) + " " + (disk.ReadByte() == 0));
            disk.Flush(true);
            Console.WriteLine("written and flushed");
            if (rawDisk)
                CheckBlockDevice(disk, path, capacity);
        }
        return 0;
    }

    /// <summary>What a disk does that a file does not: it cannot grow, shrink, be created or be truncated.</summary>
    static void CheckBlockDevice(FileStream disk, string path, long capacity)
    {
        Console.WriteLine("seek end " + disk.Seek(0, SeekOrigin.End));
        Console.WriteLine("read at end " + disk.Read(new byte[8], 0, 8));
        disk.Position = capacity - 3;
        Console.WriteLine("read across end " + disk.Read(new byte[8], 0, 8));
        Try("set length", () => disk.SetLength(capacity / 2));
        // The first two bytes fit and are written (the values already there), as a Linux block device writes what fits.
        disk.Position = capacity - 2;
        Try("write across end", () => disk.Write(new byte[] { Pattern(capacity - 2), Pattern(capacity - 1), 1, 2 }, 0, 4));
        Console.WriteLine("position " + (disk.Position == capacity - 2));
        Try("write at end", () => { disk.Position = capacity; disk.WriteByte(1); });
        Console.WriteLine("length " + disk.Length);
        Try("second open while exclusive", () => new FileStream(path, FileMode.Open, FileAccess.Read));
        Try("create new", () => new FileStream(path, FileMode.CreateNew, FileAccess.Write));
        Try("missing disk", () => new FileStream("/dev/vdb", FileMode.Open, FileAccess.Read));
        Try("not a disk", () => new FileStream("/dev/sda", FileMode.Open, FileAccess.Read));
        Try("file in root", () => new FileStream("/data.txt", FileMode.OpenOrCreate));
        Try("file in a directory", () => File.WriteAllText("/tmp/data.txt", "x"));
        Try("directory", () => Directory.CreateDirectory("/var/data"));
        Try("open /dev", () => new FileStream("/dev", FileMode.Open, FileAccess.Read));
        Try("delete disk", () => File.Delete(path));
        Console.WriteLine("exists /dev/vdb " + File.Exists("/dev/vdb") + ", /data.txt " + File.Exists("/data.txt")
            + ", directories " + Directory.Exists("/") + " " + Directory.Exists("/dev") + " " + Directory.Exists("/tmp") + " " + Directory.Exists(path));
        disk.Dispose();
        using (var created = new FileStream(path, FileMode.Create, FileAccess.Write))
            Console.WriteLine("create keeps length " + created.Length);
        using (var truncated = new FileStream(path, FileMode.Truncate, FileAccess.ReadWrite))
            Console.WriteLine("truncate keeps length " + truncated.Length + ", first piece " + (truncated.ReadByte() == 0) + " " + (truncated.ReadByte() == 0)
                + " " + (truncated.ReadByte() == 0) + " " + (truncated.ReadByte() == Pattern(3)));
        using (var appended = new FileStream(path, FileMode.Append))
            Console.WriteLine("append starts at " + appended.Position);
    }

    static int Verify(string path)
    {
        byte[] all = File.ReadAllBytes(path);
        long capacity = all.Length;
        Console.WriteLine("length " + capacity);
        var expected = new byte[capacity];
        for (int p = 0; p < Pieces.Length; p += 2)
        {
            long start = Start(Pieces[p], capacity);
            for (long o = start; o < start + Pieces[p + 1]; o++)
                expected[o] = Pattern(o);
        }
        for (long o = 0; o < capacity; o++)
            if (all[o] != expected[o])
            {
                Console.WriteLine("byte " + o + " is " + all[o] + ", not " + expected[o]);
                return 5;
            }
        Console.WriteLine("verified");
        return 0;
    }

    static void Try(string what, Action action)
    {
        try
        {
            action();
            Console.WriteLine(what + ": ok");
        }
        catch (Exception e)
        {
            Console.WriteLine(what + ": " + e.GetType().Name + ": " + e.Message);
        }
    }
}
