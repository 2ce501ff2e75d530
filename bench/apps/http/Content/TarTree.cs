using System;
using System.IO;
using System.Text;

namespace Http.Content
{
    /// <summary>
    /// `--tar FILE`: the regular files of a tar archive (ustar, as `tar --format=ustar` or Python's tarfile
    /// write it; pax 'x' records may give a long path), read into memory at start-up and served exactly as
    /// the embedded tree is. It is how the PVH target serves files from a disk: `testbed run --disk
    /// tree.tar ... -- --tar /dev/vda` (the core library opens /dev/vda as the raw disk); elsewhere FILE is
    /// an ordinary archive. The end of the archive is two zero blocks, a zero block, or the end of the
    /// file (a disk is longer than its archive). Names starting with '.' are skipped, as tools/embed.py
    /// does; a name with a ".." component or a bad header stops the start with a message.
    /// </summary>
    internal static class TarTree
    {
        private const int Block = 512;

        /// <summary>Adds the archive's files to <paramref name="table"/>; null, or what is wrong with the archive.</summary>
        public static string Load(string path, FileTable table)
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1);
            var header = new byte[Block];
            long offset = 0;
            string longName = null;
            while (true)
            {
                if (!ReadExactly(stream, header, Block))
                    return null;
                if (IsZero(header))
                    return null;
                if (!ChecksumMatches(header))
                    return "no tar header at byte " + offset + " of " + path + " (bad checksum)";
                long size = Octal(header, 124, 12);
                long modified = Octal(header, 136, 12);
                byte type = header[156];
                if (size < 0 || modified < 0)
                    return "bad size or time in the tar header at byte " + offset + " of " + path;
                string name = Text(header, 0, 100);
                if (Text(header, 257, 5) == "ustar")
                {
                    string prefix = Text(header, 345, 155);
                    if (prefix.Length > 0)
                        name = prefix + "/" + name;
                }
                if (size > int.MaxValue - Block)
                    return "a file of " + size + " bytes in " + path + " is too large to serve from memory";
                var data = new byte[size];
                if (!ReadExactly(stream, data, (int)size))
                    return "the archive " + path + " ends inside " + name;
                int padding = (int)((Block - size % Block) % Block);
                if (padding > 0 && !ReadExactly(stream, new byte[padding], padding))
                    return null;
                offset += Block + size + padding;
                if (type == (byte)'x')
                {
                    longName = PaxPath(data) ?? longName;
                    continue;
                }
                if (longName != null)
                {
                    name = longName;
                    longName = null;
                }
                if (type != (byte)'0' && type != 0)
                    continue; // directories, links, devices: nothing to serve
                if (name.StartsWith("./", StringComparison.Ordinal))
                    name = name.Substring(2);
                if (name.Length == 0 || name[0] == '/')
                    return "absolute or empty name '" + name + "' in " + path;
                bool hidden = false;
                foreach (var part in name.Split('/'))
                {
                    if (part == "..")
                        return "name with '..' ('" + name + "') in " + path;
                    if (part.StartsWith(".", StringComparison.Ordinal))
                        hidden = true;
                }
                if (!hidden)
                    table.Add(new StaticFile("/" + name, data, modified));
            }
        }

        private static bool ReadExactly(Stream stream, byte[] into, int count)
        {
            int done = 0;
            while (done < count)
            {
                int n = stream.Read(into, done, count - done);
                if (n <= 0)
                    return false;
                done += n;
            }
            return true;
        }

        private static bool IsZero(byte[] block)
        {
            foreach (byte b in block)
                if (b != 0)
                    return false;
            return true;
        }

        /// <summary>POSIX: the sum of the header's bytes with the checksum field read as eight spaces.</summary>
        private static bool ChecksumMatches(byte[] header)
        {
            long sum = 0;
            for (int i = 0; i < Block; i++)
                sum += i >= 148 && i < 156 ? (byte)' ' : header[i];
            return Octal(header, 148, 8) == sum;
        }

        /// <summary>An octal field, NUL- or space-terminated; -1 when it is not one.</summary>
        private static long Octal(byte[] header, int at, int length)
        {
            long value = 0;
            int i = at;
            while (i < at + length && header[i] == (byte)' ')
                i++;
            int digits = 0;
            for (; i < at + length && header[i] >= (byte)'0' && header[i] <= (byte)'7'; i++, digits++)
                value = value * 8 + (header[i] - '0');
            if (i < at + length && header[i] != 0 && header[i] != (byte)' ')
                return -1;
            return digits == 0 ? -1 : value;
        }

        private static string Text(byte[] header, int at, int length)
        {
            int end = at;
            while (end < at + length && header[end] != 0)
                end++;
            return Encoding.UTF8.GetString(header, at, end - at);
        }

        /// <summary>The "path" of a pax extended header ("LEN path=VALUE\n" records), or null.</summary>
        private static string PaxPath(byte[] data)
        {
            int i = 0;
            while (i < data.Length)
            {
                int space = Array.IndexOf(data, (byte)' ', i);
                if (space < 0)
                    return null;
                if (!int.TryParse(Encoding.ASCII.GetString(data, i, space - i), out int length) || length <= 0 || i + length > data.Length)
                    return null;
                string record = Encoding.UTF8.GetString(data, space + 1, i + length - space - 2);
                if (record.StartsWith("path=", StringComparison.Ordinal))
                    return record.Substring(5);
                i += length;
            }
            return null;
        }
    }
}
