using System;

namespace Kv.Platform
{
    /// <summary>
    /// The storage the append-only file needs, and nothing more: the AOF code (Persistence/) is written
    /// against this so that the library OS can back it with whatever it has (a log on the raw virtio-blk
    /// disk on PVH) while CoreCLR uses a file (FileAppendLog.cs).
    /// </summary>
    internal interface IAppendLog
    {
        /// <summary>Everything written so far (what the server replays at start).</summary>
        byte[] ReadAll();

        /// <summary>Cuts the log to <paramref name="length"/> bytes (a torn last record) and appends after it.</summary>
        void Truncate(long length);

        /// <summary>Appends at the end; may stay in the operating system's cache until <see cref="Sync"/>.</summary>
        void Append(byte[] data, int offset, int count);

        /// <summary>Makes every appended byte durable (fsync).</summary>
        void Sync();

        void Close();
    }
}
