// A LINQ-like iterator pipeline written in the program: yield-based Where, Select, Take, Skip,
// TakeWhile, Zip, Concat, Distinct (own hash set), Chunk-like Batch, plus aggregate helpers;
// lazy evaluation is made visible by logging, and infinite generators are consumed partially.
using System;
using System.Collections.Generic;

static class Seq
{
    public static int Pulled;
    public static IEnumerable<int> Naturals() { int i = 0; while (true) { Pulled++; yield return i++; } }
    public static IEnumerable<int> Range(int a, int n) { for (int i = 0; i < n; i++) yield return a + i; }
    public static IEnumerable<T> Where<T>(IEnumerable<T> src, Func<T, bool> p) { foreach (var x in src) if (p(x)) yield return x; }
    public static IEnumerable<R> Select<T, R>(IEnumerable<T> src, Func<T, R> f) { foreach (var x in src) yield return f(x); }
    public static IEnumerable<T> Take<T>(IEnumerable<T> src, int n) { if (n <= 0) yield break; foreach (var x in src) { yield return x; if (--n == 0) yield break; } }
    public static IEnumerable<T> Skip<T>(IEnumerable<T> src, int n) { foreach (var x in src) { if (n > 0) { n--; continue; } yield return x; } }
    public static IEnumerable<T> TakeWhile<T>(IEnumerable<T> src, Predicate<T> p) { foreach (var x in src) { if (!p(x)) yield break; yield return x; } }
    public static IEnumerable<R> Zip<A, B, R>(IEnumerable<A> a, IEnumerable<B> b, Func<A, B, R> f)
    {
        using (var ea = a.GetEnumerator())
        using (var eb = b.GetEnumerator())
            while (ea.MoveNext() && eb.MoveNext()) yield return f(ea.Current, eb.Current);
    }
    public static IEnumerable<T> Concat<T>(IEnumerable<T> a, IEnumerable<T> b) { foreach (var x in a) yield return x; foreach (var x in b) yield return x; }
    public static IEnumerable<int> Distinct(IEnumerable<int> src)
    {
        var table = new int[64]; var used = new bool[64]; int count = 0;
        foreach (var x in src)
        {
            if (count * 2 >= table.Length)
            {
                var ot = table; var ou = used; table = new int[ot.Length * 2]; used = new bool[ot.Length * 2];
                for (int i = 0; i < ot.Length; i++) if (ou[i]) Insert(table, used, ot[i]);
            }
            if (Insert(table, used, x)) { count++; yield return x; }
        }
    }
    static bool Insert(int[] t, bool[] u, int x)
    {
        int i = (int)((uint)(x * 40503) % (uint)t.Length);
        while (u[i]) { if (t[i] == x) return false; i = (i + 1) % t.Length; }
        u[i] = true; t[i] = x; return true;
    }
    public static IEnumerable<T[]> Batch<T>(IEnumerable<T> src, int size)
    {
        var buf = new T[size]; int n = 0;
        foreach (var x in src) { buf[n++] = x; if (n == size) { yield return buf; buf = new T[size]; n = 0; } }
        if (n > 0) { var last = new T[n]; for (int i = 0; i < n; i++) last[i] = buf[i]; yield return last; }
    }
    public static IEnumerable<T> Each<T>(T[] a) { for (int i = 0; i < a.Length; i++) yield return a[i]; }
    public static TAcc Fold<T, TAcc>(IEnumerable<T> src, TAcc seed, Func<TAcc, T, TAcc> f) { foreach (var x in src) seed = f(seed, x); return seed; }
    public static int Count<T>(IEnumerable<T> src) { int n = 0; foreach (var _ in src) n++; return n; }
    public static string Join<T>(IEnumerable<T> src, string sep) { string s = ""; bool first = true; foreach (var x in src) { s = first ? x.ToString() : s + sep + x.ToString(); first = false; } return s; }
}

static class Program
{
    static IEnumerable<int> Logged(IEnumerable<int> src, string name) { foreach (var x in src) { Console.Write(name + x + " "); yield return x; } }

