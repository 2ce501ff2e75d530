using System;

// FIPS 180-4 SHA-256, for the interop tests: the core library has no System.Security.Cryptography, and the
// Linux side compares with Python's hashlib. Test code, written for clarity over speed.
sealed class Sha256
{
    private static readonly uint[] K =
    {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    };

    private readonly uint[] h = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
    private readonly uint[] w = new uint[64];
    private readonly byte[] pending = new byte[64];
    private int pendingLength;
    public long Length;

    public void Update(byte[] data, int offset, int count)
    {
        Length += count;
        if (pendingLength > 0)
        {
            int take = 64 - pendingLength;
            if (take > count) take = count;
            Array.Copy(data, offset, pending, pendingLength, take);
            pendingLength += take;
            offset += take;
            count -= take;
            if (pendingLength < 64) return;
            Block(pending, 0);
            pendingLength = 0;
        }
        while (count >= 64)
        {
            Block(data, offset);
            offset += 64;
            count -= 64;
        }
        if (count > 0)
        {
            Array.Copy(data, offset, pending, 0, count);
            pendingLength = count;
        }
    }

    /// <summary>The digest as 64 lowercase hex digits.</summary>
    public string Finish()
    {
        long bits = Length * 8;
        var tail = new byte[(pendingLength < 56 ? 64 : 128) - pendingLength];
        tail[0] = 0x80;
        for (int i = 0; i < 8; i++) tail[tail.Length - 1 - i] = (byte)(bits >> (8 * i));
        long saved = Length;
        Update(tail, 0, tail.Length);
        Length = saved;
        const string digits = "0123456789abcdef";
        var text = new char[64];
        for (int i = 0; i < 8; i++)
            for (int j = 0; j < 8; j++)
                text[8 * i + j] = digits[(int)(h[i] >> (28 - 4 * j)) & 15];
        return new string(text);
    }

    private static uint Rotr(uint x, int n) => (x >> n) | (x << (32 - n));

    private void Block(byte[] b, int at)
    {
        uint[] w = this.w;
        for (int i = 0; i < 16; i++, at += 4)
            w[i] = ((uint)b[at] << 24) | ((uint)b[at + 1] << 16) | ((uint)b[at + 2] << 8) | b[at + 3];
        for (int i = 16; i < 64; i++)
        {
            uint s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
            uint s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
            w[i] = w[i - 16] + s0 + w[i - 7] + s1;
        }
        uint a = h[0], bb = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
        for (int i = 0; i < 64; i++)
        {
            uint t1 = hh + (Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i];
            uint t2 = (Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22)) + ((a & bb) ^ (a & c) ^ (bb & c));
            hh = g; g = f; f = e; e = d + t1; d = c; c = bb; bb = a; a = t1 + t2;
        }
        h[0] += a; h[1] += bb; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
    }
}
