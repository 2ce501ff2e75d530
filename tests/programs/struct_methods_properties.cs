using System;

// Struct instance methods (mutating and non-mutating), properties with getters/setters, auto-properties, static members.
struct Counter
{
    private int _count;
    public int Step;

    public int Count { get { return _count; } }
    public int Doubled => _count * 2;
    public int Limit { get; set; }

    public void Tick() { _count += Step; if (_count > Limit) _count = Limit; }
    public void Reset() { _count = 0; }
    public bool AtLimit() { return _count == Limit; }
}

struct Rational
{
    public long Num;
    public long Den;

    public Rational(long n, long d) { long g = Gcd(n < 0 ? -n : n, d); Num = n / g; Den = d / g; }
    static long Gcd(long a, long b) { while (b != 0) { long t = a % b; a = b; b = t; } return a == 0 ? 1 : a; }
    public Rational Add(Rational o) { return new Rational(Num * o.Den + o.Num * Den, Den * o.Den); }
    public Rational Mul(Rational o) { return new Rational(Num * o.Num, Den * o.Den); }
    public double Value { get { return (double)Num / Den; } }
    public void Print() { Console.Write(Num); Console.Write("/"); Console.WriteLine(Den); }
    public static Rational One { get { return new Rational(1, 1); } }
}

static class Program
{
    static int Main()
    {
        Counter c = new Counter();
        c.Step = 3;
        c.Limit = 10;
        for (int i = 0; i < 5; i++)
        {
            c.Tick();
            Console.Write(c.Count);
            Console.Write(" ");
            Console.Write(c.Doubled);
            Console.Write(" ");
            Console.WriteLine(c.AtLimit());
        }
        Counter copy = c;
        copy.Reset();
        Console.WriteLine(c.Count);
        Console.WriteLine(copy.Count);
        c.Limit = 100;
        c.Step = 7;
        c.Tick();
        Console.WriteLine(c.Count);

        Rational sum = new Rational(0, 1);
        for (int k = 1; k <= 10; k++) sum = sum.Add(new Rational(1, k * (k + 1)));
        sum.Print();
        Console.WriteLine(sum.Value);
        Rational h = new Rational(0, 1);
        for (int k = 1; k <= 12; k++) h = h.Add(new Rational(1, k));
        h.Print();
        Console.WriteLine(h.Value);
        Rational p = Rational.One;
        for (int k = 2; k <= 8; k++) p = p.Mul(new Rational(k - 1, k));
        p.Print();
        Rational neg = new Rational(-6, 8);
        neg.Print();
        Console.WriteLine(neg.Value);

        Counter[] counters = new Counter[3];
        for (int i = 0; i < counters.Length; i++) { counters[i].Step = i + 1; counters[i].Limit = 5; }
        for (int round = 0; round < 3; round++)
            for (int i = 0; i < counters.Length; i++) counters[i].Tick();   // mutates in place
        for (int i = 0; i < counters.Length; i++) Console.WriteLine(counters[i].Count);
        return (int)h.Den % 256;
    }
}
