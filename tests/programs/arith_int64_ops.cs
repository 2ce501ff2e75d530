using System;

// 64-bit integer arithmetic: wrap-around, large products, mixing with int.
static class Program
{
    static long s_big = 0x7FFF_FFFF_FFFF_FFFFL;
    static long s_small = long.MinValue;

    static long Fib(int n)
    {
        long a = 0, b = 1;
        for (int i = 0; i < n; i++) { long t = a + b; a = b; b = t; }
        return a;
    }

    static long MulMod(long a, long b, long m) { return (a * b) % m; }

    static int Main()
    {
        Console.WriteLine(s_big);
        Console.WriteLine(s_small);
        Console.WriteLine(s_big + 1);
        Console.WriteLine(s_small - 1);
        Console.WriteLine(s_big * 2);
        Console.WriteLine(-s_small);
        Console.WriteLine(s_big / 3);
        Console.WriteLine(s_big % 1000);
        Console.WriteLine(s_small / 7);
        Console.WriteLine(s_small % 7);

        for (int n = 80; n <= 95; n += 3)
        {
            Console.Write(n);
            Console.Write(": ");
            Console.WriteLine(Fib(n));
        }

        int i32 = -5;
        long widened = i32;
        Console.WriteLine(widened);
        long shifted = (long)i32 << 40;
        Console.WriteLine(shifted);
        long prod32 = i32 * 1000000000;         // int multiply, wraps in 32 bits
        long prod64 = (long)i32 * 1000000000;   // 64-bit multiply
        Console.WriteLine(prod32);
        Console.WriteLine(prod64);

        long h = 1469598103934665603L;
        for (int k = 0; k < 32; k++)
        {
            h ^= k;
            h *= 1099511628211L;
        }
        Console.WriteLine(h);
        Console.WriteLine(MulMod(123456789L, 987654321L, 1000000007L));
        Console.WriteLine(Math.Abs(-9000000000L));
        Console.WriteLine(Math.Min(-9000000000L, 5L));
        Console.WriteLine(Math.Max(-9000000000L, 5L));

        long acc = 1;
        for (int k = 0; k < 70; k++) acc = acc * 3 + k;
        Console.WriteLine(acc);
        return (int)(acc & 0x7F) + 1;
    }
}
