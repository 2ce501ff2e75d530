// A CPU-bound loop in one function, for bench/profiling/overhead.sh (docs/profiling.md, "Overhead"):
// the profiling tests run it too (ProfiledRunTests.HotLoop). About 0.65 s on the linux target.
using System;
using System.Runtime.CompilerServices;

public static class Program
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static long Hot(long n, long seed)
    {
        long x = seed;
        for (long i = 0; i < n; i++)
            x = x * 6364136223846793005L + 1442695040888963407L ^ (x >> 13);
        return x;
    }

    public static int Main(string[] args)
    {
        long rounds = args.Length > 0 ? long.Parse(args[0]) : 20;
        long sum = 0;
        for (long k = 0; k < rounds; k++)
            sum += Hot(20_000_000, k);
        Console.WriteLine(sum);
        return 0;
    }
}
