using System;

// for loops: multiple variables, empty parts, counting down, non-unit steps, modifying the bound inside the loop.
static class Program
{
    static int s_limit = 10;

    static int Main()
    {
        for (int i = 0, j = 10; i < j; i++, j--)
        {
            Console.Write(i * j);
            Console.Write(" ");
        }
        Console.WriteLine();

        for (int i = 100; i > 0; i -= 17) { Console.Write(i); Console.Write(" "); }
        Console.WriteLine();

        for (int i = 1; i < 5000; i *= 3) { Console.Write(i); Console.Write(" "); }
        Console.WriteLine();

        int k = 0;
        for (; ; )
        {
            if (++k >= 7) break;
        }
        Console.WriteLine(k);

        int m = 0;
        for (; m < 5;) m += 2;
        Console.WriteLine(m);

        // bound read from a field that changes during the loop
        int iterations = 0;
        for (int i = 0; i < s_limit; i++)
        {
            iterations++;
            if (i == 3) s_limit = 6;
        }
        Console.WriteLine(iterations);

        // loop variable modified in the body
        int visits = 0;
        for (int i = 0; i < 20; i++)
        {
            visits++;
            if (i % 5 == 0) i += 2;
        }
        Console.WriteLine(visits);

        // long and unsigned loop counters
        long lsum = 0;
        for (long L = 4000000000L; L < 4000000010L; L++) lsum += L;
        Console.WriteLine(lsum);
        uint usum = 0;
        for (uint u = 0xFFFFFFF0u; u >= 0xFFFFFFF0u; u++) usum += u & 0xFF;
        Console.WriteLine(usum);
        byte bcount = 0;
        int btrips = 0;
        for (byte b = 250; b != 4; b++) { bcount += b; btrips++; }
        Console.WriteLine(bcount);
        Console.WriteLine(btrips);

        // double loop counter
        int dtrips = 0;
        for (double d = 0; d < 1.0; d += 0.1) dtrips++;
        Console.WriteLine(dtrips);

        // summing a triangle with dependent inner bound
        int tri = 0;
        for (int a = 0; a < 30; a++)
            for (int b = 0; b <= a; b++)
                tri += a ^ b;
        Console.WriteLine(tri);
        return tri & 0xFF;
    }
}
