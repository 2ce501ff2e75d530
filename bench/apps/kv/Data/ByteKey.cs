using System;
using System.Buffers.Binary;

namespace Kv.Data
{
    /// <summary>
    /// Keys, hash fields and members are binary-safe byte strings: stored as exact-length byte[] and looked
    /// up from a span of the receive buffer, so a lookup allocates nothing. This is their hash, equality and
    /// order.
    /// </summary>
    internal static class ByteKey
    {
        private const ulong K1 = 0x9E3779B97F4A7C15UL;
        private const ulong K2 = 0xC2B2AE3D27D4EB4FUL;

        // Seeded from the clocks before the first hash: clients cannot precompute colliding keys for a
        // process they did not see start. Not SipHash (Redis's choice), but a full-avalanche 64-bit mix
        // over eight bytes per step, which is several times cheaper on short keys. Fixed for the
        // process's life: every stored hash depends on it.
        private static readonly ulong seed;

        static ByteKey()
        {
            seed = ((ulong)Kv.Platform.Clock.UnixMilliseconds() * K1) ^ ((ulong)Kv.Platform.Clock.MonotonicMilliseconds() * K2) | 1;
        }

        public static uint Hash(ReadOnlySpan<byte> s)
        {
            ulong h = seed ^ ((ulong)s.Length * K1);
            int i = 0;
            for (; i + 8 <= s.Length; i += 8)
                h = Rotl((h ^ Scramble(BinaryPrimitives.ReadUInt64LittleEndian(s.Slice(i)))), 27) * K1 + 0x52DCE729;
            if (i < s.Length)
            {
                ulong tail = 0;
                for (int j = s.Length - 1; j >= i; j--)
                    tail = (tail << 8) | s[j];
                h ^= Scramble(tail);
            }
            // MurmurHash3's finaliser: every input bit affects every output bit.
            h ^= h >> 33;
            h *= 0xFF51AFD7ED558CCDUL;
            h ^= h >> 33;
            h *= 0xC4CEB9FE1A85EC53UL;
            h ^= h >> 33;
            return (uint)h ^ (uint)(h >> 32);
        }

        private static ulong Scramble(ulong v) => Rotl(v * K2, 31) * K1;

        private static ulong Rotl(ulong v, int n) => (v << n) | (v >> (64 - n));

        public static bool Equal(byte[] stored, ReadOnlySpan<byte> key) =>
            stored.Length == key.Length && new ReadOnlySpan<byte>(stored).SequenceEqual(key);

        /// <summary>memcmp order with the shorter first on a common prefix, as Redis orders members.</summary>
        public static int Compare(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
        {
            int n = a.Length < b.Length ? a.Length : b.Length;
            for (int i = 0; i < n; i++)
                if (a[i] != b[i])
                    return a[i] < b[i] ? -1 : 1;
            return a.Length == b.Length ? 0 : (a.Length < b.Length ? -1 : 1);
        }
    }

    /// <summary>xorshift64*: random sampling for expiry, SPOP and skip-list levels. Used under the server lock.</summary>
    internal sealed class Rng
    {
        private ulong state;

        public Rng(ulong seed) { state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed; }

        public ulong NextUInt64()
        {
            state ^= state >> 12;
            state ^= state << 25;
            state ^= state >> 27;
            return state * 0x2545F4914F6CDD1DUL;
        }

        /// <summary>Uniform in [0, bound) for bound &gt; 0 (the modulo bias is below 2^-32 for our sizes).</summary>
        public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);
    }
}
