using System;

// Span<T> over stackalloc'd memory: indexer, Length, zero-initialisation, passing spans to methods, Slice.
static class Program
{
    static int Sum(Span<int> s)
    {
        int t = 0;
        for (int i = 0; i < s.Length; i++) t += s[i];
        return t;
    }

    static void Squares(Span<long> s)
    {
        for (int i = 0; i < s.Length; i++) s[i] = (long)i * i * i;
    }

    static int Main()
    {
        Span<int> a = stackalloc int[10];
        Console.WriteLine(a.Length);
        Console.WriteLine(Sum(a));
        for (int i = 0; i < a.Length; i++) a[i] = (i + 1) * 3;
        Console.WriteLine(Sum(a));
        Console.WriteLine(Sum(a.Slice(2)));
        Console.WriteLine(Sum(a.Slice(2, 3)));
        Console.WriteLine(a.Slice(9).Length);
        Console.WriteLine(a.Slice(10).Length);

        Span<int> mid = a.Slice(4, 4);
        mid[0] = -100;           // writes through to 'a'
        Console.WriteLine(a[4]);
        Console.WriteLine(mid.Length);

        Span<long> cubes = stackalloc long[20];
        Squares(cubes);
        Console.WriteLine(cubes[19]);
        Squares(cubes.Slice(10));
        Console.WriteLine(cubes[19]);
        Console.WriteLine(cubes[10]);

        Span<byte> bytes = stackalloc byte[256];
        for (int i = 0; i < bytes.Length; i++) bytes[i] = (byte)(255 - i);
        int bsum = 0;
        for (int i = 0; i < bytes.Length; i += 17) bsum += bytes[i];
        Console.WriteLine(bsum);

        Span<char> chars = stackalloc char[5];
        chars[0] = 'h'; chars[1] = 'e'; chars[2] = 'l'; chars[3] = 'l'; chars[4] = 'o';
        for (int i = chars.Length - 1; i >= 0; i--) Console.Write(chars[i]);
        Console.WriteLine();

        Span<double> ds = stackalloc double[3];
        ds[0] = 0.5; ds[1] = 0.25; ds[2] = 0.125;
        double dsum = 0;
        for (int i = 0; i < ds.Length; i++) dsum += ds[i];
        Console.WriteLine(dsum);

        int n = 7;
        Span<int> dyn = stackalloc int[n * 2];
        for (int i = 0; i < dyn.Length; i++) dyn[i] = i % 3 == 0 ? i : -i;
        Console.WriteLine(Sum(dyn));
        Console.WriteLine(dyn.IsEmpty);
        Console.WriteLine(dyn.Slice(14).IsEmpty);
        return Sum(a) & 0xFF;
    }
}
