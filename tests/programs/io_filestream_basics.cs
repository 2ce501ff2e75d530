// linux-only: files in a scratch directory under /tmp (the pvh target has no file system)
#nullable disable
// FileStream on a regular file: write, read, seek from each origin, Length, SetLength growing (zeros)
// and shrinking (the position follows), a write past the end (the hole reads as zeros), reads at and
// past the end, span and single-byte reads and writes, Flush(true), and what a disposed, read-only or
// write-only stream refuses. Messages are printed where they are CoreCLR's, with the directory as DIR.
using System;
using System.IO;

static class Program
{
    static string s_dir;

    static string MakeScratchDirectory(string name)
    {
        long stamp = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        for (int attempt = 0; ; attempt++)
        {
            string dir = "/tmp/testbed-" + name + "-" + stamp + "-" + attempt;
            // CreateNew is atomic: two runs of this program at once never share a directory.
            try { using (new FileStream(dir + ".claim", FileMode.CreateNew)) { } }
            catch (IOException) { continue; }
            Directory.CreateDirectory(dir);
            return dir;
        }
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
            Console.WriteLine(what + ": " + e.GetType().Name + ": " + e.Message.Replace(s_dir, "DIR"));
        }
    }

    static void TryType(string what, Action action)
    {
        try
        {
            action();
            Console.WriteLine(what + ": ok");
        }
        catch (Exception e)
        {
            Console.WriteLine(what + ": " + e.GetType().Name);
        }
    }

    static string Hex(byte[] bytes, int count)
    {
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < count; i++)
        {
            if (i > 0) text.Append(' ');
            text.Append(bytes[i].ToString("x2"));
        }
        return text.ToString();
    }

    static int Main()
    {
        s_dir = MakeScratchDirectory("filestream");
        string path = s_dir + "/data.bin";
        int checksum = 0;
        try
        {
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1))
            {
                Console.WriteLine("name " + stream.Name.Replace(s_dir, "DIR"));
                Console.WriteLine("can " + stream.CanRead + " " + stream.CanWrite + " " + stream.CanSeek);
                Console.WriteLine("new length " + stream.Length + " position " + stream.Position);

                byte[] data = new byte[1000];
                for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 + 3);
                stream.Write(data, 0, data.Length);
                stream.Write(new ReadOnlySpan<byte>(data, 10, 5));
                stream.WriteByte(0xAB);
                Console.WriteLine("written length " + stream.Length + " position " + stream.Position);

                Console.WriteLine("seek begin " + stream.Seek(990, SeekOrigin.Begin));
                byte[] buffer = new byte[64];
                int n = stream.Read(buffer, 0, buffer.Length);
                Console.WriteLine("read at 990: " + n + " bytes: " + Hex(buffer, n));
                Console.WriteLine("at end: read " + stream.Read(buffer, 0, 10) + " byte " + stream.ReadByte());

                Console.WriteLine("seek current " + stream.Seek(-16, SeekOrigin.Current));
                Console.WriteLine("seek end " + stream.Seek(-1, SeekOrigin.End) + " byte " + stream.ReadByte().ToString("x2"));
                stream.Position = 2;
                Span<byte> span = stackalloc byte[4];
                Console.WriteLine("span read " + stream.Read(span) + ": " + span[0] + " " + span[1] + " " + span[2] + " " + span[3]);

                // A write past the end leaves a hole that reads as zeros.
                stream.Position = 1100;
                stream.Write(new byte[] { 1, 2, 3 }, 0, 3);
                Console.WriteLine("after hole length " + stream.Length);
                stream.Position = 1014;
                n = stream.Read(buffer, 0, 20);
                Console.WriteLine("hole: " + Hex(buffer, n));

                // Past the end: reading gives nothing and moves nothing.
                stream.Seek(5000, SeekOrigin.Begin);
                Console.WriteLine("past end: read " + stream.Read(buffer, 0, 8) + " position " + stream.Position + " length " + stream.Length);

                stream.SetLength(2000);
                Console.WriteLine("grown: length " + stream.Length + " position " + stream.Position);
                stream.Position = 1990;
                n = stream.Read(buffer, 0, 64);
                Console.WriteLine("grown tail: " + n + " " + Hex(buffer, n));
                stream.SetLength(500);
                Console.WriteLine("shrunk: length " + stream.Length + " position " + stream.Position);
                stream.Position = 100;
                stream.SetLength(50);
                Console.WriteLine("shrunk below position: length " + stream.Length + " position " + stream.Position);
                stream.Flush();
                stream.Flush(true);

                Try("seek before start", () => stream.Seek(-1, SeekOrigin.Begin));
                Try("seek bad origin", () => stream.Seek(0, (SeekOrigin)7));
                Try("negative position", () => stream.Position = -5);
                Try("negative length", () => stream.SetLength(-1));
                Try("read null", () => stream.Read(null, 0, 1));
                Try("read bad offset", () => stream.Read(buffer, -1, 1));
                Try("read bad count", () => stream.Read(buffer, 60, 10));
                Console.WriteLine("position after failures " + stream.Position);

                stream.Position = 0;
                n = stream.Read(buffer, 0, 64);
                for (int i = 0; i < n; i++) checksum = checksum * 31 + buffer[i];
            }

            using (var reader = new FileStream(path, FileMode.Open, FileAccess.Read))
            {
                Console.WriteLine("reader can " + reader.CanRead + " " + reader.CanWrite + " " + reader.CanSeek + " length " + reader.Length);
                Try("write to reader", () => reader.Write(new byte[1], 0, 1));
                Try("write byte to reader", () => reader.WriteByte(1));
                Try("set length of reader", () => reader.SetLength(0));
                reader.Flush(true);
            }

            using (var writer = new FileStream(path, FileMode.Open, FileAccess.Write))
            {
                Console.WriteLine("writer can " + writer.CanRead + " " + writer.CanWrite + " " + writer.CanSeek);
                Try("read from writer", () => writer.Read(new byte[1], 0, 1));
                Try("read byte from writer", () => writer.ReadByte());
                writer.Seek(0, SeekOrigin.End);
                writer.Write(new byte[] { 9, 8, 7 });
                writer.Flush(true);
                Console.WriteLine("writer length " + writer.Length);
            }

            var closed = new FileStream(path, FileMode.Open);
            closed.Dispose();
            closed.Dispose();
            Console.WriteLine("closed can " + closed.CanRead + " " + closed.CanWrite + " " + closed.CanSeek + " name " + closed.Name.Replace(s_dir, "DIR"));
            TryType("closed length", () => { long unused = closed.Length; });
            TryType("closed position", () => { long unused = closed.Position; });
            TryType("closed seek", () => closed.Seek(0, SeekOrigin.Begin));
            TryType("closed read", () => closed.Read(new byte[1], 0, 1));
            TryType("closed read span", () => closed.Read(new Span<byte>(new byte[1])));
            TryType("closed read byte", () => closed.ReadByte());
            TryType("closed write", () => closed.Write(new byte[1], 0, 1));
            TryType("closed write byte", () => closed.WriteByte(1));
            TryType("closed flush", () => closed.Flush());
            TryType("closed flush to disk", () => closed.Flush(true));
            TryType("closed set length", () => closed.SetLength(0));
            Try("closed read null", () => closed.Read(null, 0, 1));
            Try("closed seek bad origin", () => closed.Seek(0, (SeekOrigin)3));
            Try("closed negative length", () => closed.SetLength(-2));

            byte[] all = File.ReadAllBytes(path);
            Console.WriteLine("file now " + all.Length + " bytes, last " + Hex(all, all.Length).Substring(3 * (all.Length - 4)));
        }
        finally
        {
            File.Delete(path);
            Directory.Delete(s_dir);
            File.Delete(s_dir + ".claim");
        }
        Console.WriteLine("cleaned up " + !Directory.Exists(s_dir) + " " + !File.Exists(s_dir + ".claim"));
        return checksum & 0xFF;
    }
}
