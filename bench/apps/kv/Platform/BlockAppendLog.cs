using System;
using System.IO;
using Kv.Persistence;
using Kv.Server;

namespace Kv.Platform
{
    /// <summary>
    /// <see cref="IAppendLog"/> on a raw block device (--appenddevice /dev/vda on PVH; on CoreCLR and the linux
    /// target any preallocated file serves as one). The layout is Persistence/BlockLogFormat.cs. A device has
    /// no length of its own, so the log's end is found by walking the chain of records from the start
    /// (<see cref="Scan"/>); torn, zeroed and stale records all end the chain.
    ///
    /// Every write covers whole sectors, starting at the sector that holds the log's end: the bytes of that
    /// sector before the end are kept in memory (<see cref="tail"/>), so an append rewrites them unchanged
    /// (read-modify-write of the last partial sector only, without the read) and never touches an earlier
    /// sector. The device's APIs are those of FileAppendLog minus SetLength: FileStream(path, FileMode.Open,
    /// FileAccess.ReadWrite, FileShare.Read, 1), Length, Seek, Read, Write, Flush(true), Dispose.
    /// </summary>
    internal sealed class BlockAppendLog : IAppendLog
    {
        private const int ReadWindow = 256 * 1024;
        private const int MaxContent = int.MaxValue - 64;

        private static ulong opens;

        private readonly FileStream device;
        private readonly string path;
        /// <summary>Whole sectors: a device's length, or a file's rounded down.</summary>
        private readonly long capacity;
        private readonly int sectorSize;
        private readonly long firstRecord;
        private readonly ulong logId;
        private readonly uint superblockCrc;
        private readonly uint epoch;

        // Where the next record goes; valid once scanned.
        private bool scanned;
        private bool warned;
        private long end;
        private ulong nextSequence;
        private uint lastCrc;
        private long logicalLength;
        /// <summary>The sector that holds <see cref="end"/>: its bytes before the end, zeros after.</summary>
        private readonly byte[] tail;
        private byte[] staging = new byte[64 * 1024];

        private byte[] window;
        private long windowStart;
        private int windowLength;

        /// <summary>Opens the log on <paramref name="path"/>, formatting the device if its first sector is zero.</summary>
        public static BlockAppendLog Open(string path)
        {
            var device = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read, 1);
            bool opened = false;
            try
            {
                var log = new BlockAppendLog(device, path);
                opened = true;
                return log;
            }
            finally
            {
                if (!opened)
                    device.Dispose();
            }
        }

        private BlockAppendLog(FileStream device, string path)
        {
            this.device = device;
            this.path = path;
            long length = device.Length;
            var first = new byte[BlockLogFormat.DefaultSectorSize];
            if (length < 2 * BlockLogFormat.DefaultSectorSize)
                throw new IOException(path + " is too small for the append-only log (" + length + " bytes)");
            ReadExactly(0, first, first.Length);
            BlockLogFormat.Superblock sb;
            if (BlockLogFormat.HasSuperblockMagic(first))
            {
                string error = BlockLogFormat.ReadSuperblock(first, length, out sb);
                if (error != null)
                    throw new IOException(path + " holds a kv log, but " + error);
            }
            else if (IsZero(first))
            {
                sb = Format(length);
            }
            else
            {
                // Not ours and not blank: it may be someone's file system. Wiping it takes a deliberate act.
                throw new IOException(path + " holds something other than a kv log (its first sector is not zero); to use it for the log, zero it first: dd if=/dev/zero of=" + path + " bs=512 count=1 conv=notrunc");
            }
            sectorSize = sb.SectorSize;
            capacity = length - length % sectorSize;
            if (capacity < sb.FirstRecord + sectorSize)
                throw new IOException(path + " is too small for the append-only log (" + length + " bytes)");
            firstRecord = sb.FirstRecord;
            logId = sb.LogId;
            superblockCrc = sb.Crc;
            tail = new byte[sectorSize];
            epoch = (uint)Nonce(sb.LogId);
        }

        /// <summary>Bytes the device offers to records.</summary>
        public long Capacity => capacity - firstRecord;

        public byte[] ReadAll()
        {
            byte[] content = Scan(true);
            if (content.Length == logicalLength)
                return content;
            var exact = new byte[logicalLength];
            Array.Copy(content, exact, (int)logicalLength);
            return exact;
        }

        /// <summary>Cuts the content with a truncate record: appending is the only write, so a crash leaves either cut or not.</summary>
        public void Truncate(long length)
        {
            EnsureScanned();
            if (length < 0 || length > logicalLength)
                throw new ArgumentOutOfRangeException(nameof(length), "the log holds " + logicalLength + " bytes, cannot truncate it to " + length);
            if (length == logicalLength)
                return;
            var payload = new byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt64LittleEndian(payload, length);
            WriteRecord(BlockLogFormat.TypeTruncate, payload, 0, payload.Length);
            logicalLength = length;
            device.Flush(true);
        }

