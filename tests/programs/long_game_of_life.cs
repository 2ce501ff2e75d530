// Conway's game of life on a toroidal 2-D array (multi-dimensional int[,]): a glider, a blinker
// and an R-pentomino evolve; prints generations, population counts and a hash per step.
using System;

class Life
{
    public readonly int H, W;
    int[,] cur, next;
    public Life(int h, int w) { H = h; W = w; cur = new int[h, w]; next = new int[h, w]; }
    public void Set(int r, int c) => cur[(r + H) % H, (c + W) % W] = 1;
    public void Stamp(string[] pattern, int r0, int c0)
    {
        for (int r = 0; r < pattern.Length; r++)
            for (int c = 0; c < pattern[r].Length; c++)
                if (pattern[r][c] == '#') Set(r0 + r, c0 + c);
    }
    public int Step()
    {
        int born = 0;
        for (int r = 0; r < H; r++)
            for (int c = 0; c < W; c++)
            {
                int n = 0;
                for (int dr = -1; dr <= 1; dr++)
                    for (int dc = -1; dc <= 1; dc++)
                        if (dr != 0 || dc != 0) n += cur[(r + dr + H) % H, (c + dc + W) % W];
                int alive = cur[r, c];
                int v = (n == 3 || (n == 2 && alive == 1)) ? 1 : 0;
                if (v == 1 && alive == 0) born++;
                next[r, c] = v;
            }
        var t = cur; cur = next; next = t;
        return born;
    }
    public int Population() { int p = 0; for (int r = 0; r < H; r++) for (int c = 0; c < W; c++) p += cur[r, c]; return p; }
    public uint Hash() { uint h = 17; for (int r = 0; r < H; r++) for (int c = 0; c < W; c++) h = h * 31 + (uint)(cur[r, c] * (r * W + c + 1)); return h; }
    public void Print()
    {
        for (int r = 0; r < H; r++)
        {
            var line = new char[W];
            for (int c = 0; c < W; c++) line[c] = cur[r, c] == 1 ? '#' : '.';
            Console.WriteLine(new string(line));
        }
    }
}

static class Program
{
    // runs a pattern on a small torus and returns the period of the first repeated state (0 if none within limit)
    static int Period(string[] pattern, int size, int limit, out int firstRepeatAt)
    {
        var life = new Life(size, size);
        life.Stamp(pattern, 1, 1);
        var seen = new uint[limit + 1];
        firstRepeatAt = -1;
        for (int g = 0; g <= limit; g++)
        {
            uint h = life.Hash();
            for (int k = 0; k < g; k++) if (seen[k] == h) { firstRepeatAt = k; return g - k; }
            seen[g] = h;
            life.Step();
        }
        return 0;
    }

    static int Main()
    {
        var small = new Life(8, 10);
        small.Stamp(new[] { ".#.", "..#", "###" }, 0, 0);
        small.Stamp(new[] { "###" }, 5, 6);
        Console.WriteLine("rank " + 2 + " dims " + small.H + "x" + small.W);
        for (int g = 0; g <= 4; g++)
        {
            Console.WriteLine("gen " + g + " pop " + small.Population());
            small.Print();
            small.Step();
        }
        var big = new Life(40, 40);
        big.Stamp(new[] { ".##", "##.", ".#." }, 18, 18);
        uint acc = 0; int births = 0;
        for (int g = 1; g <= 200; g++)
        {
            births += big.Step();
            acc = acc * 33 + big.Hash();
            if (g % 25 == 0) Console.WriteLine("gen " + g + " pop " + big.Population() + " hash " + big.Hash());
        }
        Console.WriteLine("births " + births + " acc " + acc);
        var grid = new int[3, 4];
        Console.WriteLine("rank " + grid.Rank + " len " + grid.GetLength(0) + "," + grid.GetLength(1) + " total " + grid.Length);
        string[][] patterns = {
            new[] { "##", "##" },
            new[] { ".##.", "#..#", ".##." },
            new[] { "###" },
            new[] { ".###", "###." },
            new[] { "##..", "##..", "..##", "..##" },
        };
        string[] names = { "block", "beehive", "blinker", "toad", "beacon" };
        for (int i = 0; i < patterns.Length; i++)
        {
            int period = Period(patterns[i], 8, 12, out int at);
            Console.WriteLine(names[i] + ": period " + period + " from generation " + at + (period == 1 ? " (still life)" : " (oscillator)"));
        }
        int gliderPeriod = Period(new[] { ".#.", "..#", "###" }, 8, 40, out int gat);
        Console.WriteLine("glider on 8x8 torus: state repeats with period " + gliderPeriod + " from " + gat);
        return big.Population() & 0xFF;
    }
}
