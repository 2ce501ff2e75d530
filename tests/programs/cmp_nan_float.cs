using System;

// Floating-point comparisons: NaN is unordered (every ordered comparison false, != true), -0.0 == 0.0, infinities.
static class Program
{
    static double s_zero = 0.0;

    static void Report(string label, double a, double b)
    {
        Console.Write(label);
        Console.Write(": < ");
        Console.Write(a < b);
        Console.Write(" <= ");
        Console.Write(a <= b);
        Console.Write(" > ");
        Console.Write(a > b);
        Console.Write(" >= ");
        Console.Write(a >= b);
        Console.Write(" == ");
        Console.Write(a == b);
        Console.Write(" != ");
        Console.WriteLine(a != b);
    }

    static int Main()
    {
        double nan = s_zero / s_zero;
        double inf = 1.0 / s_zero;
        double ninf = -1.0 / s_zero;
        double negz = -s_zero;
        double nan2 = nan;
        Report("nan,nan", nan, nan2);
        Report("nan,1", nan, 1.0);
        Report("1,nan", 1.0, nan);
        Report("nan,inf", nan, inf);
        Report("0,-0", s_zero, negz);
        Report("inf,inf", inf, inf);
        Report("-inf,inf", ninf, inf);
        Report("1,2", 1.0, 2.0);
        Report("max,inf", double.MaxValue, inf);

        // !(a < b) is not the same as (a >= b) when NaN is involved
        Console.WriteLine(!(nan < 1.0));
        Console.WriteLine(nan >= 1.0);
        Console.WriteLine(nan != nan2);
        Console.WriteLine(nan == double.NaN);

        float fnan = float.NaN;
        float fnan2 = fnan;
        float fz = 0.0f;
        Console.WriteLine(fnan == fnan2);
        Console.WriteLine(fnan < 0.0f);
        Console.WriteLine(fnan > 0.0f);
        Console.WriteLine(fz == -fz);
        Console.WriteLine(1.0f / fz);
        Console.WriteLine(-1.0f / fz);

        // NaN through a ternary and in branches
        int count = 0;
        double[] vals = new double[] { 1.0, nan, -2.0, inf, negz, ninf, nan };
        for (int i = 0; i < vals.Length; i++)
        {
            if (vals[i] > 0) count += 1;
            else if (vals[i] <= 0) count += 10;
            else count += 100;
        }
        Console.WriteLine(count);
        double m = nan > 1.0 ? 1.0 : 2.0;
        Console.WriteLine(m);
        Console.WriteLine(Math.Max(1.0, nan));
        Console.WriteLine(Math.Min(nan, 1.0));
        Console.WriteLine(Math.Max(negz, s_zero));
        Console.WriteLine(Math.Min(negz, s_zero));
        return count % 256;
    }
}
