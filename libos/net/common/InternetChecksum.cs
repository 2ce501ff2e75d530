using System;

namespace Testbed.LibOS.Net
{
    /// <summary>
    /// The ones'-complement sum of RFC 1071, accumulated in 64 bits over big-endian 16-bit words so that
    /// carries are folded once at the end. <see cref="Add"/> may be called on pieces whose lengths are
    /// even except the last.
    /// </summary>
    public struct InternetChecksum
    {
        private ulong sum;

        public void Add(ReadOnlySpan<byte> data)
        {
            int i = 0;
            int n = data.Length;
            ulong s = sum;
            while (i + 8 <= n)
            {
                s += (ulong)((data[i] << 8) | data[i + 1]) + (ulong)((data[i + 2] << 8) | data[i + 3])
                   + (ulong)((data[i + 4] << 8) | data[i + 5]) + (ulong)((data[i + 6] << 8) | data[i + 7]);
                i += 8;
            }
            while (i + 1 < n)
            {
                s += (ulong)((data[i] << 8) | data[i + 1]);
                i += 2;
            }
            if (i < n)
                s += (ulong)(data[i] << 8);
            sum = s;
        }

        public void AddWord(int value) => sum += (ulong)(value & 0xFFFF);

        public void AddAddress(uint address)
        {
            sum += (address >> 16) + (address & 0xFFFF);
        }

        /// <summary>The TCP/UDP pseudo header of RFC 793/768: addresses, protocol and the segment's length.</summary>
        public void AddPseudoHeader(uint source, uint destination, byte protocol, int length)
        {
            AddAddress(source);
            AddAddress(destination);
            sum += protocol;
            sum += (ulong)length;
        }

        /// <summary>The complemented 16-bit sum, ready to store in a header.</summary>
        public ushort Finish()
        {
            ulong s = sum;
            while ((s >> 16) != 0)
                s = (s & 0xFFFF) + (s >> 16);
            return (ushort)~s;
        }

        public static ushort Compute(ReadOnlySpan<byte> data)
        {
            var checksum = new InternetChecksum();
            checksum.Add(data);
            return checksum.Finish();
        }
    }
}
