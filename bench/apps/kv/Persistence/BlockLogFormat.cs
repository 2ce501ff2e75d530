using System;
using System.Buffers.Binary;

namespace Kv.Persistence
{
    /// <summary>
    /// The on-disk layout of the append-only log on a raw block device (README.md, "The log on a block
    /// device"); the I/O is Platform/BlockAppendLog.cs. All integers little-endian.
    ///
    /// Sector 0, the superblock (the rest of the sector is zero):
    ///   0 magic "kvblklog" | 8 version u32 | 12 sector size u32 | 16 log id u64 | 24 created, Unix ms u64
    ///   32 offset of the first record u64 | 40 reserved u32 | 44 CRC-32C of bytes 0..43
    /// Records follow from the first record offset, each at an 8-byte aligned offset:
    ///   0 magic "KVR1" | 4 type u16 (1 data, 2 truncate) | 6 reserved u16 | 8 log id u64 | 16 sequence u64
    ///   24 epoch u32 | 28 CRC of the previous record (the superblock's for the first) u32 | 32 payload length u32
    ///   36 CRC-32C of bytes 0..35 and the payload | 40 payload | zero padding to a multiple of 8
    /// The log is the longest chain of records from the first offset in which each record is intact (its CRC),
    /// belongs to this log (log id), comes next (sequence) and names its predecessor's CRC (chain). Whatever
    /// follows is not the log: zeros, a record torn by a crash, records of an earlier log on the same device
    /// (another log id), or records of this log written after a record that a crash lost and that a later run
    /// has since overwritten (they name the lost record's CRC; the epoch, random per open, makes a rewritten
    /// record differ from the lost one even when it carries the same bytes).
    /// </summary>
    internal static class BlockLogFormat
    {
        public const int SuperblockSize = 48;
        public const uint Version = 1;
        public const int DefaultSectorSize = 512;
        public const int MaxSectorSize = 64 * 1024;

        public const int HeaderSize = 40;
        public const uint RecordMagic = 0x3152564B; // "KVR1"
        public const ushort TypeData = 1;
        /// <summary>Payload: the new logical length (u64). Cuts the log's content without rewriting a record in place.</summary>
        public const ushort TypeTruncate = 2;

        private static readonly byte[] SuperMagic = { (byte)'k', (byte)'v', (byte)'b', (byte)'l', (byte)'k', (byte)'l', (byte)'o', (byte)'g' };

        internal struct Superblock
        {
            public int SectorSize;
            public ulong LogId;
            public long CreatedUnixMs;
            public long FirstRecord;
            public uint Crc;
        }

        /// <summary>A record's header as read; <see cref="Crc"/> is the stored one (checked with the payload).</summary>
        internal struct Header
        {
            public uint Magic;
            public ushort Type;
            public ushort Reserved;
            public ulong LogId;
            public ulong Sequence;
            public uint Epoch;
            public uint PreviousCrc;
            public uint PayloadLength;
            public uint Crc;
        }

        public static void WriteSuperblock(Span<byte> sector, ref Superblock sb)
        {
            sector.Slice(0, SuperblockSize).Clear();
            new ReadOnlySpan<byte>(SuperMagic).CopyTo(sector);
            BinaryPrimitives.WriteUInt32LittleEndian(sector.Slice(8), Version);
            BinaryPrimitives.WriteUInt32LittleEndian(sector.Slice(12), (uint)sb.SectorSize);
            BinaryPrimitives.WriteUInt64LittleEndian(sector.Slice(16), sb.LogId);
            BinaryPrimitives.WriteInt64LittleEndian(sector.Slice(24), sb.CreatedUnixMs);
            BinaryPrimitives.WriteInt64LittleEndian(sector.Slice(32), sb.FirstRecord);
            sb.Crc = Crc32C.Compute(sector.Slice(0, 44));
            BinaryPrimitives.WriteUInt32LittleEndian(sector.Slice(44), sb.Crc);
        }

