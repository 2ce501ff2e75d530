// fannkuch-redux: integer permutations and array reversal. For every permutation of 0..n-1 (in the order of
// the benchmarks game's counting scheme), count the prefix reversals until 0 is in front; print the
// alternating checksum and the maximum. Argument: n (default 10).
using System;

static class Fannkuch
{
    static int Main(string[] args)
    {
        int n = args.Length > 0 ? int.Parse(args[0]) : 10;
        var perm = new int[n];
        var work = new int[n];
        var count = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        int maxFlips = 0, checksum = 0, index = 0;
        int r = n;
        while (true)
        {
            for (; r > 1; r--) count[r - 1] = r;

            if (perm[0] != 0)
            {
                for (int i = 0; i < n; i++) work[i] = perm[i];
                int flips = 0;
                int first = work[0];
                while (first != 0)
                {
                    for (int lo = 0, hi = first; lo < hi; lo++, hi--)
                    {
                        int t = work[lo];
                        work[lo] = work[hi];
                        work[hi] = t;
                    }
                    flips++;
                    first = work[0];
                }
                if (flips > maxFlips) maxFlips = flips;
                checksum += (index & 1) == 0 ? flips : -flips;
            }

            // The next permutation: rotate the first r+1 elements left until a counter is left non-zero.
            while (true)
            {
                if (r == n)
                {
                    Console.WriteLine(checksum);
                    Console.WriteLine("Pfannkuchen(" + n + ") = " + maxFlips);
                    return 0;
                }
                int head = perm[0];
                for (int i = 0; i < r; i++) perm[i] = perm[i + 1];
                perm[r] = head;
                count[r]--;
                if (count[r] > 0) break;
                r++;
            }
            index++;
        }
    }
}
