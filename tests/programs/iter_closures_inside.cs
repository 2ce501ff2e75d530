// Lambdas created inside iterators capturing iterator locals and parameters, iterators whose
// elements are delegates, yield break from inside try/finally, and iterators over captured state
// that changes between MoveNext calls.
using System;
using System.Collections.Generic;

static class Program
{
    static IEnumerable<Func<int, int>> Multipliers(int count)
    {
        for (int i = 1; i <= count; i++) { int k = i; yield return x => x * k + count; }
    }
    static IEnumerable<string> Guarded(int stopAt)
    {
        try
        {
            for (int i = 0; ; i++)
            {
                if (i == stopAt) { Console.WriteLine("yield break at " + i); yield break; }
                yield return "item" + i;
            }
        }
        finally { Console.WriteLine("guarded finally"); }
    }
    static IEnumerable<int> Watch(int[] box) { for (int i = 0; i < 4; i++) yield return box[0] + i; }

    static int Main()
    {
        int acc = 0;
        foreach (var f in Multipliers(4)) { acc += f(10); Console.Write(f(10) + " "); }
        Console.WriteLine();
        var fs = new Func<int, int>[3]; int n = 0;
        foreach (var f in Multipliers(3)) fs[n++] = f;
        Console.WriteLine(fs[0](1) + " " + fs[1](1) + " " + fs[2](1));
        foreach (var s in Guarded(3)) Console.WriteLine(s);
        var box = new[] { 100 };
        foreach (var x in Watch(box)) { Console.Write(x + " "); box[0] += 10; }
        Console.WriteLine();
        return (acc + box[0]) & 0xFF;
    }
}
