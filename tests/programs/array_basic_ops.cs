using System;

// 1-D arrays of every primitive type: new (zeroed), index, Length, arrays as arguments and return values.
static class Program
{
    static int[] Range(int n) { int[] a = new int[n]; for (int i = 0; i < n; i++) a[i] = i * i - 10; return a; }
    static long Sum(int[] a) { long s = 0; for (int i = 0; i < a.Length; i++) s += a[i]; return s; }
    static void Reverse(int[] a) { for (int i = 0, j = a.Length - 1; i < j; i++, j--) { int t = a[i]; a[i] = a[j]; a[j] = t; } }
    static int[] Concat(int[] a, int[] b)
    {
        int[] r = new int[a.Length + b.Length];
        for (int i = 0; i < a.Length; i++) r[i] = a[i];
        for (int i = 0; i < b.Length; i++) r[a.Length + i] = b[i];
        return r;
    }
    static void Print(int[] a)
    {
        for (int i = 0; i < a.Length; i++) { Console.Write(a[i]); Console.Write(i + 1 < a.Length ? "," : "\n"); }
        if (a.Length == 0) Console.WriteLine("(empty)");
    }

    static int Main()
    {
        int[] a = Range(8);
        Print(a);
        Console.WriteLine(a.Length);
        Console.WriteLine(Sum(a));
        Reverse(a);
        Print(a);
        int[] empty = new int[0];
        Print(empty);
        Console.WriteLine(empty.Length);
        int[] c = Concat(a, Range(3));
        Print(c);
        int[] alias = c;
        alias[0] = 12345;
        Console.WriteLine(c[0]);

        long[] longs = new long[4];
        double[] doubles = new double[4];
        bool[] bools = new bool[4];
        char[] chars = new char[4];
        byte[] bytes = new byte[300];
        short[] shorts = new short[3];
        float[] floats = new float[2];
        ulong[] ulongs = new ulong[2];
        Console.WriteLine(longs[3]);
        Console.WriteLine(doubles[2]);
        Console.WriteLine(bools[1]);
        Console.WriteLine((int)chars[0]);
        Console.WriteLine(bytes[299]);
        Console.WriteLine(shorts[2]);
        Console.WriteLine(floats[1]);
        Console.WriteLine(ulongs[1]);

        for (int i = 0; i < 4; i++)
        {
            longs[i] = (long)i << 40;
            doubles[i] = i / 4.0;
            bools[i] = i % 2 == 1;
            chars[i] = (char)('w' + i);
        }
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)i;
        shorts[0] = -1; shorts[1] = short.MaxValue; shorts[2] = (short)(shorts[1] + 1);
        floats[0] = 1.25f; floats[1] = floats[0] / 3;
        ulongs[0] = ulong.MaxValue; ulongs[1] = ulongs[0] / 3;
        for (int i = 0; i < 4; i++)
        {
            Console.Write(longs[i]); Console.Write(" "); Console.Write(doubles[i]); Console.Write(" ");
            Console.Write(bools[i]); Console.Write(" "); Console.WriteLine(chars[i]);
        }
        int bsum = 0;
        for (int i = 0; i < bytes.Length; i++) bsum += bytes[i];
        Console.WriteLine(bsum);
        Console.WriteLine(shorts[2]);
        Console.WriteLine(floats[1]);
        Console.WriteLine(ulongs[1]);

        // an array of arrays is not allowed in this corpus, but several arrays side by side are
        int n = 10;
        int[] xs = new int[n], ys = new int[n], zs = new int[n];
        for (int i = 0; i < n; i++) { xs[i] = i; ys[i] = n - i; zs[i] = xs[i] * ys[i]; }
        Print(zs);
        return (int)(Sum(zs) % 256);
    }
}
