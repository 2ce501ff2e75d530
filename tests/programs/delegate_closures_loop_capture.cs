// Closures: captures in for loops (one shared variable) versus foreach and per-iteration copies,
// closures sharing and mutating a captured variable, nested lambdas capturing two scopes, and a
// captured ref-like counter object.
using System;

static class Program
{
    static Func<int>[] MakeFor() { var fs = new Func<int>[4]; for (int i = 0; i < 4; i++) fs[i] = () => i * 10; return fs; }
    static Func<int>[] MakeCopy() { var fs = new Func<int>[4]; for (int i = 0; i < 4; i++) { int j = i; fs[i] = () => j * 10; } return fs; }
    static Func<int>[] MakeForeach() { var fs = new Func<int>[4]; int k = 0; foreach (var v in new[] { 5, 6, 7, 8 }) fs[k++] = () => v; return fs; }

    static Func<int> MakeCounter(out Action inc)
    {
        int count = 0;
        inc = () => count++;
        return () => count;
    }

    static int Main()
    {
        int total = 0;
        foreach (var f in MakeFor()) { Console.Write(f() + " "); total += f(); }
        Console.WriteLine();
        foreach (var f in MakeCopy()) { Console.Write(f() + " "); total += f(); }
        Console.WriteLine();
        foreach (var f in MakeForeach()) { Console.Write(f() + " "); total += f(); }
        Console.WriteLine();
        int shared = 1;
        Action dbl = () => shared *= 2;
        Func<int> read = () => shared;
        dbl(); dbl(); shared += 1; dbl();
        Console.WriteLine("shared " + read());
        Func<int, Func<int, int>> outer = a => { int bias = a * 100; return b => bias + a + b; };
        var g = outer(3);
        Console.WriteLine(g(4) + " " + outer(1)(1));
        var acc = new int[1];
        Action<int>[] adders = new Action<int>[3];
        for (int i = 0; i < 3; i++) { int w = i + 1; adders[i] = x => acc[0] += x * w; }
        foreach (var ad in adders) ad(10);
        Console.WriteLine("acc " + acc[0]);
        var get1 = MakeCounter(out Action inc1); var get2 = MakeCounter(out Action inc2);
        inc1(); inc1(); inc2(); inc1();
        Console.WriteLine("counters " + get1() + " " + get2());
        return (total + read() + acc[0]) & 0xFF;
    }
}
