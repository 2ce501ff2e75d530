// Iterators and exceptions: an exception thrown inside an iterator runs its finally blocks before
// the caller's catch; breaking out of nested foreach loops disposes both iterators innermost first;
// manual Dispose before completion; an exception thrown by the consumer's loop body.
using System;
using System.Collections.Generic;

static class Program
{
    static IEnumerable<int> Numbers(string name, int n, int failAt)
    {
        Console.WriteLine(name + " start");
        try
        {
            for (int i = 1; i <= n; i++)
            {
                if (i == failAt) throw new InvalidOperationException(name + " failed at " + i);
                yield return i;
            }
        }
        finally { Console.WriteLine(name + " finally"); }
        Console.WriteLine(name + " end");
    }

    static int Main()
    {
        int sum = 0;
        try { foreach (var x in Numbers("a", 5, 3)) { Console.WriteLine("a got " + x); sum += x; } }
        catch (InvalidOperationException e) { Console.WriteLine("caught: " + e.Message); }
        foreach (var x in Numbers("b", 3, 0)) sum += x * 10;
        foreach (var x in Numbers("outer", 3, 0))
        {
            foreach (var y in Numbers("inner", 3, 0)) { if (y == 2) break; sum += x * y; }
            if (x == 2) break;
        }
        var e1 = Numbers("manual", 5, 0).GetEnumerator();
        e1.MoveNext(); e1.MoveNext();
        Console.WriteLine("manual current " + e1.Current);
        e1.Dispose();
        Console.WriteLine("manual after dispose moves: " + e1.MoveNext());
        try { foreach (var x in Numbers("body", 5, 0)) if (x == 2) throw new ArgumentException("consumer gave up at " + x); }
        catch (ArgumentException e) { Console.WriteLine("caught: " + e.Message); }
        Console.WriteLine("sum " + sum);
        return sum;
    }
}
