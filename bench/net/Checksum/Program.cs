// The Internet checksum (RFC 1071) as the stack computes it (Testbed.LibOS.Net.InternetChecksum.Add:
// two bytes per step, big-endian words) against a proposed version that adds 8 bytes per step in the
// machine's byte order into four 64-bit accumulators (32-bit halves, so no carry is lost for inputs
// below 16 GiB) and swaps the folded sum's bytes at the end (RFC 1071 section 2(B): the sum is
// independent of byte order). Checks that both agree on random data of every length 0..2048 at
// every alignment 0..7, then times each on a 1460-byte segment and a 64 KiB one.
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
                if (InternetChecksum.Compute(span) != Proposed(span))
                    mismatches++;
            }
        Console.WriteLine("agreement: " + (mismatches == 0 ? "all lengths 0..2048 at offsets 0..7" : mismatches.ToString() + " MISMATCHES"));

        foreach (int size in new[] { 1460, 65536 })
        {
            int iterations = size == 1460 ? 400000 : 10000;
            var span = new ReadOnlySpan<byte>(data, 0, size);
            int sink = 0;
            // Warm-up, then the stack's version and the proposed one, three times each, best kept.
            for (int i = 0; i < iterations / 10; i++) sink += InternetChecksum.Compute(span) + Proposed(span);
            ulong best = ulong.MaxValue, bestProposed = ulong.MaxValue;
            for (int trial = 0; trial < 3; trial++)
            {
                ulong t0 = Clock.Nanoseconds;
                // One byte changes per call, so that the compiler cannot hoist the call out of the loop.
                for (int i = 0; i < iterations; i++) { data[i & 63] = (byte)i; sink += InternetChecksum.Compute(span); }
                ulong t1 = Clock.Nanoseconds;
                for (int i = 0; i < iterations; i++) { data[i & 63] = (byte)i; sink += Proposed(span); }
                ulong t2 = Clock.Nanoseconds;
                best = Math.Min(best, t1 - t0);
                bestProposed = Math.Min(bestProposed, t2 - t1);
            }
            Console.WriteLine("size=" + size.ToString()
                + " current_ns=" + Ns(best, iterations) + " current_gb_per_s=" + Rate(best, iterations, size)
                + " proposed_ns=" + Ns(bestProposed, iterations) + " proposed_gb_per_s=" + Rate(bestProposed, iterations, size)
                + " (sink " + (sink & 1).ToString() + ")");
        }
        return mismatches == 0 ? 0 : 1;
    }

    static string Ns(ulong total, int iterations) => ((double)total / iterations).ToString("F1");
    static string Rate(ulong total, int iterations, int size) => ((double)size * iterations / total).ToString("F2");

    /// <summary>The complemented checksum of <paramref name="data"/>, as InternetChecksum.Compute.</summary>
    static ushort Proposed(ReadOnlySpan<byte> data)
    {
        ulong s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int n = data.Length;
        fixed (byte* start = data)
        {
            byte* p = start;
            while (n >= 32)
            {
                ulong a = *(ulong*)p, b = *(ulong*)(p + 8), c = *(ulong*)(p + 16), d = *(ulong*)(p + 24);
                s0 += (a & 0xFFFFFFFFUL) + (a >> 32);
                s1 += (b & 0xFFFFFFFFUL) + (b >> 32);
                s2 += (c & 0xFFFFFFFFUL) + (c >> 32);
                s3 += (d & 0xFFFFFFFFUL) + (d >> 32);
                p += 32;
                n -= 32;
            }
            while (n >= 8)
            {
                ulong a = *(ulong*)p;
                s0 += (a & 0xFFFFFFFFUL) + (a >> 32);
                p += 8;
                n -= 8;
            }
            while (n >= 2)
            {
                s1 += *(ushort*)p;
                p += 2;
                n -= 2;
            }
            if (n == 1)
                s2 += *p;    // the high byte of a big-endian word is the low byte in memory order
        }
        ulong sum = s0 + s1 + s2 + s3;
        while ((sum >> 16) != 0)
            sum = (sum & 0xFFFF) + (sum >> 16);
        ushort native = (ushort)sum;
        return (ushort)~(ushort)((native >> 8) | (native << 8));
    }
}
