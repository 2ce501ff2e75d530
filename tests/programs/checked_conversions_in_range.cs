using System;

// Checked arithmetic and conversions at the edges of each range, none of which overflows:
// a compiler that gets a bound wrong by one throws here and fails the run.
static class Program
{
    static int Main()
    {
        long acc = 0;
        int[] ints = { int.MinValue, -129, -128, -1, 0, 1, 127, 128, 255, 256, 32767, 65535, int.MaxValue };
        foreach (int v in ints)
        {
            long wide = checked((long)v);
            acc += wide;
            if (v >= sbyte.MinValue && v <= sbyte.MaxValue) acc += checked((sbyte)v);
            if (v >= byte.MinValue && v <= byte.MaxValue) acc += checked((byte)v);
            if (v >= short.MinValue && v <= short.MaxValue) acc += checked((short)v);
            if (v >= 0) acc += checked((uint)v);
            if (v >= 0 && v <= ushort.MaxValue) acc += checked((ushort)v);
            if (v >= 0) acc += (long)checked((ulong)v);
            Console.WriteLine(acc);
        }
        ulong big = ulong.MaxValue;
        Console.WriteLine(checked((ulong)(big - 1)));
        uint u = uint.MaxValue;
        Console.WriteLine(checked((long)u));
        Console.WriteLine(checked((ulong)u));
        long l = long.MaxValue;
        Console.WriteLine(checked((ulong)l));
        double[] doubles = { -2147483648.0, -2147483648.9, 2147483647.0, 2147483647.9, 0.5, -0.5, 255.99 };
        foreach (double d in doubles)
        {
            int i = checked((int)d);
            Console.WriteLine(i);
        }
        Console.WriteLine(checked((byte)255.5));
        Console.WriteLine(checked((ulong)1.8e19));
        Console.WriteLine(checked((long)-9.2e18));
        int a = 46340;
        Console.WriteLine(checked(a * a));
        Console.WriteLine(checked(int.MaxValue - 1 + 1));
        Console.WriteLine(checked(int.MinValue + 1 - 1));
        uint ua = 65535;
        Console.WriteLine(checked(ua * (ua + 2)));
        long la = 3037000499;
        Console.WriteLine(checked(la * la));
        unsafe
        {
            int n = 7;
            int* p = stackalloc int[n];
            for (int k = 0; k < n; k++) p[k] = k * k;
            Console.WriteLine(p[6]);
        }
        return (int)(acc & 0x7F);
    }
}
