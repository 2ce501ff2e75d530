// Delegates whose target is a boxed struct: an interface method bound through a boxed receiver
// (mutations land in that box), ToString of a struct bound before the struct changes (bound to a
// boxed copy), generic interface methods on a boxed struct, and a lambda over a copied field.
using System;

interface IBump { int Bump(); }
interface IMap { T Map<T>(T x); }
struct M : IBump, IMap
{
    public int N;
    public int Bump() => ++N;
    public T Map<T>(T x) { N++; return x; }
    public override string ToString() => "M" + N;
    public Func<int> Later() { int n = N; return () => n * 100; }
}

static class Program
{
    static int Main()
    {
        IBump b = new M { N = 5 };
        Func<int> f = b.Bump;
        int x = f(), y = f();
        Console.WriteLine(x + " " + y + " " + b);
        var m = new M { N = 1 };
        Func<string> ts = m.ToString;
        m.N = 50;
        Console.WriteLine(ts() + " " + m);
        IMap im = m;
        Console.WriteLine(im.Map("s") + " " + im.Map(2.5) + " " + im + " " + m);
        var later = m.Later(); m.N = 7;
        Console.WriteLine(later() + " " + m);
        return x + y + m.N;
    }
}
