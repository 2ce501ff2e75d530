using System;

// CRC-32 (IEEE, reflected) with a 256-entry uint table built at start-up, over strings encoded to UTF-8 by hand.
static class Program
{
    static uint[] s_table = new uint[256];

    static void BuildTable()
    {
        for (uint n = 0; n < 256; n++)
        {
            uint c = n;
            for (int k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            s_table[n] = c;
        }
    }

    static int Utf8(string s, byte[] buf)
    {
        int n = 0;
        for (int i = 0; i < s.Length; i++)
        {
            int cp = s[i];
            if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < s.Length)
            {
                cp = 0x10000 + ((cp - 0xD800) << 10) + (s[i + 1] - 0xDC00);
                i++;
            }
            if (cp < 0x80) buf[n++] = (byte)cp;
            else if (cp < 0x800) { buf[n++] = (byte)(0xC0 | cp >> 6); buf[n++] = (byte)(0x80 | cp & 0x3F); }
            else if (cp < 0x10000) { buf[n++] = (byte)(0xE0 | cp >> 12); buf[n++] = (byte)(0x80 | cp >> 6 & 0x3F); buf[n++] = (byte)(0x80 | cp & 0x3F); }
            else { buf[n++] = (byte)(0xF0 | cp >> 18); buf[n++] = (byte)(0x80 | cp >> 12 & 0x3F); buf[n++] = (byte)(0x80 | cp >> 6 & 0x3F); buf[n++] = (byte)(0x80 | cp & 0x3F); }
        }
        return n;
    }

    static uint Crc32(byte[] data, int length)
    {
        uint crc = 0xFFFFFFFFu;
        for (int i = 0; i < length; i++) crc = s_table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
        return crc ^ 0xFFFFFFFFu;
    }

    static int Main()
    {
        BuildTable();
        Console.WriteLine(s_table[1]);
        Console.WriteLine(s_table[128]);
        Console.WriteLine(s_table[255]);
        string[] inputs = new string[] { "", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog", "héllo wörld", "中文", "😀 emoji" };
        byte[] buf = new byte[256];
        uint combined = 0;
        for (int i = 0; i < inputs.Length; i++)
        {
            int n = Utf8(inputs[i], buf);
            uint crc = Crc32(buf, n);
            combined ^= crc + (uint)i;
            Console.Write(inputs[i]);
            Console.Write(" | bytes=");
            Console.Write(n);
            Console.Write(" crc=");
            Console.WriteLine(crc);
        }
        Console.WriteLine(combined);
        return (int)(combined % 251) + 1;
    }
}
