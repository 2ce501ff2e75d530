// Math.Floor, Ceiling, Round (to even, as .NET's default), Truncate, Abs, Min, Max and Sqrt over
// positive, negative, half-way, tiny and large values, plus integer results derived from them.
using System;

static class Program
{
    static int Main()
    {
        double[] xs = { 0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 2.4999, 2.5001, -7.25, 7.75, 1e15 + 0.5, -1e-300, 123456.789 };
        long acc = 0;
        foreach (var x in xs)
        {
            double f = Math.Floor(x), c = Math.Ceiling(x), r = Math.Round(x), t = Math.Truncate(x);
            Console.WriteLine(x + ": floor " + f + " ceil " + c + " round " + r + " trunc " + t);
            acc = acc * 3 + (long)f + (long)c * 2 + (long)r * 5 + (long)t * 7;
        }
        Console.WriteLine(Math.Abs(-3.5) + " " + Math.Abs(-7) + " " + Math.Abs(-9L) + " " + Math.Max(-0.0, 0.0) + " " + Math.Min(2.5, -2.5) + " " + Math.Max(3u, 7u));
        Console.WriteLine(Math.Sqrt(2) + " " + Math.Sqrt(144) + " " + Math.Sqrt(-1) + " " + Math.Sqrt(1e-10));
        int steps = 0;
        for (double v = 1000; v > 1; v = Math.Floor(Math.Sqrt(v))) steps++;
        Console.WriteLine("steps " + steps + " acc " + acc);
        return (int)((ulong)acc % 256);
    }
}
