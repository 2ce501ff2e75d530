// stackalloc of a size known only at run time, zero included: CoreCLR's localloc of zero bytes gives
// null, and code may test for it; spans over it are empty.
using System;

static unsafe class Program
{
    static int sizeSeed = 7;

    static int SizeFor(int k) => (k * sizeSeed) % 5;   // 0 for k = 0 and k = 5

    static int Main()
    {
        int sum = 0;
        for (int k = 0; k < 7; k++)
        {
            int n = SizeFor(k);
            byte* p = stackalloc byte[n];
            Span<int> s = stackalloc int[n];
            for (int i = 0; i < s.Length; i++) s[i] = i + k;
            int total = 0;
            foreach (var v in s) total += v;
            Console.WriteLine("k " + k + " n " + n + " null " + (p == null) + " span " + s.Length + " total " + total);
            sum += total + (p == null ? 100 : 0);
        }
        return sum & 0xFF;
    }
}
