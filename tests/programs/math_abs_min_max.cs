using System;

// Math.Abs / Math.Min / Math.Max for int, long and double, and Math.Sqrt.
static class Program
{
    static int Clamp(int v, int lo, int hi) { return Math.Max(lo, Math.Min(hi, v)); }

    static int Main()
    {
        int[] iv = new int[] { -7, 0, 7, int.MaxValue, int.MinValue + 1, -100, 42 };
        int mn = int.MaxValue, mx = int.MinValue;
        long absSum = 0;
        for (int i = 0; i < iv.Length; i++)
        {
            mn = Math.Min(mn, iv[i]);
            mx = Math.Max(mx, iv[i]);
            absSum += Math.Abs(iv[i]);
            Console.Write(Math.Abs(iv[i]));
            Console.Write(" ");
            Console.WriteLine(Clamp(iv[i], -10, 10));
        }
        Console.WriteLine(mn);
        Console.WriteLine(mx);
        Console.WriteLine(absSum);

        long[] lv = new long[] { -5000000000L, 5000000000L, long.MinValue + 1, 0, -1 };
        long lmn = long.MaxValue, lmx = long.MinValue;
        for (int i = 0; i < lv.Length; i++)
        {
            lmn = Math.Min(lmn, lv[i]);
            lmx = Math.Max(lmx, lv[i]);
            Console.WriteLine(Math.Abs(lv[i]));
        }
        Console.WriteLine(lmn);
        Console.WriteLine(lmx);

        double[] dv = new double[] { -2.5, 3.75, -0.0, 1e300, -1e-300, 0.1 };
        double dmn = double.PositiveInfinity, dmx = double.NegativeInfinity;
        for (int i = 0; i < dv.Length; i++)
        {
            dmn = Math.Min(dmn, dv[i]);
            dmx = Math.Max(dmx, dv[i]);
            Console.Write(Math.Abs(dv[i]));
            Console.Write(" ");
            Console.WriteLine(Math.Sqrt(Math.Abs(dv[i])));
        }
        Console.WriteLine(dmn);
        Console.WriteLine(dmx);

        // integer square root via Math.Sqrt for perfect squares
        int perfect = 0;
        for (int n = 1; n <= 2000; n++)
        {
            int r = (int)Math.Sqrt(n);
            if (r * r == n) perfect++;
        }
        Console.WriteLine(perfect);
        Console.WriteLine(Math.Sqrt(2.0));
        Console.WriteLine(Math.Sqrt(1e-10));
        Console.WriteLine(Math.Max(Math.Abs(-3), Math.Abs(2)));
        return perfect;
    }
}
