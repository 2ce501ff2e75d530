using System;

// stackalloc into raw pointers: zero-initialised buffers, buffers sized at run time, several buffers in one frame.
static unsafe class Program
{
    static int SumSquares(int n)
    {
        int* buf = stackalloc int[n];
        for (int i = 0; i < n; i++) buf[i] = i * i;
        int s = 0;
        for (int i = 0; i < n; i++) s += buf[i];
        return s;
    }

    static long Sieve(int limit)
    {
        byte* composite = stackalloc byte[limit + 1];
        long sum = 0;
        for (int i = 2; i <= limit; i++)
        {
            if (composite[i] != 0) continue;
            sum += i;
            for (int j = i * i; j <= limit; j += i) composite[j] = 1;
        }
        return sum;
    }

    static int Main()
    {
        int* zeros = stackalloc int[32];
        int nonZero = 0;
        for (int i = 0; i < 32; i++) if (zeros[i] != 0) nonZero++;
        Console.WriteLine(nonZero);

        Console.WriteLine(SumSquares(1));
        Console.WriteLine(SumSquares(10));
        Console.WriteLine(SumSquares(100));
        Console.WriteLine(Sieve(100));
        Console.WriteLine(Sieve(2000));

        double* ds = stackalloc double[8];
        char* cs = stackalloc char[8];
        short* ss = stackalloc short[8];
        for (int i = 0; i < 8; i++)
        {
            ds[i] = 1.0 / (i + 1);
            cs[i] = (char)('A' + i * 2);
            ss[i] = (short)(-1000 * i);
        }
        for (int i = 0; i < 8; i++)
        {
            Console.Write(ds[i]); Console.Write(" "); Console.Write(cs[i]); Console.Write(" "); Console.WriteLine(ss[i]);
        }

        // (stackalloc with an initializer list is avoided: Roslyn lowers it through the generic RuntimeHelpers.CreateSpan<T>)
        int* primes = stackalloc int[6];
        primes[0] = 2; primes[1] = 3; primes[2] = 5; primes[3] = 7; primes[4] = 11; primes[5] = 13;
        int prod = 1;
        for (int i = 0; i < 6; i++) prod *= primes[i];
        Console.WriteLine(prod);

        // stackalloc in a loop body via a helper: each call gets a fresh buffer
        int total = 0;
        for (int k = 1; k <= 5; k++) total += SumSquares(k * 3);
        Console.WriteLine(total);

        // Fibonacci table
        long* fib = stackalloc long[90];
        fib[0] = 0; fib[1] = 1;
        for (int i = 2; i < 90; i++) fib[i] = fib[i - 1] + fib[i - 2];
        Console.WriteLine(fib[89]);
        return (int)(fib[89] % 200) + 1;
    }
}
