// Multicast delegates: the return value of the last target wins, invocation order, removal of a
// middle target and of a combined delegate, removal of an absent target, null after removing all,
// and exceptions stopping the invocation list.
using System;

class Counter { public int N; public string Name; public int Bump(int k) { N += k; Console.WriteLine(Name + " bumped to " + N); return N; } }

static class Program
{
    static int Double(int x) { Console.WriteLine("double " + x); return x * 2; }
    static int Square(int x) { Console.WriteLine("square " + x); return x * x; }
    static int Fail(int x) { Console.WriteLine("fail " + x); throw new InvalidOperationException("fail at " + x); }

    static int Main()
    {
        Func<int, int> f = Double;
        f += Square;
        var c = new Counter { Name = "c" };
        f += c.Bump;
        Console.WriteLine("result " + f(5));
        f -= Square;
        Console.WriteLine("result " + f(3));
        Func<int, int> pair = Double; pair += Square;
        Func<int, int> g = pair; g += c.Bump; g += pair;
        Console.WriteLine("result " + g(2));
        g -= pair;
        Console.WriteLine("result " + g(1));
        g -= Fail;
        Console.WriteLine("result " + g(1));
        Func<int, int> h = Fail; h += Square;
        try { h(4); } catch (InvalidOperationException e) { Console.WriteLine("caught " + e.Message); }
        Func<int, int> empty = Double; empty -= Double;
        Console.WriteLine("empty is null " + (empty == null));
        Action a = null;
        a += () => Console.WriteLine("first");
        a += () => Console.WriteLine("second");
        a();
        return c.N;
    }
}
