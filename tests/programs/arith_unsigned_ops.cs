using System;

// uint / ulong arithmetic: wrap-around, unsigned division/remainder and comparisons.
static class Program
{
    static uint s_u = 4000000000u;
    static ulong s_ul = 18000000000000000000UL;

    static uint Hash(uint h, uint v) { return (h ^ v) * 16777619u; }

    static int Main()
    {
        Console.WriteLine(s_u);
        Console.WriteLine(s_u + s_u);
        Console.WriteLine(s_u * 3u);
        Console.WriteLine(s_u / 7u);
        Console.WriteLine(s_u % 7u);
        uint zero = 0;
        Console.WriteLine(zero - 1u);
        Console.WriteLine(~zero);
        Console.WriteLine(s_u > 1u);
        Console.WriteLine(s_u > 0x7FFFFFFFu);
        Console.WriteLine((int)s_u);
        Console.WriteLine((int)s_u < 0);

        Console.WriteLine(s_ul);
        Console.WriteLine(s_ul + s_ul);
        Console.WriteLine(s_ul / 3UL);
        Console.WriteLine(s_ul % 1000UL);
        Console.WriteLine(s_ul / 10000000000UL);
        Console.WriteLine((long)s_ul);
        Console.WriteLine(s_ul > 9000000000000000000UL);
        ulong zl = 0;
        Console.WriteLine(zl - 1);
        Console.WriteLine((zl - 1) / 2);
        Console.WriteLine(ulong.MaxValue % 10UL);

        uint h = 2166136261u;
        for (uint i = 0; i < 100; i++) h = Hash(h, i);
        Console.WriteLine(h);

        // unsigned loop counting down past zero must stop
        int iterations = 0;
        for (uint k = 10; k < 100; k--) iterations++;
        Console.WriteLine(iterations);

        ulong pow = 1;
        for (int i = 0; i < 70; i++)
        {
            pow *= 3;
            if (i % 10 == 9) Console.WriteLine(pow);
        }

        uint a = 0xDEADBEEF, b = 0x12345678;
        Console.WriteLine(a / b);
        Console.WriteLine(a % b);
        Console.WriteLine(Math.Max((long)a, (long)b));
        return (int)(h % 200u) + 1;
    }
}
