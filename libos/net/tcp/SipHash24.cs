using System;

namespace Testbed.LibOS.Net.Tcp
{
    /// <summary>
    /// SipHash-2-4 (Aumasson and Bernstein, 2012): a keyed 64-bit PRF, cheap for short inputs, which
    /// is what RFC 6528 asks for when it derives initial sequence numbers from the connection's
    /// 4-tuple and a secret. Written from the paper's description.
    /// </summary>
    internal struct SipHash24
    {
        private readonly ulong key0;
        private readonly ulong key1;

        public SipHash24(ulong key0, ulong key1)
        {
            this.key0 = key0;
            this.key1 = key1;
        }

        public ulong Hash(ReadOnlySpan<byte> message)
        {
            ulong v0 = key0 ^ 0x736f6d6570736575UL;
            ulong v1 = key1 ^ 0x646f72616e646f6dUL;
            ulong v2 = key0 ^ 0x6c7967656e657261UL;
            ulong v3 = key1 ^ 0x7465646279746573UL;

            int length = message.Length;
            int whole = length & ~7;
            for (int i = 0; i < whole; i += 8)
            {
                ulong m = ReadLittleEndian(message, i, 8);
                v3 ^= m;
                Round(ref v0, ref v1, ref v2, ref v3);
                Round(ref v0, ref v1, ref v2, ref v3);
                v0 ^= m;
            }
            // The last word carries the remaining bytes and the message length in its top byte.
            ulong last = ReadLittleEndian(message, whole, length - whole) | ((ulong)(length & 0xFF) << 56);
            v3 ^= last;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= last;

            v2 ^= 0xFF;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            return v0 ^ v1 ^ v2 ^ v3;
        }

        private static ulong ReadLittleEndian(ReadOnlySpan<byte> bytes, int at, int count)
        {
            ulong value = 0;
            for (int i = count - 1; i >= 0; i--)
                value = (value << 8) | bytes[at + i];
            return value;
        }

        private static ulong Rotate(ulong x, int bits) => (x << bits) | (x >> (64 - bits));

        private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
        {
            v0 += v1; v1 = Rotate(v1, 13); v1 ^= v0; v0 = Rotate(v0, 32);
            v2 += v3; v3 = Rotate(v3, 16); v3 ^= v2;
            v0 += v3; v3 = Rotate(v3, 21); v3 ^= v0;
            v2 += v1; v1 = Rotate(v1, 17); v1 ^= v2; v2 = Rotate(v2, 32);
        }
    }
}
