// The Internet checksum (RFC 1071) as the stack computes it (Testbed.LibOS.Net.InternetChecksum.Add:
// 8 bytes per step in the machine's byte order into four 64-bit accumulators, the folded sum's bytes
// swapped at the end, RFC 1071 section 2(B)) against the word-by-word loop over big-endian 16-bit
// words that it replaced. Checks that both agree on random data of every length 0..2048 at every
// alignment 0..7, then times each on a 1460-byte segment and a 64 KiB one.
// Run: ./testbed run bench/net/Checksum --target linux
using System;
using Testbed.LibOS.Net;
using Testbed.LibOS.Time;

static unsafe class Program
{
    static int Main()
    {
        var data = new byte[65536 + 16];
        ulong x = 0x9E3779B97F4A7C15UL;
        for (int i = 0; i < data.Length; i++)
        {
            x ^= x << 13; x ^= x >> 7; x ^= x << 17;
            data[i] = (byte)x;
        }
        int mismatches = 0;
        for (int offset = 0; offset < 8; offset++)
            for (int length = 0; length <= 2048; length++)
            {
                var span = new ReadOnlySpan<byte>(data, offset, length);
                if (InternetChecksum.Compute(span) != WordByWord(span))
                    mismatches++;
            }
        Console.WriteLine("agreement: " + (mismatches == 0 ? "all lengths 0..2048 at offsets 0..7" : mismatches.ToString() + " MISMATCHES"));

        foreach (int size in new[] { 1460, 65536 })
        {
            int iterations = size == 1460 ? 400000 : 10000;
            var span = new ReadOnlySpan<byte>(data, 0, size);
            int sink = 0;
            // Warm-up, then the stack's version and the word-by-word one, three times each, best kept.
            for (int i = 0; i < iterations / 10; i++) sink += InternetChecksum.Compute(span) + WordByWord(span);
            ulong best = ulong.MaxValue, bestWordByWord = ulong.MaxValue;
            for (int trial = 0; trial < 3; trial++)
            {
                ulong t0 = Clock.Nanoseconds;
                // One byte changes per call, so that the compiler cannot hoist the call out of the loop.
                for (int i = 0; i < iterations; i++) { data[i & 63] = (byte)i; sink += InternetChecksum.Compute(span); }
                ulong t1 = Clock.Nanoseconds;
                for (int i = 0; i < iterations; i++) { data[i & 63] = (byte)i; sink += WordByWord(span); }
                ulong t2 = Clock.Nanoseconds;
                best = Math.Min(best, t1 - t0);
                bestWordByWord = Math.Min(bestWordByWord, t2 - t1);
            }
            Console.WriteLine("size=" + size.ToString()
                + " current_ns=" + Ns(best, iterations) + " current_gb_per_s=" + Rate(best, iterations, size)
                + " word_by_word_ns=" + Ns(bestWordByWord, iterations) + " word_by_word_gb_per_s=" + Rate(bestWordByWord, iterations, size)
                + " (sink " + (sink & 1).ToString() + ")");
        }
        return mismatches == 0 ? 0 : 1;
    }

    static string Ns(ulong total, int iterations) => ((double)total / iterations).ToString("F1");
    static string Rate(ulong total, int iterations, int size) => ((double)size * iterations / total).ToString("F2");

    /// <summary>The complemented checksum of <paramref name="data"/>, one big-endian 16-bit word per step.</summary>
    static ushort WordByWord(ReadOnlySpan<byte> data)
    {
        ulong sum = 0;
        int i = 0;
        for (; i + 1 < data.Length; i += 2)
            sum += (ulong)((data[i] << 8) | data[i + 1]);
        if (i < data.Length)
            sum += (ulong)(data[i] << 8);
        while ((sum >> 16) != 0)
            sum = (sum & 0xFFFF) + (sum >> 16);
        return (ushort)~sum;
    }
}
