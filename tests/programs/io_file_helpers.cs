// linux-only: files in a scratch directory under /tmp (the pvh target has no file system)
#nullable disable
// The File helpers and directories: File.Create/Open/OpenRead/OpenWrite (and their sharing),
// Exists/ReadAllBytes/WriteAllBytes/ReadAllText/WriteAllText/AppendAllText (UTF-8 without a byte order
// mark; marks read as .NET's StreamReader reads them)/Delete, Directory.Exists/CreateDirectory (nested,
// existing, over a file)/Delete, and the Path members they rest on (GetFullPath's "." and ".."
// removal, GetDirectoryName, Combine).
using System;
using System.IO;
using System.Text;

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

    static string Bytes(byte[] bytes)
    {
        var text = new StringBuilder();
        foreach (byte b in bytes) text.Append(b.ToString("X2"));
        return text.ToString();
    }

    static string Codes(string text)
    {
        var codes = new StringBuilder();
        foreach (char c in text) codes.Append(((int)c).ToString("X4")).Append(' ');
        return codes.ToString();
    }

    static int Main()
    {
        s_dir = MakeScratchDirectory("files");
        string text = s_dir + "/text.txt";
        string binary = s_dir + "/binary.bin";
        string marked = s_dir + "/marked.txt";
        string nested = s_dir + "/a/b/c";
        try
        {
            Console.WriteLine("exists before " + File.Exists(text) + " " + File.Exists(null) + " " + File.Exists("") + " " + File.Exists(s_dir));
            File.WriteAllText(text, "héllo, wörld €\n");
            Console.WriteLine("exists after " + File.Exists(text) + " " + File.Exists(text + "/") + " " + Directory.Exists(text));
            Console.WriteLine("bytes " + Bytes(File.ReadAllBytes(text)));
            File.AppendAllText(text, "line 2 😀\n");
            File.AppendAllText(text, "");
            File.AppendAllText(text, null);
            Console.Write("text " + File.ReadAllText(text));
            File.AppendAllText(s_dir + "/appended.txt", "created by append");
            Console.WriteLine("appended " + File.ReadAllText(s_dir + "/appended.txt"));
            File.WriteAllText(text, null);
            Console.WriteLine("emptied " + File.ReadAllBytes(text).Length);

            byte[] data = new byte[70000];
            for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 13 ^ i >> 8);
            File.WriteAllBytes(binary, data);
            byte[] back = File.ReadAllBytes(binary);
            int checksum = 0;
            for (int i = 0; i < back.Length; i++) checksum = checksum * 31 + back[i];
            Console.WriteLine("binary " + back.Length + " checksum " + checksum);
            File.WriteAllBytes(binary, new byte[] { 1, 2 });
            Console.WriteLine("rewritten " + Bytes(File.ReadAllBytes(binary)));

            byte[][] withMarks =
            {
                new byte[] { 0xEF, 0xBB, 0xBF, 0x41, 0x42 },
                new byte[] { 0xFF, 0xFE, 0x41, 0x00, 0x3D, 0xD8, 0x00, 0xDE, 0x42 },
                new byte[] { 0xFE, 0xFF, 0x00, 0x41, 0xD8, 0x00 },
                new byte[] { 0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00, 0x00, 0x00, 0x00, 0xF6, 0x01, 0x00 },
                new byte[] { 0x00, 0x00, 0xFE, 0xFF, 0x00, 0x00, 0x00, 0x41 },
                new byte[] { 0x41, 0xC3, 0x28, 0xE2, 0x82 },
            };
            foreach (byte[] bytes in withMarks)
            {
                File.WriteAllBytes(marked, bytes);
                Console.WriteLine("decoded " + Bytes(bytes) + " -> " + Codes(File.ReadAllText(marked)));
            }

            using (FileStream created = File.Create(marked))
            {
                created.WriteByte(65);
                Try("open read while created", () => File.OpenRead(marked).Dispose());
            }
            using (FileStream opened = File.OpenRead(marked))
                Console.WriteLine("open read " + opened.CanRead + " " + opened.CanWrite + " " + opened.Length + " " + opened.ReadByte());
            using (FileStream opened = File.OpenWrite(marked))
                Console.WriteLine("open write " + opened.CanRead + " " + opened.CanWrite + " " + opened.Position);
            using (FileStream opened = File.Open(marked, FileMode.Append))
            {
                Console.WriteLine("open append " + opened.CanRead + " " + opened.CanWrite + " " + opened.Position);
                Try("open while opened", () => File.Open(marked, FileMode.Open, FileAccess.Read, FileShare.ReadWrite).Dispose());
            }

            Try("read missing", () => File.ReadAllBytes(s_dir + "/missing"));
            Try("read text missing", () => File.ReadAllText(s_dir + "/missing"));
            Try("read in missing directory", () => File.ReadAllText(s_dir + "/missing/x"));
            Try("read directory", () => File.ReadAllBytes(s_dir));
            Try("write directory", () => File.WriteAllText(s_dir, "x"));
            Try("write null bytes", () => File.WriteAllBytes(binary, null));
            Try("write null path", () => File.WriteAllText(null, "x"));
            Try("read empty path", () => File.ReadAllBytes(""));

            Console.WriteLine("directory exists " + Directory.Exists(s_dir) + " " + Directory.Exists(s_dir + "/") + " " + Directory.Exists(nested)
                + " " + Directory.Exists(null) + " " + Directory.Exists(""));
            DirectoryInfo info = Directory.CreateDirectory(nested + "/");
            Console.WriteLine("created " + info.FullName.Replace(s_dir, "DIR") + " name " + info.Name + " exists " + info.Exists + " " + Directory.Exists(nested));
            info = Directory.CreateDirectory(s_dir + "/a/./b/../b");
            Console.WriteLine("again " + info.FullName.Replace(s_dir, "DIR") + " name " + info.Name + " as given " + info.ToString().Replace(s_dir, "DIR"));
            Try("create over a file", () => Directory.CreateDirectory(binary));
            Try("create below a file", () => Directory.CreateDirectory(binary + "/x/y"));
            Try("create null", () => Directory.CreateDirectory(null));
            Try("create empty", () => Directory.CreateDirectory(""));
            Try("delete non-empty directory", () => Directory.Delete(s_dir + "/a"));
            Try("delete missing directory", () => Directory.Delete(s_dir + "/none"));
            Try("delete file as directory", () => Directory.Delete(binary));

            Try("delete missing file", () => File.Delete(s_dir + "/missing"));
            Try("delete in missing directory", () => File.Delete(s_dir + "/missing/x"));
            Try("delete directory as file", () => File.Delete(nested));
            Try("delete null", () => File.Delete(null));
            File.Delete(marked);
            Console.WriteLine("deleted " + !File.Exists(marked));
            Directory.Delete(nested);
            Directory.Delete(s_dir + "/a/b");
            Directory.Delete(s_dir + "/a");
            Console.WriteLine("directories gone " + !Directory.Exists(s_dir + "/a"));

            Console.WriteLine("full " + Path.GetFullPath("/tmp//x/./y/../z/") + " " + Path.GetFullPath("/..") + " " + Path.GetFullPath("/a/b/.")
                + " " + Path.GetFullPath("/a/b/..") + " " + Path.GetFullPath("//"));
            Console.WriteLine("parent " + Path.GetDirectoryName("/a//b//c") + " " + Path.GetDirectoryName("/a/b/") + " " + (Path.GetDirectoryName("/") == null)
                + " " + Path.GetDirectoryName("/a") + " '" + Path.GetDirectoryName("a") + "'");
            Console.WriteLine("name " + Path.GetFileName("/a/b.txt") + " '" + Path.GetFileName("/a/") + "'");
            Console.WriteLine("combine " + Path.Combine("/a", "b") + " " + Path.Combine("/a/", "b") + " " + Path.Combine("/a", "/b") + " " + Path.Combine("/a", "b", "c"));
            Try("combine null", () => Path.Combine(null, "b"));
            return checksum & 0xFF;
        }
        finally
        {
            File.Delete(text);
            File.Delete(binary);
            File.Delete(s_dir + "/appended.txt");
            Directory.Delete(s_dir);
            File.Delete(s_dir + ".claim");
        }
    }
}
