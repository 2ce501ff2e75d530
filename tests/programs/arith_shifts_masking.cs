using System;

// Shift counts are masked (& 31 for 32-bit, & 63 for 64-bit); >> is arithmetic for signed, >>> is logical.
static class Program
{
    static int Shl(int v, int n) { return v << n; }
    static int Shr(int v, int n) { return v >> n; }
    static int Ushr(int v, int n) { return v >>> n; }
    static long Shl64(long v, int n) { return v << n; }
    static long Shr64(long v, int n) { return v >> n; }
    static long Ushr64(long v, int n) { return v >>> n; }
    static uint ShrU(uint v, int n) { return v >> n; }
    static ulong ShrUL(ulong v, int n) { return v >> n; }

    static int Main()
    {
        int[] counts = new int[] { 0, 1, 4, 31, 32, 33, 63, 64, 65, -1 };
        for (int i = 0; i < counts.Length; i++)
        {
            int n = counts[i];
            Console.Write("n=");
            Console.WriteLine(n);
            Console.WriteLine(Shl(1, n));
            Console.WriteLine(Shr(-1024, n));
            Console.WriteLine(Ushr(-1024, n));
            Console.WriteLine(Shl64(1L, n));
            Console.WriteLine(Shr64(-1024L, n));
            Console.WriteLine(Ushr64(-1024L, n));
            Console.WriteLine(ShrU(0x80000000u, n));
            Console.WriteLine(ShrUL(0x8000000000000000UL, n));
        }

        // small types are promoted to int before shifting
        byte b = 0xF0;
        Console.WriteLine(b << 4);
        Console.WriteLine((byte)(b << 4));
        sbyte sb = -16;
        Console.WriteLine(sb >> 2);
        Console.WriteLine(sb >>> 2);
        short s = -2;
        Console.WriteLine(s << 20);
        ushort us = 0xFFFF;
        Console.WriteLine(us >> 3);
        char c = 'A';
        Console.WriteLine(c << 1);

        int x = 1;
        x <<= 35;
        Console.WriteLine(x);
        long y = -1;
        y >>>= 60;
        Console.WriteLine(y);
        int z = int.MinValue;
        z >>= 31;
        Console.WriteLine(z);
        return 0;
    }
}
