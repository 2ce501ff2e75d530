using System;

// int32 arithmetic that overflows must wrap around (unchecked two's complement).
static class Program
{
    static int s_max = int.MaxValue;
    static int s_min = int.MinValue;

    static int Add(int a, int b) { return a + b; }
    static int Sub(int a, int b) { return a - b; }
    static int Mul(int a, int b) { return a * b; }
    static int Neg(int a) { return -a; }

    static int Main()
    {
        Console.WriteLine(Add(s_max, 1));
        Console.WriteLine(Add(s_max, s_max));
        Console.WriteLine(Sub(s_min, 1));
        Console.WriteLine(Sub(s_min, s_max));
        Console.WriteLine(Mul(s_max, 2));
        Console.WriteLine(Mul(65536, 65536));
        Console.WriteLine(Mul(46341, 46341));
        Console.WriteLine(Mul(s_min, -1));
        Console.WriteLine(Neg(s_min));
        Console.WriteLine(Neg(s_max));
        Console.WriteLine(Math.Abs(s_max));

        int x = s_max;
        x++;
        Console.WriteLine(x);
        x--;
        Console.WriteLine(x);
        x += s_max;
        Console.WriteLine(x);
        x *= 3;
        Console.WriteLine(x);

        // classic LCG with wrap-around
        int seed = 12345;
        int sum = 0;
        for (int i = 0; i < 20; i++)
        {
            seed = seed * 1103515245 + 12345;
            sum ^= seed;
            Console.Write(seed);
            Console.Write(i % 5 == 4 ? "\n" : " ");
        }
        Console.WriteLine(sum);

        // factorial overflow sequence
        int f = 1;
        for (int i = 1; i <= 20; i++)
        {
            f *= i;
            Console.WriteLine(f);
        }

        int mixed = unchecked(s_max + s_min * 3 - 7);
        Console.WriteLine(mixed);
        return 0;
    }
}
