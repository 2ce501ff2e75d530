// An LZ77 compressor (sliding window, greedy longest match) and an RLE codec over byte arrays,
// each followed by decompression and a round-trip check; prints sizes and checksums.
using System;

static class Lz77
{
    const int Window = 255, MaxLen = 255, MinLen = 3;
    // format: flag byte 0 + literal, or flag 1 + distance + length
    public static byte[] Compress(byte[] data, out int outLen)
    {
        var o = new byte[data.Length * 2 + 8]; int n = 0, i = 0;
        while (i < data.Length)
        {
            int bestLen = 0, bestDist = 0;
            int from = Math.Max(0, i - Window);
            for (int j = from; j < i; j++)
            {
                int l = 0;
                while (l < MaxLen && i + l < data.Length && data[j + l] == data[i + l]) l++;
                if (l > bestLen) { bestLen = l; bestDist = i - j; }
            }
            if (bestLen >= MinLen) { o[n++] = 1; o[n++] = (byte)bestDist; o[n++] = (byte)bestLen; i += bestLen; }
            else { o[n++] = 0; o[n++] = data[i++]; }
        }
        outLen = n; return o;
    }
    public static byte[] Decompress(byte[] c, int len, int expected)
    {
        var o = new byte[expected]; int n = 0, i = 0;
        while (i < len)
        {
            if (c[i] == 0) { o[n++] = c[i + 1]; i += 2; }
            else { int d = c[i + 1], l = c[i + 2]; for (int k = 0; k < l; k++) { o[n] = o[n - d]; n++; } i += 3; }
        }
        if (n != expected) throw new InvalidOperationException("length mismatch " + n);
        return o;
    }
}

static class Rle
{
    public static int Encode(byte[] d, byte[] o)
    {
        int n = 0;
        for (int i = 0; i < d.Length;)
        {
            int run = 1;
            while (i + run < d.Length && d[i + run] == d[i] && run < 255) run++;
            o[n++] = (byte)run; o[n++] = d[i]; i += run;
        }
        return n;
    }
    public static int Decode(byte[] c, int len, byte[] o)
    {
        int n = 0;
        for (int i = 0; i < len; i += 2) for (int k = 0; k < c[i]; k++) o[n++] = c[i + 1];
        return n;
    }
}

static class Program
{
    static uint Adler(byte[] d, int len) { uint a = 1, b = 0; for (int i = 0; i < len; i++) { a = (a + d[i]) % 65521; b = (b + a) % 65521; } return (b << 16) | a; }

    static byte[] Text()
    {
        string s = "";
        string[] words = { "compress ", "the ", "data ", "window ", "match ", "literal " };
        uint r = 99;
        for (int i = 0; i < 300; i++) { r = r * 1103515245 + 12345; s = s + words[(r >> 16) % 6]; }
        var b = new byte[s.Length];
        for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
        return b;
    }

    static int Main()
    {
        var inputs = new byte[3][];
        inputs[0] = Text();
        inputs[1] = new byte[2000];
        for (int i = 0; i < 2000; i++) inputs[1][i] = (byte)((i / 37) % 5);
        inputs[2] = new byte[512];
        uint r = 1;
        for (int i = 0; i < 512; i++) { r = r * 69069 + 1; inputs[2][i] = (byte)(r >> 24); }
        int score = 0;
        for (int t = 0; t < inputs.Length; t++)
        {
            var d = inputs[t];
            var c = Lz77.Compress(d, out int clen);
            var back = Lz77.Decompress(c, clen, d.Length);
            bool same = true;
            for (int i = 0; i < d.Length; i++) if (back[i] != d[i]) same = false;
            Console.WriteLine("input " + t + ": " + d.Length + " bytes, adler " + Adler(d, d.Length));
            Console.WriteLine("  lz77 " + clen + " bytes, adler " + Adler(c, clen) + ", round trip " + same);
            var rle = new byte[d.Length * 2];
            int rlen = Rle.Encode(d, rle);
            var rb = new byte[d.Length];
            int dn = Rle.Decode(rle, rlen, rb);
            bool same2 = dn == d.Length;
            for (int i = 0; i < dn && same2; i++) if (rb[i] != d[i]) same2 = false;
            Console.WriteLine("  rle " + rlen + " bytes, round trip " + same2);
            score += clen * 100 / d.Length + rlen * 10 / d.Length;
        }
        return score & 0xFF;
    }
}
