using System;

// Switch expressions and patterns over integers: relational patterns, and/or/not, constant patterns, 'is' patterns.
static class Program
{
    static string Bucket(int v) => v switch
    {
        < -100 => "very negative",
        < 0 => "negative",
        0 => "zero",
        1 or 2 or 3 => "small",
        >= 4 and <= 9 => "digit",
        >= 10 and < 100 => "two digits",
        100 or 1000 or 10000 => "power of ten",
        > 100 and < 1000 => "three digits",
        _ => "large",
    };

    static int Grade(double score) => score switch
    {
        >= 90.0 => 4,
        >= 80.0 => 3,
        >= 70.0 => 2,
        >= 60.0 => 1,
        _ => 0,
    };

    static int Weird(long x) => x switch
    {
        not 0 and > -5 and < 5 => 1,
        < -1000000000000L or > 1000000000000L => 2,
        0 => 3,
        _ => 4,
    };

    static int Main()
    {
        int[] vals = new int[] { -500, -100, -1, 0, 1, 3, 4, 9, 10, 99, 100, 101, 999, 1000, 1001, 10000, 123456 };
        for (int i = 0; i < vals.Length; i++)
        {
            Console.Write(vals[i]);
            Console.Write(": ");
            Console.WriteLine(Bucket(vals[i]));
        }

        double[] scores = new double[] { 95.5, 90.0, 89.999, 80, 75.25, 60.0, 59.9, -1.0, double.NaN };
        int gsum = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            int g = Grade(scores[i]);
            gsum += g;
            Console.Write(g);
            Console.Write(" ");
        }
        Console.WriteLine();
        Console.WriteLine(gsum);

        long[] ls = new long[] { 0, 1, -4, -5, 5, 2000000000000L, -2000000000000L, 77 };
        int wsum = 0;
        for (int i = 0; i < ls.Length; i++)
        {
            int w = Weird(ls[i]);
            wsum = wsum * 5 + w;
            Console.Write(w);
        }
        Console.WriteLine();
        Console.WriteLine(wsum);

        int count = 0;
        for (int i = -20; i <= 20; i++)
        {
            if (i is > 3 and < 8 or -1 or < -15) count++;
            if (i is not (0 or 1)) count += 2;
        }
        Console.WriteLine(count);

        char c = 'q';
        bool isLower = c is >= 'a' and <= 'z';
        Console.WriteLine(isLower);
        byte b = 200;
        Console.WriteLine(b is > 100 and < 250);
        return count;
    }
}
