using System;

namespace Kv.Persistence
{
    /// <summary>
    /// CRC-32C (Castagnoli, reflected polynomial 0x82F63B78), the checksum of the block log's records.
    /// Castagnoli rather than zlib's CRC-32 because it detects more error patterns at the lengths records
    /// have, and it is what storage formats (iSCSI, ext4, btrfs) use. Table-driven, eight bytes per step
    /// ("slicing-by-8"): the core library has no CRC intrinsic, and replaying a large log checks every byte.
    /// </summary>
    internal static class Crc32C
    {
        private static readonly uint[] Table = BuildTable();

        /// <summary>The CRC of <paramref name="data"/>.</summary>
        public static uint Compute(ReadOnlySpan<byte> data) => Finish(Update(Start, data));

        /// <summary>The running state before any byte; feed it to <see cref="Update"/>, end with <see cref="Finish"/>.</summary>
        public const uint Start = 0xFFFFFFFFu;

        public static uint Finish(uint state) => ~state;

        public static uint Update(uint state, ReadOnlySpan<byte> data)
        {
            uint[] t = Table;
            uint crc = state;
            int i = 0;
            for (; i + 8 <= data.Length; i += 8)
            {
                uint lo = crc ^ (uint)(data[i] | data[i + 1] << 8 | data[i + 2] << 16 | data[i + 3] << 24);
                uint hi = (uint)(data[i + 4] | data[i + 5] << 8 | data[i + 6] << 16 | data[i + 7] << 24);
                crc = t[7 * 256 + (lo & 0xFF)] ^ t[6 * 256 + ((lo >> 8) & 0xFF)] ^ t[5 * 256 + ((lo >> 16) & 0xFF)] ^ t[4 * 256 + (lo >> 24)]
                    ^ t[3 * 256 + (hi & 0xFF)] ^ t[2 * 256 + ((hi >> 8) & 0xFF)] ^ t[1 * 256 + ((hi >> 16) & 0xFF)] ^ t[hi >> 24];
            }
            for (; i < data.Length; i++)
                crc = t[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        /// <summary>Table k holds the CRC of a byte followed by k zero bytes, so eight lookups advance eight bytes.</summary>
        private static uint[] BuildTable()
        {
            var t = new uint[8 * 256];
            for (uint b = 0; b < 256; b++)
            {
                uint c = b;
                for (int k = 0; k < 8; k++)
                    c = (c & 1) != 0 ? (c >> 1) ^ 0x82F63B78u : c >> 1;
                t[b] = c;
            }
            for (int k = 1; k < 8; k++)
                for (int b = 0; b < 256; b++)
                {
                    uint prev = t[(k - 1) * 256 + b];
                    t[k * 256 + b] = t[prev & 0xFF] ^ (prev >> 8);
                }
            return t;
        }
    }
}
