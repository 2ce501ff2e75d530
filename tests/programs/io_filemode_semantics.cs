// linux-only: files in a scratch directory under /tmp (the pvh target has no file system)
#nullable disable
// FileStream's open semantics: each FileMode on a missing and on an existing file (CreateNew refuses
// an existing one, Open and Truncate a missing one, Create and Truncate empty it, Append starts at the
// end and will not go back before it), the argument checks and their messages, missing directories,
// a directory opened as a file, and FileShare.None's lock against a second open in the same process.
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

    static void Open(string what, string path, FileMode mode, FileAccess access = FileAccess.ReadWrite)
    {
        Try(what, () =>
        {
            using (var stream = new FileStream(path, mode, access))
                Console.WriteLine("  " + mode + " " + access + ": length " + stream.Length + " position " + stream.Position
                    + " can " + stream.CanRead + " " + stream.CanWrite + " " + stream.CanSeek);
        });
    }

    static string Content(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        var text = new System.Text.StringBuilder();
        foreach (byte b in bytes) text.Append(b < 32 ? '.' : (char)b);
        return text.ToString();
    }

    static int Main()
    {
        s_dir = MakeScratchDirectory("filemode");
        string file = s_dir + "/file.txt";
        string fresh = s_dir + "/fresh.txt";
        try
        {
            Open("open missing", file, FileMode.Open);
            Open("truncate missing", file, FileMode.Truncate);
            Open("open in missing directory", s_dir + "/nowhere/file.txt", FileMode.Open);
            Open("create in missing directory", s_dir + "/nowhere/file.txt", FileMode.Create);
            Open("create new", file, FileMode.CreateNew);
            Open("create new again", file, FileMode.CreateNew);
            Open("below a file", file + "/inside", FileMode.OpenOrCreate);

            File.WriteAllText(file, "0123456789");
            Open("open existing", file, FileMode.Open);
            Open("open or create existing", file, FileMode.OpenOrCreate);
            Console.WriteLine("content " + Content(file));
            Open("truncate existing", file, FileMode.Truncate);
            Console.WriteLine("content '" + Content(file) + "'");
            File.WriteAllText(file, "abcdef");
            Open("create existing", file, FileMode.Create);
            Console.WriteLine("content '" + Content(file) + "'");
            Open("open or create missing", fresh, FileMode.OpenOrCreate);
            Console.WriteLine("fresh exists " + File.Exists(fresh));

            File.WriteAllText(file, "start");
            using (var append = new FileStream(file, FileMode.Append))
            {
                Console.WriteLine("append: length " + append.Length + " position " + append.Position
                    + " can " + append.CanRead + " " + append.CanWrite + " " + append.CanSeek);
                append.Write(new byte[] { (byte)'+', (byte)'1' }, 0, 2);
                Try("append seek back", () => append.Seek(2, SeekOrigin.Begin));
                Try("append position back", () => append.Position = 0);
                Try("append truncate back", () => append.SetLength(3));
                Try("append read", () => append.ReadByte());
                Console.WriteLine("append position " + append.Position);
                append.Seek(2, SeekOrigin.Current);
                append.WriteByte((byte)'!');
                Try("append truncate to start", () => append.SetLength(5));
                Console.WriteLine("append position " + append.Position + " length " + append.Length);
                append.WriteByte((byte)'?');
            }
            Console.WriteLine("content '" + Content(file) + "'");

            Try("append read access", () => new FileStream(file, FileMode.Append, FileAccess.Read));
            Try("append read write access", () => new FileStream(file, FileMode.Append, FileAccess.ReadWrite));
            Try("create read access", () => new FileStream(file, FileMode.Create, FileAccess.Read));
            Try("create new read access", () => new FileStream(file, FileMode.CreateNew, FileAccess.Read));
            Try("truncate read access", () => new FileStream(file, FileMode.Truncate, FileAccess.Read));
            Try("mode 0", () => new FileStream(file, (FileMode)0));
            Try("mode 7", () => new FileStream(file, (FileMode)7));
            Try("access 0", () => new FileStream(file, FileMode.Open, (FileAccess)0));
            Try("share 32", () => new FileStream(file, FileMode.Open, FileAccess.Read, (FileShare)32));
            Try("buffer size -1", () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, -1));
            Try("null path", () => new FileStream(null, FileMode.Open));
            Try("empty path", () => new FileStream("", FileMode.Open));
            Try("nul in path", () => new FileStream("a\0b", FileMode.Open));
            Open("directory read-only", s_dir, FileMode.Open, FileAccess.Read);
            Open("directory read-write", s_dir, FileMode.Open);
            Open("directory open or create", s_dir + "/", FileMode.OpenOrCreate);

            using (var exclusive = new FileStream(file, FileMode.Open, FileAccess.ReadWrite, FileShare.None))
            {
                Open("second open while exclusive", file, FileMode.Open, FileAccess.Read);
                Try("create while exclusive", () => new FileStream(file, FileMode.Create, FileAccess.Write, FileShare.ReadWrite));
            }
            Console.WriteLine("content after refused create '" + Content(file) + "'");
            using (var shared = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                Open("second shared open", file, FileMode.Open, FileAccess.Read);
                Try("exclusive while shared", () => new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None));
            }
            Open("exclusive after close", file, FileMode.Open);
        }
        finally
        {
            File.Delete(file);
            File.Delete(fresh);
            Directory.Delete(s_dir);
            File.Delete(s_dir + ".claim");
        }
        return 0;
    }
}
