using System;

// Conversions between integer types: sign extension, zero extension, truncation.
static class Program
{
    static int s_neg = -1234567;
    static long s_big = 0x1234_5678_9ABC_DEF0L;

    static int Main()
    {
        int n = s_neg;
        Console.WriteLine((byte)n);
        Console.WriteLine((sbyte)n);
        Console.WriteLine((short)n);
        Console.WriteLine((ushort)n);
        Console.WriteLine((uint)n);
        Console.WriteLine((long)n);
        Console.WriteLine((ulong)n);
        Console.WriteLine((ulong)(uint)n);
        Console.WriteLine((char)n == (char)(ushort)n);
        Console.WriteLine((int)(char)n);

        long L = s_big;
        Console.WriteLine((int)L);
        Console.WriteLine((uint)L);
        Console.WriteLine((short)L);
        Console.WriteLine((byte)L);
        Console.WriteLine((sbyte)L);
        Console.WriteLine((int)(L >> 32));
        Console.WriteLine((ulong)(-L));

        sbyte sb = -2;
        Console.WriteLine((int)sb);
        Console.WriteLine((uint)sb);
        Console.WriteLine((ulong)sb);
        Console.WriteLine((byte)sb);
        Console.WriteLine((ushort)sb);
        short sh = -300;
        Console.WriteLine((long)sh);
        Console.WriteLine((byte)sh);
        Console.WriteLine((uint)sh);
        byte by = 0xFE;
        Console.WriteLine((sbyte)by);
        Console.WriteLine((short)by);
        Console.WriteLine((long)by);
        ushort us = 0xFFFE;
        Console.WriteLine((short)us);
        Console.WriteLine((int)us);
        uint ui = 0xFFFFFFF0;
        Console.WriteLine((int)ui);
        Console.WriteLine((long)ui);
        Console.WriteLine((ulong)ui);
        ulong ul = 0xFFFFFFFFFFFFFF00UL;
        Console.WriteLine((long)ul);
        Console.WriteLine((uint)ul);
        Console.WriteLine((sbyte)ul);

        // round trip through every width
        int total = 0;
        for (int v = -70000; v <= 70000; v += 4999)
        {
            int r = (sbyte)v + (byte)v + (short)v + (ushort)v;
            total += r;
            Console.Write(r);
            Console.Write(" ");
        }
        Console.WriteLine();
        Console.WriteLine(total);
        return (byte)total == 0 ? 77 : (byte)total;
    }
}
