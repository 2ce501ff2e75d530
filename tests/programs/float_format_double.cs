using System;

// Console.WriteLine(double): .NET's shortest round-trip formatting over a wide range of values.
static class Program
{
    static double s_zero = 0.0;
    static double s_one = 1.0;

    static int Main()
    {
        Console.WriteLine(0.1);
        Console.WriteLine(s_one / 3);
        Console.WriteLine(2 * s_one / 3);
        Console.WriteLine(0.1 + 0.2);
        Console.WriteLine(s_one / 10 + s_one / 5);
        Console.WriteLine(1.0);
        Console.WriteLine(-1.0);
        Console.WriteLine(s_zero);
        Console.WriteLine(-s_zero);
        Console.WriteLine(100.0);
        Console.WriteLine(1e14);
        Console.WriteLine(1e15);
        Console.WriteLine(1e16);
        Console.WriteLine(123456789012345.0);
        Console.WriteLine(1234567890123456.0);
        Console.WriteLine(1e-4);
        Console.WriteLine(1e-5);
        Console.WriteLine(0.00012345);
        Console.WriteLine(1.5e-7);
        Console.WriteLine(123456.789);
        Console.WriteLine(-98765.4321);
        Console.WriteLine(3.14159265358979);
        Console.WriteLine(2.718281828459045);
        Console.WriteLine(double.MaxValue);
        Console.WriteLine(double.MinValue);
        Console.WriteLine(double.Epsilon);
        Console.WriteLine(2.2250738585072014E-308);
        Console.WriteLine(double.NaN);
        Console.WriteLine(double.PositiveInfinity);
        Console.WriteLine(double.NegativeInfinity);
        Console.WriteLine(s_zero / s_zero);
        Console.WriteLine(s_one / s_zero);
        Console.WriteLine(9007199254740992.0);
        Console.WriteLine(4.35);
        Console.WriteLine(0.3);
        Console.WriteLine(5e-324 * 3);
        Console.WriteLine(1.7976931348623157e308 / 10);

        // computed values: powers of ten and halves
        double p = 1.0;
        for (int i = 0; i < 25; i++)
        {
            p *= 10;
            Console.Write(p);
            Console.Write(" ");
        }
        Console.WriteLine();
        double h = 1.0;
        for (int i = 0; i < 25; i++)
        {
            h /= 2;
            Console.Write(h);
            Console.Write(" ");
        }
        Console.WriteLine();
        double t = 0.0;
        for (int i = 0; i < 10; i++)
        {
            t += 0.1;
            Console.WriteLine(t);
        }
        double third = 1.0;
        for (int i = 0; i < 8; i++)
        {
            third = third / 3 * 7;
            Console.WriteLine(third);
        }
        return 0;
    }
}
