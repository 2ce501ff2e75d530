// Deferred execution: an iterator's body does not run until MoveNext, each enumeration re-runs it
// (side effects counted), interleaving of two consumers made visible, and Current after MoveNext
// returned false left untouched by the program.
using System;
using System.Collections.Generic;

static class Program
{
    static int produced;
    static IEnumerable<int> Source(string tag)
    {
        Console.WriteLine(tag + ": body starts");
        for (int i = 1; i <= 3; i++) { produced++; Console.WriteLine(tag + ": yield " + i); yield return i * 10; }
        Console.WriteLine(tag + ": body ends");
    }

    static int Main()
    {
        var seq = Source("A");
        Console.WriteLine("created, produced " + produced);
        int sum = 0;
        foreach (var x in seq) sum += x;
        foreach (var x in seq) sum += x;
        Console.WriteLine("two passes, produced " + produced + " sum " + sum);
        var e1 = Source("L").GetEnumerator(); var e2 = Source("R").GetEnumerator();
        while (true)
        {
            bool m1 = e1.MoveNext(), m2 = e2.MoveNext();
            if (!m1 && !m2) break;
            Console.WriteLine("pair " + (m1 ? e1.Current : -1) + " " + (m2 ? e2.Current : -1));
        }
        Console.WriteLine("produced " + produced);
        return produced + sum % 100;
    }
}
