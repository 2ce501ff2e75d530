using System;

// Double arithmetic: rounding, division by zero, Math.Sqrt, Newton iteration, series sums.
static class Program
{
    static double s_zero = 0.0;

    static double NewtonSqrt(double x)
    {
        double g = x / 2;
        for (int i = 0; i < 30; i++) g = (g + x / g) / 2;
        return g;
    }

    static double Poly(double x) { return ((2.5 * x - 1.25) * x + 0.5) * x - 3.0; }

    static int Main()
    {
        double[] xs = new double[] { 0.0, 1.0, 2.0, 0.5, 10.0, 1e-10, 1e10, 144.0, 2.25, 3.0 };
        for (int i = 0; i < xs.Length; i++)
        {
            Console.Write(Math.Sqrt(xs[i]));
            Console.Write(" ");
            Console.Write(NewtonSqrt(xs[i] + 1));
            Console.Write(" ");
            Console.WriteLine(Poly(xs[i]));
        }
        Console.WriteLine(Math.Sqrt(-1.0));
        Console.WriteLine(Math.Sqrt(-s_zero));
        Console.WriteLine(Math.Sqrt(double.PositiveInfinity));

        Console.WriteLine(1.0 / s_zero);
        Console.WriteLine(-1.0 / s_zero);
        Console.WriteLine(s_zero / s_zero);
        Console.WriteLine(5.5 % 2.0);
        Console.WriteLine(-5.5 % 2.0);
        Console.WriteLine(5.5 % -2.0);
        Console.WriteLine(1e300 * 1e10);
        Console.WriteLine(-1e300 * 1e10);
        Console.WriteLine(1e-300 * 1e-300);
        Console.WriteLine(-1e-300 * 1e-300);
        Console.WriteLine(double.PositiveInfinity - double.PositiveInfinity);
        Console.WriteLine(double.PositiveInfinity * s_zero);

        // Leibniz series for pi and harmonic numbers
        double pi = 0;
        for (int k = 0; k < 100000; k++) pi += (k % 2 == 0 ? 4.0 : -4.0) / (2 * k + 1);
        Console.WriteLine(pi);
        double hsum = 0;
        for (int k = 1; k <= 1000; k++) hsum += 1.0 / k;
        Console.WriteLine(hsum);
        double back = 0;
        for (int k = 1000; k >= 1; k--) back += 1.0 / k;
        Console.WriteLine(back);
        Console.WriteLine(hsum == back);

        // catastrophic cancellation and associativity
        double big = 1e16;
        Console.WriteLine(big + 1.0 - big);
        Console.WriteLine(big - big + 1.0);
        Console.WriteLine((0.1 + 0.2) + 0.3);
        Console.WriteLine(0.1 + (0.2 + 0.3));
        double neg = -xs[3];
        Console.WriteLine(neg);
        Console.WriteLine(-neg);
        Console.WriteLine(Math.Abs(neg));
        Console.WriteLine(Math.Abs(-s_zero));
        return (int)(pi * 10);
    }
}
