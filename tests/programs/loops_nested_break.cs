using System;

// Nested loops with break and continue at different levels, including a search that exits two loops via a flag.
static class Program
{
    static int Main()
    {
        // multiplication table rows, stopping each row when the product exceeds 30
        for (int i = 1; i <= 6; i++)
        {
            for (int j = 1; j <= 10; j++)
            {
                int p = i * j;
                if (p > 30) break;
                if (p % 4 == 0) continue;
                Console.Write(p);
                Console.Write(" ");
            }
            Console.WriteLine();
        }

        // find the first pair (a, b) with a*a + b*b == 2025 using a flag to leave both loops
        int fa = -1, fb = -1;
        bool found = false;
        for (int a = 1; a < 50 && !found; a++)
        {
            for (int b = a; b < 50; b++)
            {
                if (a * a + b * b == 2025) { fa = a; fb = b; found = true; break; }
            }
        }
        Console.WriteLine(fa);
        Console.WriteLine(fb);

        // triple nested loop counting Pythagorean triples
        int triples = 0;
        int lastC = 0;
        for (int a = 1; a <= 30; a++)
            for (int b = a; b <= 30; b++)
                for (int c = b; c <= 45; c++)
                {
                    if (a * a + b * b < c * c) break;
                    if (a * a + b * b == c * c) { triples++; lastC = c; }
                }
        Console.WriteLine(triples);
        Console.WriteLine(lastC);

        // continue in the outer loop from within the inner one via a flag
        int primesSum = 0;
        for (int n = 2; n < 100; n++)
        {
            bool composite = false;
            for (int d = 2; d * d <= n; d++)
            {
                if (n % d == 0) { composite = true; break; }
            }
            if (composite) continue;
            primesSum += n;
            Console.Write(n);
            Console.Write(",");
        }
        Console.WriteLine();
        Console.WriteLine(primesSum);

        // while(true) with break
        int steps = 0;
        int v = 27;
        while (true)
        {
            if (v == 1) break;
            v = (v & 1) == 0 ? v / 2 : 3 * v + 1;
            steps++;
        }
        Console.WriteLine(steps);
        return steps;
    }
}
