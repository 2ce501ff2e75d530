using System;

// Comparisons: signed vs unsigned orderings, boundary values, mixed-width comparisons.
static class Program
{
    static int Cmp(int a, int b) { return a < b ? -1 : (a > b ? 1 : 0); }
    static int CmpU(uint a, uint b) { return a < b ? -1 : (a > b ? 1 : 0); }
    static int CmpL(long a, long b) { return a < b ? -1 : (a > b ? 1 : 0); }
    static int CmpUL(ulong a, ulong b) { return a < b ? -1 : (a > b ? 1 : 0); }

    static int Main()
    {
        int[] vs = new int[] { int.MinValue, -1, 0, 1, int.MaxValue };
        int score = 0;
        for (int i = 0; i < vs.Length; i++)
        {
            for (int j = 0; j < vs.Length; j++)
            {
                int s = Cmp(vs[i], vs[j]);
                int u = CmpU((uint)vs[i], (uint)vs[j]);
                int l = CmpL(vs[i], vs[j]);
                int ul = CmpUL((ulong)(long)vs[i], (ulong)(long)vs[j]);
                Console.Write(s); Console.Write("/"); Console.Write(u); Console.Write("/");
                Console.Write(l); Console.Write("/"); Console.Write(ul); Console.Write("  ");
                score = score * 3 + s + 2 * u + ul;
            }
            Console.WriteLine();
        }
        Console.WriteLine(score);

        uint big = 3000000000u;
        int neg = -5;
        Console.WriteLine(big > 5);
        Console.WriteLine(neg < big);        // both widen to long
        Console.WriteLine((uint)neg > big);
        long ln = -1;
        ulong uln = 1;
        Console.WriteLine((ulong)ln > uln);
        byte by = 255;
        sbyte sb = -1;
        Console.WriteLine(by == (byte)sb);
        Console.WriteLine(by > sb);
        Console.WriteLine(sb == -1);
        short sh = -1;
        ushort us = 65535;
        Console.WriteLine(sh == us);
        Console.WriteLine((ushort)sh == us);
        Console.WriteLine(1 <= 1);
        Console.WriteLine(2 >= 3);
        Console.WriteLine(4 != 4);

        bool b1 = vs[0] < vs[4];
        bool b2 = (uint)vs[0] < (uint)vs[4];
        Console.WriteLine(b1);
        Console.WriteLine(b2);
        Console.WriteLine(b1 == b2);
        Console.WriteLine(b1 != b2);
        return score < 0 ? 200 : 100;
    }
}
