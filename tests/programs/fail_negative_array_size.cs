// Allocating arrays whose size is computed: positive sizes work, then a negative computed size throws
// OverflowException (as CoreCLR does for newarr with a negative length).
using System;
static class Program
{
    static int Main()
    {
        int total = 0;
        for (int k = 3; k >= -3; k--)
        {
            int size = k * 4 - 2;
            var a = new int[size];
            total += a.Length;
            Console.WriteLine("allocated " + a.Length + ", total " + total);
        }
        return total;
    }
}
