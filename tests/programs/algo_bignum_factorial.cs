using System;

// Arbitrary-precision arithmetic with int arrays of base-10000 limbs: 100!, 2^256 and Fibonacci(300).
static class Program
{
    const int Base = 10000;

    static int MulSmall(int[] limbs, int len, int m)
    {
        int carry = 0;
        for (int i = 0; i < len; i++)
        {
            int v = limbs[i] * m + carry;
            limbs[i] = v % Base;
            carry = v / Base;
        }
        while (carry > 0) { limbs[len++] = carry % Base; carry /= Base; }
        return len;
    }

    static int Add(int[] a, int alen, int[] b, int blen, int[] r)
    {
        int len = alen > blen ? alen : blen, carry = 0;
        for (int i = 0; i < len; i++)
        {
            int v = (i < alen ? a[i] : 0) + (i < blen ? b[i] : 0) + carry;
            r[i] = v % Base;
            carry = v / Base;
        }
        if (carry > 0) r[len++] = carry;
        return len;
    }

    static int Print(int[] limbs, int len)
    {
        int digitSum = 0;
        Console.Write(limbs[len - 1]);
        for (int i = len - 2; i >= 0; i--)
        {
            int v = limbs[i];
            Console.Write((char)('0' + v / 1000));
            Console.Write((char)('0' + v / 100 % 10));
            Console.Write((char)('0' + v / 10 % 10));
            Console.Write((char)('0' + v % 10));
        }
        Console.WriteLine();
        for (int i = 0; i < len; i++) { int v = limbs[i]; while (v > 0) { digitSum += v % 10; v /= 10; } }
        return digitSum;
    }

    static int Main()
    {
        int[] f = new int[100];
        f[0] = 1;
        int flen = 1;
        for (int k = 2; k <= 100; k++) flen = MulSmall(f, flen, k);
        int ds1 = Print(f, flen);
        Console.WriteLine(ds1);

        int[] p = new int[30];
        p[0] = 1;
        int plen = 1;
        for (int k = 0; k < 256; k++) plen = MulSmall(p, plen, 2);
        int ds2 = Print(p, plen);
        Console.WriteLine(ds2);

        int[] a = new int[30], b = new int[30], c = new int[30];
        a[0] = 0; b[0] = 1;
        int alen = 1, blen = 1;
        for (int k = 0; k < 299; k++)
        {
            int clen = Add(a, alen, b, blen, c);
            int[] t = a; a = b; b = c; c = t;
            alen = blen; blen = clen;
        }
        int ds3 = Print(b, blen);
        Console.WriteLine(ds3);
        return (ds1 + ds2 + ds3) % 256;
    }
}
