// SHA-256 written from the specification: padding, message schedule, compression; hashes the
// standard test vectors and generated data of several lengths, printed as hex.
using System;

static class Sha256
{
    static readonly uint[] K = {
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2 };

    static uint Rotr(uint x, int n) => (x >> n) | (x << (32 - n));

    public static uint[] Hash(byte[] msg)
    {
        uint[] h = { 0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19 };
        int total = ((msg.Length + 9 + 63) / 64) * 64;
        var data = new byte[total];
        for (int i = 0; i < msg.Length; i++) data[i] = msg[i];
        data[msg.Length] = 0x80;
        ulong bits = (ulong)msg.Length * 8;
        for (int i = 0; i < 8; i++) data[total - 1 - i] = (byte)(bits >> (8 * i));
        var w = new uint[64];
        for (int chunk = 0; chunk < total; chunk += 64)
        {
            for (int i = 0; i < 16; i++)
                w[i] = (uint)(data[chunk + 4 * i] << 24 | data[chunk + 4 * i + 1] << 16 | data[chunk + 4 * i + 2] << 8 | data[chunk + 4 * i + 3]);
            for (int i = 16; i < 64; i++)
            {
                uint s0 = Rotr(w[i - 15], 7) ^ Rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
                uint s1 = Rotr(w[i - 2], 17) ^ Rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }
            uint a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
            for (int i = 0; i < 64; i++)
            {
                uint S1 = Rotr(e, 6) ^ Rotr(e, 11) ^ Rotr(e, 25);
                uint ch = (e & f) ^ (~e & g);
                uint t1 = hh + S1 + ch + K[i] + w[i];
                uint S0 = Rotr(a, 2) ^ Rotr(a, 13) ^ Rotr(a, 22);
                uint maj = (a & b) ^ (a & c) ^ (b & c);
                uint t2 = S0 + maj;
                hh = g; g = f; f = e; e = d + t1; d = c; c = b; b = a; a = t1 + t2;
            }
            h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
        }
        return h;
    }

    public static string Hex(uint[] h)
    {
        const string digits = "0123456789abcdef";
        var c = new char[64];
        for (int i = 0; i < 8; i++) for (int j = 0; j < 8; j++) c[i * 8 + j] = digits[(int)(h[i] >> (28 - 4 * j)) & 15];
        return new string(c);
    }
}

static class Program
{
    static byte[] Ascii(string s) { var b = new byte[s.Length]; for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i]; return b; }

    // HMAC-SHA256 (RFC 2104) built on the hash above
    static uint[] Hmac(byte[] key, byte[] msg)
    {
        if (key.Length > 64) { var hk = Sha256.Hash(key); key = new byte[32]; for (int i = 0; i < 32; i++) key[i] = (byte)(hk[i / 4] >> (24 - 8 * (i % 4))); }
        var inner = new byte[64 + msg.Length]; var outer = new byte[64 + 32];
        for (int i = 0; i < 64; i++) { byte k = i < key.Length ? key[i] : (byte)0; inner[i] = (byte)(k ^ 0x36); outer[i] = (byte)(k ^ 0x5c); }
        for (int i = 0; i < msg.Length; i++) inner[64 + i] = msg[i];
        var ih = Sha256.Hash(inner);
        for (int i = 0; i < 32; i++) outer[64 + i] = (byte)(ih[i / 4] >> (24 - 8 * (i % 4)));
        return Sha256.Hash(outer);
    }

    static int Main()
    {
        string[] vectors = { "", "abc", "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "The quick brown fox jumps over the lazy dog" };
        foreach (var v in vectors) Console.WriteLine(Sha256.Hex(Sha256.Hash(Ascii(v))));
        uint fold = 0;
        int[] lengths = { 55, 56, 63, 64, 65, 1000 };
        foreach (int len in lengths)
        {
            var d = new byte[len];
            for (int i = 0; i < len; i++) d[i] = (byte)(i * i + 7);
            var h = Sha256.Hash(d);
            Console.WriteLine(len + ": " + Sha256.Hex(h));
            for (int i = 0; i < 8; i++) fold ^= h[i] * (uint)(i + 1);
        }
        // hash chain
        var x = Ascii("seed");
        for (int r = 0; r < 50; r++)
        {
            var h = Sha256.Hash(x);
            x = new byte[32];
            for (int i = 0; i < 8; i++) for (int j = 0; j < 4; j++) x[i * 4 + j] = (byte)(h[i] >> (24 - 8 * j));
        }
        Console.WriteLine("chain " + Sha256.Hex(Sha256.Hash(x)));
        Console.WriteLine("fold " + fold);
        var key1 = new byte[20]; for (int i = 0; i < 20; i++) key1[i] = 0x0b;
        Console.WriteLine("hmac1 " + Sha256.Hex(Hmac(key1, Ascii("Hi There"))));
        Console.WriteLine("hmac2 " + Sha256.Hex(Hmac(Ascii("Jefe"), Ascii("what do ya want for nothing?"))));
        var longKey = new byte[131]; for (int i = 0; i < longKey.Length; i++) longKey[i] = 0xaa;
        Console.WriteLine("hmac6 " + Sha256.Hex(Hmac(longKey, Ascii("Test Using Larger Than Block-Size Key - Hash Key First"))));
        return (int)(fold & 0xFF);
    }
}
