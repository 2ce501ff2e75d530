// Generic methods: type inference from arguments and lambdas, several type parameters, explicit
// type arguments, generic recursion, generic methods on generic classes, overloads that differ in
// genericity, and default(T) for value and reference types.
using System;

class Bag<T>
{
    T[] items = new T[8]; int n;
    public void Add(T x) { items[n++] = x; }
    public Bag<R> Map<R>(Func<T, R> f) { var b = new Bag<R>(); for (int i = 0; i < n; i++) b.Add(f(items[i])); return b; }
    public A Fold<A>(A seed, Func<A, T, A> f) { for (int i = 0; i < n; i++) seed = f(seed, items[i]); return seed; }
    public override string ToString() { string s = "{"; for (int i = 0; i < n; i++) s = s + (i > 0 ? "," : "") + items[i]; return s + "}"; }
}

static class Program
{
    static T Identity<T>(T x) => x;
    static string Kind<T>(T x) => "generic";
    static string Kind(int x) => "int";
    static T Default<T>() => default(T);
    static R Apply<T, R>(T x, Func<T, R> f) => f(x);
    static T Repeat<T>(T x, int n, Func<T, T> f) => n == 0 ? x : Repeat(f(x), n - 1, f);
    static void Fill<T>(T[] a, T v) { for (int i = 0; i < a.Length; i++) a[i] = v; }
    static int CountEqual<T>(T[] a, T v) where T : IEquatable<T> { int c = 0; foreach (var x in a) if (x.Equals(v)) c++; return c; }

    struct Code : IEquatable<Code> { public int V; public bool Equals(Code o) => V == o.V; }

    static int Main()
    {
        Console.WriteLine(Identity(5) + " " + Identity("s") + " " + Identity<double>(2));
        Console.WriteLine(Kind(1) + " " + Kind(1L) + " " + Kind<int>(1) + " " + Kind("x"));
        Console.WriteLine(Default<int>() + " " + (Default<string>() == null) + " " + Default<double>() + " " + Default<bool>());
        Console.WriteLine(Apply(21, x => x * 2) + " " + Apply("abc", s => s.Length) + " " + Apply(3, x => "n" + x));
        Console.WriteLine(Repeat(1, 10, x => x * 2) + " " + Repeat("a", 3, s => s + s));
        var b = new Bag<int>(); for (int i = 1; i <= 5; i++) b.Add(i);
        var sq = b.Map(x => x * x);
        var strs = sq.Map(x => "#" + x);
        Console.WriteLine(b + " " + sq + " " + strs + " " + sq.Fold(0L, (acc, x) => acc + x) + " " + strs.Fold("", (acc, s) => acc + s.Length));
        var codes = new Code[5]; Fill(codes, new Code { V = 3 }); codes[1].V = 4;
        Console.WriteLine(CountEqual(codes, new Code { V = 3 }));
        return sq.Fold(0, (acc, x) => acc + x);
    }
}
