using System;
using System.IO;

namespace Kv.Platform
{
    /// <summary>
    /// <see cref="IAppendLog"/> over a file. The only file I/O of the server; the APIs it uses are listed in
    /// README.md ("Core library APIs") for the library OS to provide: FileStream(path, FileMode.OpenOrCreate,
    /// FileAccess.ReadWrite, FileShare.Read, bufferSize: 1), Length, Seek, Read, Write, SetLength, Flush(true)
    /// and Dispose; File.Exists / Directory.Exists for the start-up checks.
    /// </summary>
    internal sealed class FileAppendLog : IAppendLog
    {
        private readonly FileStream stream;

        public FileAppendLog(string path)
        {
            // bufferSize 1 disables FileStream's own buffer: the AOF buffers a whole batch itself and wants
            // each Append to be one write(2).
            stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1);
            stream.Seek(0, SeekOrigin.End);
        }

        public static bool DirectoryExists(string path) => Directory.Exists(path);

        public byte[] ReadAll()
        {
            long length = stream.Length;
            if (length > int.MaxValue - 64)
                throw new IOException("the append-only file is larger than 2 GB");
            var data = new byte[length];
            stream.Seek(0, SeekOrigin.Begin);
            int read = 0;
            while (read < data.Length)
            {
                int n = stream.Read(data, read, data.Length - read);
                if (n <= 0)
                    break;
                read += n;
            }
            stream.Seek(0, SeekOrigin.End);
            if (read == data.Length)
                return data;
            var shorter = new byte[read];
            Array.Copy(data, shorter, read);
            return shorter;
        }

        public void Truncate(long length)
        {
            stream.SetLength(length);
            stream.Flush(true);
            stream.Seek(0, SeekOrigin.End);
        }

        public void Append(byte[] data, int offset, int count) => stream.Write(data, offset, count);

        public void Sync() => stream.Flush(true);

        public void Close() => stream.Dispose();
    }
}
