using System;

// Structs passed by ref/in/out and returned by value; large structs (more than two registers).
struct Big
{
    public long A, B, C, D, E;
    public int F;
}

struct Small
{
    public int Lo;
    public int Hi;
}

static class Program
{
    static Big Make(long seed)
    {
        Big b;
        b.A = seed; b.B = seed * 2; b.C = seed * 3; b.D = -seed; b.E = seed << 20; b.F = (int)seed + 1;
        return b;
    }

    static long Sum(Big b) { return b.A + b.B + b.C + b.D + b.E + b.F; }
    static long SumIn(in Big b) { return b.A + b.B + b.C + b.D + b.E + b.F; }
    static void Scale(ref Big b, int k) { b.A *= k; b.B *= k; b.C *= k; b.D *= k; b.E *= k; b.F *= k; }
    static void Create(out Small s, int lo, int hi) { s.Lo = lo; s.Hi = hi; }
    static Small Swap(Small s) { Small r; r.Lo = s.Hi; r.Hi = s.Lo; return r; }
    static void SwapInPlace(ref Small s) { int t = s.Lo; s.Lo = s.Hi; s.Hi = t; }
    static Big Combine(Big x, Big y, Small s)
    {
        Big r = x;
        r.A += y.A * s.Lo;
        r.E -= y.E * s.Hi;
        r.F = x.F ^ y.F;
        return r;
    }

    static void Print(Big b)
    {
        Console.Write(b.A); Console.Write(" "); Console.Write(b.B); Console.Write(" "); Console.Write(b.C); Console.Write(" ");
        Console.Write(b.D); Console.Write(" "); Console.Write(b.E); Console.Write(" "); Console.WriteLine(b.F);
    }

    static int Main()
    {
        Big b1 = Make(3);
        Big b2 = Make(-7);
        Print(b1);
        Print(b2);
        Console.WriteLine(Sum(b1));
        Console.WriteLine(SumIn(b2));
        Scale(ref b1, 10);
        Print(b1);
        Big b3 = Combine(b1, b2, Swap(new Small { Lo = 2, Hi = 5 }));
        Print(b3);
        Print(b1);

        Create(out Small s, 17, 42);
        Console.WriteLine(s.Lo);
        Console.WriteLine(s.Hi);
        Small s2 = Swap(s);
        Console.WriteLine(s2.Lo);
        Console.WriteLine(s.Lo);
        SwapInPlace(ref s);
        Console.WriteLine(s.Lo);
        Console.WriteLine(s.Hi);

        Big[] bigs = new Big[4];
        for (int i = 0; i < bigs.Length; i++) bigs[i] = Make(i + 1);
        Scale(ref bigs[2], -1);
        long total = 0;
        for (int i = 0; i < bigs.Length; i++) total += Sum(bigs[i]);
        Console.WriteLine(total);

        ref Big rb = ref bigs[3];
        rb.F = 1000;
        Console.WriteLine(bigs[3].F);
        return (int)(total & 0xFF);
    }
}
