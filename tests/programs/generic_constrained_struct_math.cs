// Generic algorithms over structs through constrained interface calls: an IMonoid<T>-style interface
// implemented by several structs (sum, product, max, string-ish concatenation counts), folded by one
// generic method; plus a generic accumulator struct holding another struct.
using System;

interface IMonoid<T> { T Zero { get; } T Combine(T a, T b); }
struct SumI : IMonoid<int> { public int Zero => 0; public int Combine(int a, int b) => a + b; }
struct ProdL : IMonoid<long> { public long Zero => 1; public long Combine(long a, long b) => a * b; }
struct MaxD : IMonoid<double> { public double Zero => double.MinValue; public double Combine(double a, double b) => a > b ? a : b; }
struct Range { public int Lo, Hi; public override string ToString() => "[" + Lo + "," + Hi + "]"; }
struct Hull : IMonoid<Range> { public Range Zero => new Range { Lo = int.MaxValue, Hi = int.MinValue }; public Range Combine(Range a, Range b) => new Range { Lo = Math.Min(a.Lo, b.Lo), Hi = Math.Max(a.Hi, b.Hi) }; }

struct Accumulator<T, M> where M : struct, IMonoid<T>
{
    T value; int count; M m;
    public static Accumulator<T, M> Create() { var a = new Accumulator<T, M>(); a.value = a.m.Zero; return a; }
    public void Add(T x) { value = m.Combine(value, x); count++; }
    public T Value => value; public int Count => count;
}

static class Program
{
    static T Fold<T, M>(T[] items) where M : struct, IMonoid<T> { M m = default; T acc = m.Zero; foreach (var x in items) acc = m.Combine(acc, x); return acc; }

    static int Main()
    {
        Console.WriteLine(Fold<int, SumI>(new[] { 1, 2, 3, 4, 5 }));
        Console.WriteLine(Fold<long, ProdL>(new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15 }));
        Console.WriteLine(Fold<double, MaxD>(new[] { 2.5, -1, 9.75, 3 }) + " " + Fold<double, MaxD>(new double[0]));
        var rs = new[] { new Range { Lo = 5, Hi = 9 }, new Range { Lo = -2, Hi = 3 }, new Range { Lo = 7, Hi = 12 } };
        Console.WriteLine(Fold<Range, Hull>(rs));
        var acc = Accumulator<int, SumI>.Create();
        for (int i = 1; i <= 100; i++) acc.Add(i * i);
        var hull = Accumulator<Range, Hull>.Create();
        foreach (var r in rs) hull.Add(r);
        Console.WriteLine(acc.Value + " over " + acc.Count + ", hull " + hull.Value + " over " + hull.Count);
        return acc.Value % 256;
    }
}
