using System;

// & | ^ ~ on int/uint/long/ulong, bit tricks implemented by hand.
static class Program
{
    static int PopCount(uint v)
    {
        int c = 0;
        while (v != 0) { v &= v - 1; c++; }
        return c;
    }

    static uint Reverse(uint v)
    {
        uint r = 0;
        for (int i = 0; i < 32; i++) { r = (r << 1) | (v & 1); v >>= 1; }
        return r;
    }

    static int LeadingZeros(ulong v)
    {
        if (v == 0) return 64;
        int n = 0;
        while ((v & 0x8000000000000000UL) == 0) { v <<= 1; n++; }
        return n;
    }

    static uint RotL(uint v, int n) { return (v << n) | (v >> (32 - n)); }

    static int Main()
    {
        int a = 0x5A5A5A5A, b = 0x0FF00FF0;
        Console.WriteLine(a & b);
        Console.WriteLine(a | b);
        Console.WriteLine(a ^ b);
        Console.WriteLine(~a);
        Console.WriteLine(~0);
        Console.WriteLine(-1 & 0xFF);
        Console.WriteLine(a & -a);           // lowest set bit

        uint[] vals = new uint[] { 0, 1, 0xFFFFFFFF, 0x80000000, 0x12345678, 0xDEADBEEF, 0x0F0F0F0F };
        for (int i = 0; i < vals.Length; i++)
        {
            Console.Write(vals[i]);
            Console.Write(" pop=");
            Console.Write(PopCount(vals[i]));
            Console.Write(" rev=");
            Console.Write(Reverse(vals[i]));
            Console.Write(" rotl7=");
            Console.WriteLine(RotL(vals[i], 7));
        }

        long la = 0x0123456789ABCDEFL;
        long lb = -0x0F0F0F0F0F0F0F10L;
        Console.WriteLine(la & lb);
        Console.WriteLine(la | lb);
        Console.WriteLine(la ^ lb);
        Console.WriteLine(~la);
        ulong ul = 0xFEDCBA9876543210UL;
        Console.WriteLine(ul & 0xFFFF0000FFFF0000UL);
        Console.WriteLine(ul ^ ulong.MaxValue);
        Console.WriteLine(LeadingZeros(ul));
        Console.WriteLine(LeadingZeros(1UL));
        Console.WriteLine(LeadingZeros(0x00000F0000000000UL));

        bool t = true, f = false;
        Console.WriteLine(t & f);
        Console.WriteLine(t | f);
        Console.WriteLine(t ^ f);
        Console.WriteLine(t ^ t);
        Console.WriteLine(!t);

        int mask = 0;
        mask |= 1 << 3;
        mask |= 1 << 9;
        mask &= ~(1 << 3);
        mask ^= 0x100;
        Console.WriteLine(mask);

        int xs = 17, ys = 42;
        xs ^= ys; ys ^= xs; xs ^= ys;
        Console.WriteLine(xs);
        Console.WriteLine(ys);
        return PopCount(0xDEADBEEF) + PopCount(Reverse(0x12345678));
    }
}