        public static bool HasSuperblockMagic(ReadOnlySpan<byte> sector) => sector.Slice(0, 8).SequenceEqual(new ReadOnlySpan<byte>(SuperMagic));

        /// <summary>Reads a superblock whose magic matched; returns what is wrong with it, or null.</summary>
        public static string ReadSuperblock(ReadOnlySpan<byte> sector, long capacity, out Superblock sb)
        {
            sb = default;
            uint stored = BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(44));
            if (Crc32C.Compute(sector.Slice(0, 44)) != stored)
                return "its superblock is damaged (checksum mismatch)";
            uint version = BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(8));
            if (version != Version)
                return "its log has format version " + version + ", this kv reads version " + Version;
            sb.SectorSize = (int)BinaryPrimitives.ReadUInt32LittleEndian(sector.Slice(12));
            sb.LogId = BinaryPrimitives.ReadUInt64LittleEndian(sector.Slice(16));
            sb.CreatedUnixMs = BinaryPrimitives.ReadInt64LittleEndian(sector.Slice(24));
            sb.FirstRecord = BinaryPrimitives.ReadInt64LittleEndian(sector.Slice(32));
            sb.Crc = stored;
            if (sb.SectorSize < DefaultSectorSize || sb.SectorSize > MaxSectorSize || (sb.SectorSize & (sb.SectorSize - 1)) != 0)
                return "its superblock names an invalid sector size " + sb.SectorSize;
            if (sb.FirstRecord < sb.SectorSize || sb.FirstRecord % sb.SectorSize != 0 || sb.FirstRecord > capacity)
                return "its superblock names an invalid first record offset " + sb.FirstRecord;
            return null;
        }

        /// <summary>Writes the header with a zero CRC field: the CRC covers bytes 0..35 and the payload (<see cref="SetCrc"/>).</summary>
        public static void WriteHeader(Span<byte> h, ushort type, ulong logId, ulong sequence, uint epoch, uint previousCrc, int payloadLength)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(h, RecordMagic);
            BinaryPrimitives.WriteUInt16LittleEndian(h.Slice(4), type);
            BinaryPrimitives.WriteUInt16LittleEndian(h.Slice(6), 0);
            BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(8), logId);
            BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(16), sequence);
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(24), epoch);
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(28), previousCrc);
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(32), (uint)payloadLength);
            BinaryPrimitives.WriteUInt32LittleEndian(h.Slice(36), 0);
        }

        /// <summary>Computes and stores the CRC of a record laid out contiguously (header, then payload); returns it.</summary>
        public static uint SetCrc(Span<byte> record, int payloadLength)
        {
            uint crc = Crc32C.Update(Crc32C.Start, record.Slice(0, 36));
            crc = Crc32C.Finish(Crc32C.Update(crc, record.Slice(HeaderSize, payloadLength)));
            BinaryPrimitives.WriteUInt32LittleEndian(record.Slice(36), crc);
            return crc;
        }

        public static Header ReadHeader(ReadOnlySpan<byte> h)
        {
            Header r;
            r.Magic = BinaryPrimitives.ReadUInt32LittleEndian(h);
            r.Type = BinaryPrimitives.ReadUInt16LittleEndian(h.Slice(4));
            r.Reserved = BinaryPrimitives.ReadUInt16LittleEndian(h.Slice(6));
            r.LogId = BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(8));
            r.Sequence = BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(16));
            r.Epoch = BinaryPrimitives.ReadUInt32LittleEndian(h.Slice(24));
            r.PreviousCrc = BinaryPrimitives.ReadUInt32LittleEndian(h.Slice(28));
            r.PayloadLength = BinaryPrimitives.ReadUInt32LittleEndian(h.Slice(32));
            r.Crc = BinaryPrimitives.ReadUInt32LittleEndian(h.Slice(36));
            return r;
        }

        /// <summary>The bytes a record with this payload occupies: header, payload, padding to 8.</summary>
        public static long RecordSpan(long payloadLength) => (HeaderSize + payloadLength + 7) & ~7L;
    }
}
