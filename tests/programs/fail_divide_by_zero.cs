// Integer division by a zero that is computed at run time: averages of buckets are printed until an
// empty bucket divides by zero (DivideByZeroException).
using System;
static class Program
{
    static int Main()
    {
        int[] counts = new int[6], sums = new int[6];
        for (int i = 0; i < 40; i++) { int b = (i * 7) % 5; counts[b]++; sums[b] += i; }
        for (int b = 0; b < 6; b++) Console.WriteLine("bucket " + b + " average " + sums[b] / counts[b]);
        return 0;
    }
}
