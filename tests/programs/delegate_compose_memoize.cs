// Higher-order functions: composition, currying, partial application, a memoizing wrapper over an own
// hash table (with a recursive memoized function), and delegates stored in fields and arrays.
using System;

class Memo
{
    long[] keys = new long[256]; long[] vals = new long[256]; bool[] used = new bool[256];
    public int Hits, Misses;
    public Func<long, long> Wrap(Func<Func<long, long>, long, long> body)
    {
        Func<long, long> self = null;
        self = n =>
        {
            int i = (int)((ulong)(n * 2654435761L) % 256);
            while (used[i]) { if (keys[i] == n) { Hits++; return vals[i]; } i = (i + 1) % 256; }
            Misses++;
            long v = body(self, n);
            i = (int)((ulong)(n * 2654435761L) % 256);
            while (used[i]) i = (i + 1) % 256;
            used[i] = true; keys[i] = n; vals[i] = v;
            return v;
        };
        return self;
    }
}

static class Program
{
    static Func<A, C> Compose<A, B, C>(Func<A, B> f, Func<B, C> g) => x => g(f(x));
    static Func<A, Func<B, R>> Curry<A, B, R>(Func<A, B, R> f) => a => b => f(a, b);
    static Func<B, R> Partial<A, B, R>(Func<A, B, R> f, A a) => b => f(a, b);

    static int Main()
    {
        Func<int, int> inc = x => x + 1, dbl = x => x * 2;
        Func<int, string> show = x => "<" + x + ">";
        var incThenDbl = Compose(inc, dbl); var dblThenInc = Compose(dbl, inc);
        Console.WriteLine(incThenDbl(5) + " " + dblThenInc(5) + " " + Compose(incThenDbl, show)(1));
        Func<int, int, int> pow = (b, e) => { int r = 1; for (int i = 0; i < e; i++) r *= b; return r; };
        var cp = Curry(pow);
        var twoTo = cp(2); var cube = Partial<int, int, int>((e, b) => pow(b, e), 3);
        Console.WriteLine(twoTo(10) + " " + cube(4) + " " + cp(3)(4));
        var memo = new Memo();
        var fib = memo.Wrap((self, n) => n < 2 ? n : self(n - 1) + self(n - 2));
        Console.WriteLine("fib(90) " + fib(90) + " hits " + memo.Hits + " misses " + memo.Misses);
        var memo2 = new Memo();
        var collatz = memo2.Wrap((self, n) => n == 1 ? 0 : 1 + self(n % 2 == 0 ? n / 2 : 3 * n + 1));
        long best = 0, arg = 0; for (long n = 1; n < 60; n++) { long c = collatz(n); if (c > best) { best = c; arg = n; } }
        Console.WriteLine("collatz best " + arg + " steps " + best + " hits " + memo2.Hits);
        Func<int, int>[] pipeline = { inc, dbl, x => x * x, x => x - 3 };
        Func<int, int> all = x => x; foreach (var f in pipeline) all = Compose(all, f);
        Console.WriteLine("pipeline(2) " + all(2));
        return (int)(best + all(2)) & 0xFF;
    }
}
