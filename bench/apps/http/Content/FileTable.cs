using System;
using System.Text;

namespace Http.Content
{
    /// <summary>
    /// The served tree, looked up by the request's decoded, normalised path bytes without making a string:
    /// open addressing over FNV-1a hashes of the UTF-8 path. Directories are entries too (no file), so that
    /// "/dir" can be redirected to "/dir/".
    /// </summary>
    internal sealed class FileTable
    {
        private byte[][] keys;
        private StaticFile[] files;
        private bool[] occupied;
        private int count;

        public int FileCount { get; private set; }

        public long TotalBytes { get; private set; }

        public FileTable()
        {
            keys = new byte[16][];
            files = new StaticFile[16];
            occupied = new bool[16];
        }

        public void Add(StaticFile file)
        {
            Put(Encoding.UTF8.GetBytes(file.Path), file);
            FileCount++;
            TotalBytes += file.Body.Length;
            // Every ancestor directory but the root: "/a/b/c.txt" adds "/a/b" and "/a".
            for (int slash = file.Path.Length - 1; slash > 0; slash--)
                if (file.Path[slash] == '/')
                    Put(Encoding.UTF8.GetBytes(file.Path.Substring(0, slash)), null);
        }

        /// <summary>The file at <paramref name="path"/>; null with <paramref name="isDirectory"/> for a directory; null when absent.</summary>
        public StaticFile Find(ReadOnlySpan<byte> path, out bool isDirectory)
        {
            int mask = keys.Length - 1;
            for (int i = (int)Hash(path) & mask; occupied[i]; i = (i + 1) & mask)
            {
                if (path.SequenceEqual(keys[i]))
                {
                    isDirectory = files[i] == null;
                    return files[i];
                }
            }
            isDirectory = false;
            return null;
        }

        private void Put(byte[] key, StaticFile file)
        {
            if ((count + 1) * 2 > keys.Length) Grow();
            int mask = keys.Length - 1;
            int i = (int)Hash(key) & mask;
            for (; occupied[i]; i = (i + 1) & mask)
            {
                if (key.AsSpan().SequenceEqual(keys[i]))
                {
                    // A file wins over a directory of the same name; a directory never replaces a file.
                    if (file != null) files[i] = file;
                    return;
                }
            }
            occupied[i] = true;
            keys[i] = key;
            files[i] = file;
            count++;
        }

        private void Grow()
        {
            var oldKeys = keys;
            var oldFiles = files;
            var oldOccupied = occupied;
            keys = new byte[oldKeys.Length * 2][];
            files = new StaticFile[oldKeys.Length * 2];
            occupied = new bool[oldKeys.Length * 2];
            count = 0;
            for (int i = 0; i < oldKeys.Length; i++)
                if (oldOccupied[i]) Put(oldKeys[i], oldFiles[i]);
        }

        private static uint Hash(ReadOnlySpan<byte> key)
        {
            uint h = 2166136261;
            for (int i = 0; i < key.Length; i++)
                h = (h ^ key[i]) * 16777619;
            return h ^ (h >> 15);
        }
    }
}
