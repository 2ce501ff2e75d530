using System;

// while and do/while loops: zero-trip vs at-least-once, complex conditions, loop-carried values.
static class Program
{
    static int Gcd(int a, int b)
    {
        while (b != 0) { int t = a % b; a = b; b = t; }
        return a;
    }

    static int DigitSum(long n)
    {
        int s = 0;
        do { s += (int)(n % 10); n /= 10; } while (n != 0);
        return s;
    }

    static int Main()
    {
        int n = 0;
        while (n > 0) n--;          // zero trips
        Console.WriteLine(n);
        int trips = 0;
        do { trips++; } while (n > 0);   // one trip
        Console.WriteLine(trips);

        Console.WriteLine(Gcd(1071, 462));
        Console.WriteLine(Gcd(17, 5));
        Console.WriteLine(Gcd(0, 9));
        Console.WriteLine(Gcd(1 << 20, 3 << 12));

        Console.WriteLine(DigitSum(0));
        Console.WriteLine(DigitSum(9999999999L));
        Console.WriteLine(DigitSum(1234567890123L));

        // reverse digits with a while loop
        int x = 123456789, rev = 0;
        while (x > 0) { rev = rev * 10 + x % 10; x /= 10; }
        Console.WriteLine(rev);

        // binary representation with do/while
        int[] values = new int[] { 0, 1, 5, 255, 1024, 123456 };
        for (int i = 0; i < values.Length; i++)
        {
            int v = values[i];
            char[] buf = new char[32];
            int pos = 32;
            do { buf[--pos] = (char)('0' + (v & 1)); v >>= 1; } while (v != 0);
            while (pos < 32) Console.Write(buf[pos++]);
            Console.WriteLine();
        }

        // while with compound condition and multiple variables
        int lo = 0, hi = 1000, iters = 0;
        int target = 737;
        while (lo < hi && iters < 100)
        {
            int mid = (lo + hi) / 2;
            if (mid < target) lo = mid + 1; else hi = mid;
            iters++;
            Console.Write(mid);
            Console.Write(" ");
        }
        Console.WriteLine();
        Console.WriteLine(lo);
        Console.WriteLine(iters);

        // do/while with continue goes to the condition
        int k = 0, odd = 0;
        do
        {
            k++;
            if (k % 2 == 0) continue;
            odd += k;
        } while (k < 15);
        Console.WriteLine(odd);
        return odd;
    }
}
