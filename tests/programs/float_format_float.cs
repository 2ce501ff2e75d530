using System;

// Console.WriteLine(float): single-precision shortest round-trip formatting, float arithmetic.
static class Program
{
    static float s_zero = 0.0f;
    static float s_one = 1.0f;

    static int Main()
    {
        Console.WriteLine(0.1f);
        Console.WriteLine(s_one / 3);
        Console.WriteLine(0.1f + 0.2f);
        Console.WriteLine(s_one / 10 + s_one / 5);
        Console.WriteLine(1.0f);
        Console.WriteLine(-2.5f);
        Console.WriteLine(s_zero);
        Console.WriteLine(-s_zero);
        Console.WriteLine(16777216f);
        Console.WriteLine(16777217f);
        Console.WriteLine(1e7f);
        Console.WriteLine(1e8f);
        Console.WriteLine(1e-5f);
        Console.WriteLine(123456.789f);
        Console.WriteLine(3.14159265f);
        Console.WriteLine(float.MaxValue);
        Console.WriteLine(float.MinValue);
        Console.WriteLine(float.Epsilon);
        Console.WriteLine(float.NaN);
        Console.WriteLine(float.PositiveInfinity);
        Console.WriteLine(float.NegativeInfinity);
        Console.WriteLine(s_one / s_zero);
        Console.WriteLine(1.17549435E-38f);
        Console.WriteLine(0.3f);
        Console.WriteLine(7.0f / 9.0f);

        float acc = 0;
        for (int i = 0; i < 10; i++)
        {
            acc += 0.1f;
            Console.WriteLine(acc);
        }
        float p = 1;
        for (int i = 0; i < 12; i++)
        {
            p *= 10;
            Console.Write(p);
            Console.Write(" ");
        }
        Console.WriteLine();
        float sq = 2;
        for (int i = 0; i < 6; i++)
        {
            sq = sq * sq;
            Console.WriteLine(sq);
        }

        // float arithmetic is performed in single precision
        float a = 16777216f;
        float b = a + s_one;
        Console.WriteLine(b == a);
        double da = 16777216.0;
        Console.WriteLine(da + 1.0 == da);
        float big = 1e20f;
        Console.WriteLine(big * big);
        Console.WriteLine(float.MaxValue * 2);
        float tiny = 1e-30f;
        Console.WriteLine(tiny * tiny);
        Console.WriteLine((double)(s_one / 3));
        return 0;
    }
}
