#if HTTP_CORECLR
using System.IO;

namespace Http.Content
{
    /// <summary>
    /// `--root DIR`, on CoreCLR only (the core library has no file system): the files of a directory read
    /// into memory at start-up, served exactly as the embedded tree is (same headers, same lookups), so the
    /// request path never touches the file system. Names starting with '.' are skipped, as tools/embed.py does.
    /// </summary>
    internal static class DiskTree
    {
        public static void Load(string root, FileTable table)
        {
            root = Path.GetFullPath(root);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (relative.StartsWith('.') || relative.Contains("/.")) continue;
                long modified = (File.GetLastWriteTimeUtc(file).Ticks - 621355968000000000L) / 10000000L;
                table.Add(new StaticFile("/" + relative, File.ReadAllBytes(file), modified));
            }
        }
    }
}
#endif