        public void Append(byte[] data, int offset, int count)
        {
            EnsureScanned();
            if (logicalLength + count > MaxContent)
                throw new IOException("the append-only log on " + path + " would exceed 2 GB, which it could not replay");
            WriteRecord(BlockLogFormat.TypeData, data, offset, count);
            logicalLength += count;
        }

        public void Sync() => device.Flush(true);

        public void Close() => device.Dispose();

        private BlockLogFormat.Superblock Format(long length)
        {
            var sb = new BlockLogFormat.Superblock
            {
                SectorSize = BlockLogFormat.DefaultSectorSize,
                LogId = Nonce(0),
                CreatedUnixMs = Clock.UnixMilliseconds(),
                FirstRecord = BlockLogFormat.DefaultSectorSize,
            };
            var sector = new byte[sb.SectorSize];
            BlockLogFormat.WriteSuperblock(sector, ref sb);
            device.Seek(0, SeekOrigin.Begin);
            device.Write(sector, 0, sector.Length);
            device.Flush(true);
            Log.Info("formatted " + path + " for the append-only log (" + length + " bytes, log id " + sb.LogId.ToString("x16") + ")");
            return sb;
        }

        /// <summary>
        /// One record, written from the start of the tail sector to the end of the sector where the record
        /// ends (zeros after it). Nothing changes in memory unless the write returned, so after a failure the
        /// next append (if the caller tries one) overwrites the same place.
        /// </summary>
        private void WriteRecord(ushort type, byte[] payload, int offset, int count)
        {
            long span = BlockLogFormat.RecordSpan(count);
            long newEnd = end + span;
            if (newEnd > capacity)
                throw new IOException("No space left on device (the append-only log on " + path + " is full: " + (end - firstRecord) + " of " + Capacity + " bytes used, a record of " + span + " does not fit)");
            long start = end - end % sectorSize;
            int head = (int)(end - start);
            long stop = (newEnd + sectorSize - 1) / sectorSize * sectorSize;
            if (stop - start > int.MaxValue)
                throw new IOException("a record of " + count + " bytes is too large for the append-only log");
            int total = (int)(stop - start);
            if (staging.Length < total)
                staging = new byte[total];
            Array.Copy(tail, 0, staging, 0, head);
            BlockLogFormat.WriteHeader(new Span<byte>(staging, head, BlockLogFormat.HeaderSize), type, logId, nextSequence, epoch, lastCrc, count);
            Array.Copy(payload, offset, staging, head + BlockLogFormat.HeaderSize, count);
            int used = head + BlockLogFormat.HeaderSize + count;
            Array.Clear(staging, used, total - used);
            uint crc = BlockLogFormat.SetCrc(new Span<byte>(staging, head, total - head), count);
            device.Seek(start, SeekOrigin.Begin);
            device.Write(staging, 0, total);

            long tailStart = newEnd - newEnd % sectorSize;
            Array.Copy(staging, (int)(tailStart - start), tail, 0, (int)(newEnd - tailStart));
            end = newEnd;
            nextSequence++;
            lastCrc = crc;
            if (staging.Length > 1024 * 1024)
                staging = new byte[64 * 1024];
        }

        private void EnsureScanned()
        {
            if (!scanned)
                Scan(false);
        }

        /// <summary>
        /// Walks the chain of records from the first; sets the end, the next sequence number, the last CRC, the
        /// logical length and the tail sector. With <paramref name="keep"/>, returns the content (the data
        /// records' payloads with the truncations applied), possibly longer than the logical length.
        /// </summary>
        private byte[] Scan(bool keep)
        {
            byte[] content = keep ? new byte[(int)Math.Min(64 * 1024, capacity)] : null;
            var header = new byte[BlockLogFormat.HeaderSize];
            var cut = new byte[8];
            long pos = firstRecord;
            ulong sequence = 1;
            uint previous = superblockCrc;
            long logical = 0;
            window = new byte[(int)Math.Min(ReadWindow, capacity)];
            windowLength = 0;
            try
            {
                while (pos + BlockLogFormat.HeaderSize <= capacity)
                {
                    Read(pos, header, 0, header.Length);
                    var h = BlockLogFormat.ReadHeader(header);
                    if (h.Magic != BlockLogFormat.RecordMagic || h.LogId != logId || h.Sequence != sequence || h.PreviousCrc != previous)
                        break; // zeros, an earlier log's records, or records that follow one a crash lost
                    bool data = h.Type == BlockLogFormat.TypeData;
                    if ((!data && h.Type != BlockLogFormat.TypeTruncate) || h.Reserved != 0 || h.PayloadLength > capacity - pos - BlockLogFormat.HeaderSize
                        || (!data && h.PayloadLength != 8))
                    {
                        Torn(pos, h);
                        break;
                    }
                    int length = (int)h.PayloadLength;
                    if (data && keep)
                    {
                        if (logical + length > MaxContent)
                            throw new IOException("the append-only log on " + path + " holds more than 2 GB, which kv cannot replay");
                        content = Grow(content, logical, length);
                    }
                    uint crc = Crc32C.Update(Crc32C.Start, new ReadOnlySpan<byte>(header, 0, 36));
                    crc = Crc32C.Finish(Checksum(pos + BlockLogFormat.HeaderSize, length, crc, data ? content : cut, data ? (int)logical : 0));
                    if (crc != h.Crc)
                    {
                        Torn(pos, h);
                        break;
                    }
                    if (data)
                    {
                        logical += length;
                    }
                    else
                    {
                        long to = System.Buffers.Binary.BinaryPrimitives.ReadInt64LittleEndian(cut);
                        if (to < 0 || to > logical)
                            throw new IOException("the append-only log on " + path + " is corrupt: record " + sequence + " at offset " + pos + " truncates " + logical + " bytes to " + to);
                        logical = to;
                    }
                    previous = crc;
                    sequence++;
                    pos += BlockLogFormat.RecordSpan(length);
                }
                end = pos;
                nextSequence = sequence;
                lastCrc = previous;
                logicalLength = logical;
                long tailStart = end - end % sectorSize;
                Array.Clear(tail, 0, tail.Length);
                Read(tailStart, tail, 0, (int)(end - tailStart));
                scanned = true;
                warned = true;
            }
            finally
            {
                window = null;
            }
            return content;
        }

