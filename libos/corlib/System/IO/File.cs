using System.Text;

namespace System.IO
{
    /// <summary>
    /// .NET's File helpers: streams with .NET's default access and sharing, and whole files: existence,
    /// bytes, UTF-8 text (written without a byte order mark; read with .NET's detection of UTF-8, UTF-16
    /// and UTF-32 marks), appending, deletion.
    /// </summary>
    public static class File
    {
        /// <summary>.NET's Array.MaxLength: the largest file ReadAllBytes can return.</summary>
        private const long MaxArrayLength = 0x7FFFFFC7;

        /// <summary>True for anything but a directory at the path; false for a bad path rather than an exception.</summary>
        public static bool Exists(string path)
        {
            if (path == null || path.Length == 0 || path.IndexOf('\0') >= 0) return false;
            int kind = FileService.KindOf(Path.GetFullPath(path));
            return kind > 0 && kind != FileService.KindDirectory;
        }

        public static FileStream Create(string path) => new FileStream(path, FileMode.Create, FileAccess.ReadWrite, FileShare.None);

        public static FileStream Open(string path, FileMode mode) =>
            new FileStream(path, mode, mode == FileMode.Append ? FileAccess.Write : FileAccess.ReadWrite, FileShare.None);

        public static FileStream Open(string path, FileMode mode, FileAccess access) => new FileStream(path, mode, access, FileShare.None);

        public static FileStream Open(string path, FileMode mode, FileAccess access, FileShare share) => new FileStream(path, mode, access, share);

        public static FileStream OpenRead(string path) => new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read);

        public static FileStream OpenWrite(string path) => new FileStream(path, FileMode.OpenOrCreate, FileAccess.Write, FileShare.None);

