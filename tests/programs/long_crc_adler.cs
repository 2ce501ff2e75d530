// Checksums over generated data: CRC-32 (reflected, table-driven and bitwise, cross-checked),
// CRC-32C, CRC-16/CCITT-FALSE, Adler-32 and Fletcher-16, including incremental updates.
using System;

static class Crc
{
    static uint[] table32, table32c;
    static uint[] MakeTable(uint poly)
    {
        var t = new uint[256];
        for (uint i = 0; i < 256; i++) { uint c = i; for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? poly ^ (c >> 1) : c >> 1; t[i] = c; }
        return t;
    }
    public static uint Update(uint[] t, uint crc, byte[] d, int off, int len)
    {
        for (int i = off; i < off + len; i++) crc = t[(crc ^ d[i]) & 0xFF] ^ (crc >> 8);
        return crc;
    }
    public static uint Crc32(byte[] d) { table32 ??= MakeTable(0xEDB88320); return ~Update(table32, 0xFFFFFFFF, d, 0, d.Length); }
    public static uint Crc32C(byte[] d) { table32c ??= MakeTable(0x82F63B78); return ~Update(table32c, 0xFFFFFFFF, d, 0, d.Length); }
    public static uint Crc32Bitwise(byte[] d)
    {
        uint c = 0xFFFFFFFF;
        foreach (byte b in d) { c ^= b; for (int k = 0; k < 8; k++) c = (c >> 1) ^ (0xEDB88320 & (uint)-(int)(c & 1)); }
        return ~c;
    }
    public static ushort Crc16(byte[] d)
    {
        ushort c = 0xFFFF;
        foreach (byte b in d) { c ^= (ushort)(b << 8); for (int k = 0; k < 8; k++) c = (c & 0x8000) != 0 ? (ushort)((c << 1) ^ 0x1021) : (ushort)(c << 1); }
        return c;
    }
    public static uint Adler32(byte[] d, uint start = 1)
    {
        uint a = start & 0xFFFF, b = start >> 16;
        foreach (byte x in d) { a = (a + x) % 65521; b = (b + a) % 65521; }
        return (b << 16) | a;
    }
    public static ushort Fletcher16(byte[] d) { int a = 0, b = 0; foreach (byte x in d) { a = (a + x) % 255; b = (b + a) % 255; } return (ushort)((b << 8) | a); }
}

static class Program
{
    static byte[] Ascii(string s) { var b = new byte[s.Length]; for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i]; return b; }
    static string Hex(uint v, int digits) { var c = new char[digits]; for (int i = digits - 1; i >= 0; i--) { c[i] = "0123456789ABCDEF"[(int)(v & 15)]; v >>= 4; } return new string(c); }

    static ulong Crc64(byte[] d)
    {
        // CRC-64/XZ (ECMA-182 polynomial, reflected), bitwise
        ulong c = 0xFFFFFFFFFFFFFFFFUL;
        foreach (byte b in d) { c ^= b; for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? (c >> 1) ^ 0xC96C5795D7870F42UL : c >> 1; }
        return ~c;
    }

    static string Hex64(ulong v) => Hex((uint)(v >> 32), 8) + Hex((uint)v, 8);

    // flips every bit of the message once and counts how many flips each checksum notices
    static void Detection(byte[] msg, out int crc, out int adler, out int fletcher, out int sum8)
    {
        crc = adler = fletcher = sum8 = 0;
        uint c0 = Crc.Crc32(msg), a0 = Crc.Adler32(msg); ushort f0 = Crc.Fletcher16(msg);
        int s0 = 0; foreach (byte b in msg) s0 = (s0 + b) & 0xFF;
        for (int bit = 0; bit < msg.Length * 8; bit++)
        {
            msg[bit >> 3] ^= (byte)(1 << (bit & 7));
            if (Crc.Crc32(msg) != c0) crc++;
            if (Crc.Adler32(msg) != a0) adler++;
            if (Crc.Fletcher16(msg) != f0) fletcher++;
            int s = 0; foreach (byte b in msg) s = (s + b) & 0xFF;
            if (s != s0) sum8++;
            msg[bit >> 3] ^= (byte)(1 << (bit & 7));
        }
    }

    static int Main()
    {
        var check = Ascii("123456789");
        Console.WriteLine("crc32  " + Hex(Crc.Crc32(check), 8));
        Console.WriteLine("crc32c " + Hex(Crc.Crc32C(check), 8));
        Console.WriteLine("crc16  " + Hex(Crc.Crc16(check), 4));
        Console.WriteLine("adler  " + Hex(Crc.Adler32(Ascii("Wikipedia")), 8));
        Console.WriteLine("fletch " + Hex(Crc.Fletcher16(Ascii("abcde")), 4));
        uint mix = 0; int agree = 0;
        for (int len = 1; len <= 4096; len *= 2)
        {
            var d = new byte[len];
            uint r = (uint)len;
            for (int i = 0; i < len; i++) { r = r * 1664525 + 1013904223; d[i] = (byte)(r >> 23); }
            uint a = Crc.Crc32(d), b = Crc.Crc32Bitwise(d);
            if (a == b) agree++;
            // incremental in two halves
            var t = new uint[0];
            uint half = 0xFFFFFFFF;
            Crc.Crc32(new byte[0]);
            Console.WriteLine(len + " " + Hex(a, 8) + " " + Hex(Crc.Crc32C(d), 8) + " " + Hex(Crc.Crc16(d), 4) + " " + Hex(Crc.Adler32(d), 8) + " " + Hex(Crc.Fletcher16(d), 4));
            mix = mix * 31 + a + Crc.Adler32(d) + half - 0xFFFFFFFF + (uint)t.Length;
        }
        Console.WriteLine("bitwise agrees " + agree);
        Console.WriteLine("mix " + Hex(mix, 8));
        Console.WriteLine("crc64  " + Hex64(Crc64(check)));
        var msg = Ascii("The quick brown fox jumps over the lazy dog 0123456789");
        Detection(msg, out int dc, out int da, out int df, out int ds);
        Console.WriteLine("single-bit flips detected of " + msg.Length * 8 + ": crc32 " + dc + " adler " + da + " fletcher " + df + " sum8 " + ds);
        // swapping two bytes: CRC notices, a plain sum does not
        var swapped = Ascii("The quick brown fox jumps over the lazy dog 0123456798");
        int sumA = 0, sumB = 0; foreach (byte b in msg) sumA += b; foreach (byte b in swapped) sumB += b;
        Console.WriteLine("swap: crc differs " + (Crc.Crc32(msg) != Crc.Crc32(swapped)) + " fletcher differs " + (Crc.Fletcher16(msg) != Crc.Fletcher16(swapped)) + " sum differs " + (sumA != sumB));
        mix ^= (uint)(dc + da + df + ds);
        return (int)(mix % 256);
    }
}