        /// <summary>A record in the place of the next one, of this log and in sequence, but damaged: the crash hit its write.</summary>
        private void Torn(long pos, BlockLogFormat.Header h)
        {
            if (warned)
                return;
            Log.Warning("!!! Warning: the last record of the append-only log on " + path + " is incomplete (record " + h.Sequence + " at offset " + pos
                + ", " + h.PayloadLength + " bytes): a crash during its write. Dropped; the log ends before it and the next write replaces it.");
        }

        private static byte[] Grow(byte[] content, long used, int more)
        {
            long need = used + more;
            if (need <= content.Length)
                return content;
            long size = content.Length;
            while (size < need)
                size *= 2;
            var bigger = new byte[(int)Math.Min(size, MaxContent)];
            Array.Copy(content, bigger, (int)used);
            return bigger;
        }

        /// <summary>Copies <paramref name="count"/> bytes at <paramref name="pos"/> through the read window.</summary>
        private void Read(long pos, byte[] to, int offset, int count) => Checksum(pos, count, 0, to, offset);

        /// <summary>Feeds <paramref name="count"/> bytes at <paramref name="pos"/> to a running CRC, and copies them unless <paramref name="to"/> is null.</summary>
        private uint Checksum(long pos, int count, uint crc, byte[] to, int offset)
        {
            while (count > 0)
            {
                if (pos < windowStart || pos >= windowStart + windowLength)
                    Fill(pos);
                int at = (int)(pos - windowStart);
                int n = Math.Min(count, windowLength - at);
                var chunk = new ReadOnlySpan<byte>(window, at, n);
                crc = Crc32C.Update(crc, chunk);
                if (to != null)
                    chunk.CopyTo(new Span<byte>(to, offset, n));
                pos += n;
                offset += n;
                count -= n;
            }
            return crc;
        }

        private void Fill(long pos)
        {
            long start = pos - pos % sectorSize;
            int n = (int)Math.Min(window.Length, capacity - start);
            ReadExactly(start, window, n);
            windowStart = start;
            windowLength = n;
        }

        private void ReadExactly(long pos, byte[] to, int count)
        {
            device.Seek(pos, SeekOrigin.Begin);
            int got = 0;
            while (got < count)
            {
                int n = device.Read(to, got, count - got);
                if (n <= 0)
                    throw new IOException("short read from " + path + " at offset " + (pos + got));
                got += n;
            }
        }

        private static bool IsZero(byte[] b)
        {
            for (int i = 0; i < b.Length; i++)
                if (b[i] != 0)
                    return false;
            return true;
        }

        /// <summary>
        /// Log ids and epochs only need to differ from the device's earlier ones: the clocks differ between
        /// two starts of a server, and the counter between two opens in one process (the tests').
        /// </summary>
        private static ulong Nonce(ulong salt)
        {
            ulong x = (ulong)Clock.UnixMilliseconds() * 0x9E3779B97F4A7C15UL ^ (ulong)Clock.MonotonicMilliseconds() * 0xC2B2AE3D27D4EB4FUL
                ^ ++opens * 0xD1B54A32D192ED03UL ^ salt;
            x ^= x >> 33;
            x *= 0xFF51AFD7ED558CCDUL;
            x ^= x >> 33;
            x *= 0xC4CEB9FE1A85EC53UL;
            x ^= x >> 33;
            return x;
        }
    }
}
