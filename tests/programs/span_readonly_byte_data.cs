using System;

// ReadOnlySpan<byte> initialised from a constant byte array: Roslyn points the span straight at constant data in the
// image (no array allocation). Used here as a lookup table for a base64-like encoder and a CRC-8.
static class Program
{
    static ReadOnlySpan<byte> Alphabet => new byte[] {
        (byte)'A', (byte)'B', (byte)'C', (byte)'D', (byte)'E', (byte)'F', (byte)'G', (byte)'H',
        (byte)'I', (byte)'J', (byte)'K', (byte)'L', (byte)'M', (byte)'N', (byte)'O', (byte)'P',
        (byte)'Q', (byte)'R', (byte)'S', (byte)'T', (byte)'U', (byte)'V', (byte)'W', (byte)'X',
        (byte)'Y', (byte)'Z', (byte)'a', (byte)'b', (byte)'c', (byte)'d', (byte)'e', (byte)'f',
        (byte)'g', (byte)'h', (byte)'i', (byte)'j', (byte)'k', (byte)'l', (byte)'m', (byte)'n',
        (byte)'o', (byte)'p', (byte)'q', (byte)'r', (byte)'s', (byte)'t', (byte)'u', (byte)'v',
        (byte)'w', (byte)'x', (byte)'y', (byte)'z', (byte)'0', (byte)'1', (byte)'2', (byte)'3',
        (byte)'4', (byte)'5', (byte)'6', (byte)'7', (byte)'8', (byte)'9', (byte)'+', (byte)'/' };

    static void Encode(ReadOnlySpan<byte> input)
    {
        ReadOnlySpan<byte> table = Alphabet;
        int i = 0;
        for (; i + 3 <= input.Length; i += 3)
        {
            int v = input[i] << 16 | input[i + 1] << 8 | input[i + 2];
            Console.Write((char)table[(v >> 18) & 63]);
            Console.Write((char)table[(v >> 12) & 63]);
            Console.Write((char)table[(v >> 6) & 63]);
            Console.Write((char)table[v & 63]);
        }
        int rem = input.Length - i;
        if (rem == 1)
        {
            int v = input[i] << 16;
            Console.Write((char)table[(v >> 18) & 63]); Console.Write((char)table[(v >> 12) & 63]); Console.Write("==");
        }
        else if (rem == 2)
        {
            int v = input[i] << 16 | input[i + 1] << 8;
            Console.Write((char)table[(v >> 18) & 63]); Console.Write((char)table[(v >> 12) & 63]);
            Console.Write((char)table[(v >> 6) & 63]); Console.Write("=");
        }
        Console.WriteLine();
    }

    static byte Crc8(ReadOnlySpan<byte> data)
    {
        byte crc = 0;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++) crc = (crc & 0x80) != 0 ? (byte)((crc << 1) ^ 0x07) : (byte)(crc << 1);
        }
        return crc;
    }

    static int Main()
    {
        ReadOnlySpan<byte> small = new byte[] { 1, 2, 3 };
        ReadOnlySpan<byte> msg = new byte[] { 77, 97, 110, 121, 32, 104, 97, 110, 100, 115, 32, 109, 97, 107, 101 };
        Console.WriteLine(Alphabet.Length);
        Console.WriteLine(small.Length);
        Console.WriteLine(msg.Length);
        Encode(msg);
        Encode(msg.Slice(0, 4));
        Encode(msg.Slice(0, 5));
        Encode(small);
        byte c1 = Crc8(msg);
        byte c2 = Crc8(small);
        Console.WriteLine(c1);
        Console.WriteLine(c2);
        return c1 == 0 ? 1 : c1;
    }
}
