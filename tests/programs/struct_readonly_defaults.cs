// Structs: readonly structs with init via constructors, parameterless struct constructors versus
// default(T), field initialisers in structs, `with`-like copy helpers, readonly members and `in`
// parameters, and structs holding references.
using System;

readonly struct Money
{
    public readonly long Cents; public readonly string Currency;
    public Money(long c, string cur) { Cents = c; Currency = cur; }
    public Money Add(Money o) { if (o.Currency != Currency) throw new InvalidOperationException("currency mismatch " + Currency + "/" + o.Currency); return new Money(Cents + o.Cents, Currency); }
    public Money WithCents(long c) => new Money(c, Currency);
    public override string ToString() => (Cents / 100) + "." + (Cents % 100 < 10 ? "0" : "") + (Cents % 100) + " " + Currency;
}

struct Config
{
    public int Retries = 3; public string Name = "default"; public double Ratio;
    public Config() { Ratio = 0.5; }
    public Config(string name) { Name = name; }
    public readonly string Show() => Name + ":" + Retries + ":" + Ratio;
}

struct Holder { public int[] Data; public int Count; public void Push(int v) { Data[Count++] = v; } }

static class Program
{
    static long Total(in Money a, in Money b) => a.Cents + b.Cents;

    static int Main()
    {
        var m = new Money(1999, "EUR");
        var n = m.Add(new Money(1, "EUR"));
        Console.WriteLine(m + " + 0.01 = " + n + "; changed " + m.WithCents(5));
        try { m.Add(new Money(1, "USD")); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        Console.WriteLine(Total(m, n));
        var c1 = new Config(); var c2 = new Config("named"); var c3 = default(Config); var arr = new Config[1];
        Console.WriteLine(c1.Show() + " | " + c2.Show() + " | " + (c3.Name == null) + " " + c3.Retries + " | " + arr[0].Retries);
        var h = new Holder { Data = new int[4] };
        h.Push(5);
        var copy = h;
        copy.Push(7);
        Console.WriteLine("h.Count " + h.Count + " copy.Count " + copy.Count + " shared data " + h.Data[1]);
        return (int)(n.Cents % 256) + h.Count;
    }
}
