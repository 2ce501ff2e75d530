using System;

// goto: backward jumps forming loops, forward jumps out of nested loops, retry-style control flow.
static class Program
{
    static int FindInGrid(int target)
    {
        int result = -1;
        for (int r = 0; r < 10; r++)
        {
            for (int c = 0; c < 10; c++)
            {
                if (r * 10 + c == target) { result = r * 100 + c; goto done; }
            }
        }
        Console.WriteLine("not found");
    done:
        return result;
    }

    static int Main()
    {
        int i = 0;
    top:
        Console.Write(i);
        Console.Write(" ");
        i += 3;
        if (i < 20) goto top;
        Console.WriteLine();

        Console.WriteLine(FindInGrid(57));
        Console.WriteLine(FindInGrid(99));
        Console.WriteLine(FindInGrid(150));

        // a small state machine with gotos
        int state = 0, steps = 0, acc = 1;
    s0:
        steps++;
        acc = acc * 3 + 1;
        if (acc % 2 == 0) goto s1;
        goto s2;
    s1:
        steps++;
        acc /= 2;
        if (steps > 30) goto end;
        goto s0;
    s2:
        steps++;
        acc -= 5;
        state++;
        if (state < 6) goto s0;
    end:
        Console.WriteLine(steps);
        Console.WriteLine(acc);
        Console.WriteLine(state);

        // retry loop
        int attempts = 0;
        int seed = 7;
    retry:
        attempts++;
        seed = (seed * 73 + 11) % 101;
        Console.Write(seed);
        Console.Write(" ");
        if (seed % 10 != 0 && attempts < 50) goto retry;
        Console.WriteLine();
        Console.WriteLine(attempts);
        return attempts + steps;
    }
}