    static IEnumerable<long> Scan(IEnumerable<int> src) { long acc = 0; foreach (var x in src) { acc += x; yield return acc; } }
    static IEnumerable<R> SelectMany<T, R>(IEnumerable<T> src, Func<T, IEnumerable<R>> f) { foreach (var x in src) foreach (var y in f(x)) yield return y; }
    static IEnumerable<string> RunLengths(IEnumerable<char> src)
    {
        bool any = false; char cur = '\0'; int n = 0;
        foreach (var c in src) { if (any && c == cur) { n++; continue; } if (any) yield return n + "" + cur; cur = c; n = 1; any = true; }
        if (any) yield return n + "" + cur;
    }
    static IEnumerable<char> Chars(string s) { for (int i = 0; i < s.Length; i++) yield return s[i]; }
    static IEnumerable<double> Window(IEnumerable<int> src, int size)
    {
        var ring = new int[size]; int n = 0; long sum = 0;
        foreach (var x in src) { sum += x - ring[n % size]; ring[n % size] = x; n++; if (n >= size) yield return (double)sum / size; }
    }

    static IEnumerable<T> Interleave<T>(IEnumerable<T> a, IEnumerable<T> b)
    {
        var ea = a.GetEnumerator(); var eb = b.GetEnumerator();
        bool ma = ea.MoveNext(), mb = eb.MoveNext();
        while (ma || mb) { if (ma) { yield return ea.Current; ma = ea.MoveNext(); } if (mb) { yield return eb.Current; mb = eb.MoveNext(); } }
    }

    static int Main()
    {
        var evensSquared = Seq.Take(Seq.Select(Seq.Where(Seq.Naturals(), x => x % 2 == 0), x => x * x), 6);
        Console.WriteLine(Seq.Join(evensSquared, ","));
        Console.WriteLine("pulled " + Seq.Pulled);
        Console.WriteLine(Seq.Join(Seq.Take(Logged(Seq.Where(Logged(Seq.Range(1, 20), "r"), x => x % 3 == 0), "w"), 2), "|"));
        var fizz = Seq.Select(Seq.Range(1, 15), i => i % 15 == 0 ? "FizzBuzz" : i % 3 == 0 ? "Fizz" : i % 5 == 0 ? "Buzz" : i.ToString());
        Console.WriteLine(Seq.Join(fizz, " "));
        var primes = Seq.Where(Seq.Range(2, 200), n => { for (int d = 2; d * d <= n; d++) if (n % d == 0) return false; return true; });
        Console.WriteLine("primes " + Seq.Count(primes) + " sum " + Seq.Fold(primes, 0L, (acc, p) => acc + p));
        Console.WriteLine("small primes " + Seq.Join(Seq.TakeWhile(primes, p => p < 30), " "));
        var zipped = Seq.Zip(Seq.Range(1, 5), Seq.Select(Seq.Naturals(), n => (char)('a' + n)), (i, c) => c + "" + i);
        Console.WriteLine(Seq.Join(zipped, " "));
        var mods = Seq.Distinct(Seq.Select(Seq.Range(0, 500), n => n * n % 97));
        Console.WriteLine("distinct squares mod 97: " + Seq.Count(mods));
        foreach (var batch in Seq.Batch(Seq.Skip(Seq.Concat(Seq.Range(1, 7), Seq.Range(100, 4)), 2), 4)) Console.WriteLine("[" + Seq.Join(Seq.Each(batch), " ") + "]");
        int collatzMax = Seq.Fold(Seq.Range(1, 30), 0, (best, n) => { int steps = 0; long v = n; while (v != 1) { v = v % 2 == 0 ? v / 2 : 3 * v + 1; steps++; } return Math.Max(best, steps); });
        Console.WriteLine("collatz max steps " + collatzMax);
        Console.WriteLine("running totals " + Seq.Join(Scan(Seq.Range(1, 10)), " "));
        Console.WriteLine("flattened " + Seq.Join(SelectMany(Seq.Range(1, 4), n => Seq.Range(n * 10, n)), " "));
        Console.WriteLine("runs " + Seq.Join(RunLengths(Chars("aaabccddddde")), " "));
        Console.WriteLine("moving average " + Seq.Join(Window(Seq.Select(Seq.Range(1, 8), x => x * x), 3), " "));
        Console.WriteLine("interleaved " + Seq.Join(Interleave(Seq.Range(1, 3), Seq.Range(100, 6)), " "));
        return Seq.Count(mods) + collatzMax;
    }
}
