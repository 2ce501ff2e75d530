using System;

// Delegates over static and instance methods, lambdas, closures that capture and mutate locals,
// delegates stored in fields and arrays, and higher-order functions.
class Counter
{
    private int count;
    public int Next() => ++count;
    public Func<int> Getter() => () => count;
}

static class Program
{
    static int Twice(Func<int, int> f, int x) => f(f(x));
    static int Square(int x) => x * x;

    static Func<int, int> MakeAdder(int n) => x => x + n;

    static int Main()
    {
        Func<int, int> sq = Square;
        Console.WriteLine(Twice(sq, 3));
        Console.WriteLine(Twice(x => x + 10, 1));
        var add5 = MakeAdder(5);
        Console.WriteLine(add5(37));

        int total = 0;
        Action<int> accumulate = v => total += v;
        for (int i = 0; i < 10; i++) accumulate(i);
        Console.WriteLine(total);

        var c = new Counter();
        Func<int> next = c.Next;
        next(); next(); next();
        Console.WriteLine(c.Getter()());

        var ops = new Func<int, int, int>[] { (a, b) => a + b, (a, b) => a - b, (a, b) => a * b, Math.Max };
        int acc = 1;
        foreach (var op in ops) { acc = op(acc, 7); Console.WriteLine(acc); }

        Func<int, Func<int, int>> curry = a => b => a * 10 + b;
        Console.WriteLine(curry(4)(2));

        Predicate<string> isLong = s => s.Length > 3;
        Console.WriteLine(isLong("abc") + " " + isLong("abcd"));
        Comparison<int> cmp = (x, y) => y - x;
        Console.WriteLine(cmp(1, 2));
        return acc & 0xFF;
    }
}
