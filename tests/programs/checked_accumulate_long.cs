// checked arithmetic in real computations: factorials and binomials in long until overflow (caught,
// reporting the last good value), checked multiply-add hashing versus unchecked wrap-around, and
// checked conversions of accumulated sums to int.
using System;

static class Program
{
    static long Factorial(int n) { long r = 1; for (int i = 2; i <= n; i++) r = checked(r * i); return r; }
    static long Binomial(int n, int k) { long r = 1; for (int i = 1; i <= k; i++) r = checked(r * (n - k + i)) / i; return r; }

    static int Main()
    {
        int lastGood = 0;
        for (int n = 1; n < 30; n++)
        {
            try { long f = Factorial(n); lastGood = n; if (n % 5 == 0) Console.WriteLine(n + "! = " + f); }
            catch (OverflowException) { Console.WriteLine(n + "! overflows long"); break; }
        }
        int bn = 0;
        for (int n = 50; n < 70; n++)
        {
            try { long b = Binomial(n, n / 2); bn = n; }
            catch (OverflowException) { Console.WriteLine("C(" + n + "," + n / 2 + ") overflows, last good C(" + bn + "," + bn / 2 + ") = " + Binomial(bn, bn / 2)); break; }
        }
        uint wrap = 2166136261; ulong steps = 0; bool overflowed = false;
        uint safe = 17;
        for (int i = 0; i < 100; i++)
        {
            wrap = unchecked((wrap ^ (uint)i) * 16777619);
            try { safe = checked(safe * 3 + (uint)i); steps++; } catch (OverflowException) { overflowed = true; break; }
        }
        Console.WriteLine("wrap " + wrap + " safe " + safe + " steps " + steps + " overflowed " + overflowed);
        long acc = 0; int narrowed = 0;
        for (int i = 0; i < 100; i++) { acc += (long)i * 50000000; try { narrowed = checked((int)acc); } catch (OverflowException) { Console.WriteLine("narrowing failed at i=" + i + " acc=" + acc); break; } }
        Console.WriteLine("last narrowed " + narrowed);
        return lastGood + bn;
    }
}