        public static byte[] ReadAllBytes(string path)
        {
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1))
            {
                long length = stream.CanSeek ? stream.Length : 0;
                if (length > MaxArrayLength)
                    throw new IOException("The file is too long. This operation is currently limited to supporting files less than 2 gigabytes in size.");
                if (length == 0)
                    return ReadToEnd(stream);
                byte[] bytes = new byte[length];
                int read = 0;
                while (read < bytes.Length)
                {
                    int n = stream.Read(bytes, read, bytes.Length - read);
                    if (n == 0) throw new EndOfStreamException("Unable to read beyond the end of the stream.");
                    read += n;
                }
                return bytes;
            }
        }

        /// <summary>A file whose size fstat does not tell (a pipe, /proc): read until the end.</summary>
        private static byte[] ReadToEnd(FileStream stream)
        {
            byte[] bytes = new byte[512];
            int read = 0;
            while (true)
            {
                if (read == bytes.Length)
                {
                    byte[] larger = new byte[bytes.Length * 2];
                    Array.Copy(bytes, larger, read);
                    bytes = larger;
                }
                int n = stream.Read(bytes, read, bytes.Length - read);
                if (n == 0) break;
                read += n;
            }
            byte[] result = new byte[read];
            Array.Copy(bytes, result, read);
            return result;
        }

        public static void WriteAllBytes(string path, byte[] bytes)
        {
            CheckPath(path);
            if (bytes == null) throw new ArgumentNullException(nameof(bytes));
            using (var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1))
                stream.Write(bytes, 0, bytes.Length);
        }

        public static string ReadAllText(string path) => Decode(ReadAllBytes(path));

        public static void WriteAllText(string path, string contents)
        {
            CheckPath(path);
            WriteText(path, FileMode.Create, contents);
        }

        public static void AppendAllText(string path, string contents)
        {
            CheckPath(path);
            WriteText(path, FileMode.Append, contents);
        }

        /// <summary>Removes the file; a file that is not there is no error, a directory that is not there is.</summary>
        public static unsafe void Delete(string path)
        {
            CheckPath(path);
            string fullPath = Path.GetFullPath(path);
            int result;
            fixed (byte* native = FileService.NativePath(fullPath))
                result = FileService.Delete(native, directory: false);
            if (result >= 0) return;
            int error = -result;
            if (error == FileErrors.ENOENT || error == FileService.NoFileSystem)
            {
                string parent = Path.GetDirectoryName(fullPath);
                if (parent == null || FileService.KindOf(parent) == FileService.KindDirectory) return;
                throw FileErrors.For(error, fullPath, isDirectory: true);
            }
            throw FileErrors.For(error == FileErrors.EISDIR ? FileErrors.EACCES : error, fullPath);
        }

        private static void CheckPath(string path)
        {
            if (path == null) throw new ArgumentNullException(nameof(path));
            if (path.Length == 0) throw new ArgumentException("The value cannot be an empty string.", nameof(path));
        }

        private static void WriteText(string path, FileMode mode, string contents)
        {
            using (var stream = new FileStream(path, mode, FileAccess.Write, FileShare.Read, 1))
            {
                if (contents == null || contents.Length == 0) return;
                byte[] bytes = Encoding.UTF8.GetBytes(contents);
                stream.Write(bytes, 0, bytes.Length);
            }
        }

        /// <summary>
        /// Text as .NET's StreamReader reads it by default: a UTF-32 (LE: FF FE 00 00, BE: 00 00 FE FF),
        /// UTF-16 (FF FE, FE FF) or UTF-8 (EF BB BF) mark chooses the encoding and is dropped; without one
        /// the bytes are UTF-8. Malformed sequences become U+FFFD.
        /// </summary>
        private static string Decode(byte[] bytes)
        {
            int n = bytes.Length;
            if (n >= 4 && bytes[0] == 0xFF && bytes[1] == 0xFE && bytes[2] == 0 && bytes[3] == 0) return DecodeUtf32(bytes, bigEndian: false);
            if (n >= 4 && bytes[0] == 0 && bytes[1] == 0 && bytes[2] == 0xFE && bytes[3] == 0xFF) return DecodeUtf32(bytes, bigEndian: true);
            if (n >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE) return DecodeUtf16(bytes, bigEndian: false);
            if (n >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF) return DecodeUtf16(bytes, bigEndian: true);
            if (n >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) return Encoding.UTF8.GetString(bytes, 3, n - 3);
            return Encoding.UTF8.GetString(bytes);
        }

        private static string DecodeUtf16(byte[] bytes, bool bigEndian)
        {
            var text = new StringBuilder(bytes.Length / 2);
            int i = 2;
            for (; i + 1 < bytes.Length; i += 2)
            {
                char c = bigEndian ? (char)(bytes[i] << 8 | bytes[i + 1]) : (char)(bytes[i + 1] << 8 | bytes[i]);
                text.Append(c);
            }
            if (i < bytes.Length) text.Append('\uFFFD');
            return ReplaceLoneSurrogates(text);
        }

        private static string DecodeUtf32(byte[] bytes, bool bigEndian)
        {
            var text = new StringBuilder(bytes.Length / 4);
            int i = 4;
            for (; i + 3 < bytes.Length; i += 4)
            {
                uint c = bigEndian
                    ? (uint)(bytes[i] << 24 | bytes[i + 1] << 16 | bytes[i + 2] << 8 | bytes[i + 3])
                    : (uint)(bytes[i + 3] << 24 | bytes[i + 2] << 16 | bytes[i + 1] << 8 | bytes[i]);
                if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) text.Append('\uFFFD');
                else if (c >= 0x10000) text.Append(char.ConvertFromUtf32((int)c));
                else text.Append((char)c);
            }
            if (i < bytes.Length) text.Append('\uFFFD');
            return text.ToString();
        }

        private static string ReplaceLoneSurrogates(StringBuilder text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1])) i++;
                else if (char.IsSurrogate(c)) text[i] = '\uFFFD';
            }
            return text.ToString();
        }
    }
}
