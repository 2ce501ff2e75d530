using System;

// Reinterpreting memory: int*/long*/double* viewed as byte* (little-endian), building integers from bytes, float bits.
static unsafe class Program
{
    static void Dump(byte* p, int n)
    {
        for (int i = 0; i < n; i++) { Console.Write(p[i]); Console.Write(i + 1 < n ? " " : "\n"); }
    }

    static uint ReadBigEndian(byte* p) { return (uint)(p[0] << 24 | p[1] << 16 | p[2] << 8 | p[3]); }

    static int Main()
    {
        int x = 0x11223344;
        Dump((byte*)&x, 4);
        byte* bx = (byte*)&x;
        bx[0] = 0xFF;
        Console.WriteLine(x);
        Console.WriteLine(ReadBigEndian(bx));

        long l = -2;
        Dump((byte*)&l, 8);
        int* halves = (int*)&l;
        Console.WriteLine(halves[0]);
        Console.WriteLine(halves[1]);
        halves[1] = 0;
        Console.WriteLine(l);

        double d = 1.0;
        Dump((byte*)&d, 8);
        ulong bits = *(ulong*)&d;
        Console.WriteLine(bits);
        d = -0.0;
        Console.WriteLine(*(long*)&d);
        d = 0.1;
        Console.WriteLine(*(ulong*)&d);
        ulong nanBits = 0x7FF8000000000000UL;
        Console.WriteLine(*(double*)&nanBits);
        ulong infBits = 0x7FF0000000000000UL;
        Console.WriteLine(*(double*)&infBits);

        float f = 1.5f;
        Console.WriteLine(*(uint*)&f);
        uint fbits = 0x3EAAAAAB;
        Console.WriteLine(*(float*)&fbits);

        // byte buffer assembled into ints and shorts
        byte* buf = stackalloc byte[16];
        for (int i = 0; i < 16; i++) buf[i] = (byte)(0xA0 + i);
        int* ib = (int*)buf;
        Console.WriteLine(ib[0]);
        Console.WriteLine(ib[3]);
        short* sb = (short*)buf;
        Console.WriteLine(sb[1]);
        ushort* ub = (ushort*)buf;
        Console.WriteLine(ub[1]);
        long* lb = (long*)(buf + 8);
        Console.WriteLine(*lb);
        sbyte* sbp = (sbyte*)buf;
        Console.WriteLine(sbp[5]);

        // char <-> bytes of a string
        string s = "Aé中";
        fixed (char* pc = s)
        {
            Dump((byte*)pc, s.Length * 2);
        }
        int check = 0;
        for (int i = 0; i < 16; i++) check += buf[i] * (i + 1);
        Console.WriteLine(check);
        return check % 256;
    }
}
