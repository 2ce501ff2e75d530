// IEnumerable<T>/IEnumerator<T> implemented by hand without yield: a range class with a separate
// enumerator class (MoveNext/Current/Dispose, Reset throwing NotSupportedException), foreach over it,
// Dispose called by foreach, and two independent enumerators over the same collection.
using System;
using System.Collections;
using System.Collections.Generic;

class StepRange : IEnumerable<int>
{
    public readonly int From, To, Step; public static int Disposed;
    public StepRange(int f, int t, int s) { From = f; To = t; Step = s; }
    public IEnumerator<int> GetEnumerator() => new Enumerator(this);
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    class Enumerator : IEnumerator<int>
    {
        readonly StepRange r; int cur; bool started;
        public Enumerator(StepRange r) { this.r = r; }
        public int Current => cur;
        object IEnumerator.Current => cur;
        public bool MoveNext()
        {
            if (!started) { started = true; cur = r.From; }
            else cur += r.Step;
            return r.Step > 0 ? cur < r.To : cur > r.To;
        }
        public void Reset() => throw new NotSupportedException("no reset");
        public void Dispose() => Disposed++;
    }
}

static class Program
{
    static int Main()
    {
        int sum = 0;
        foreach (var x in new StepRange(0, 20, 3)) { Console.Write(x + " "); sum += x; }
        Console.WriteLine();
        foreach (var x in new StepRange(10, -5, -4)) { Console.Write(x + " "); sum += x; }
        Console.WriteLine();
        Console.WriteLine("disposed " + StepRange.Disposed);
        var r = new StepRange(1, 6, 1);
        var a = r.GetEnumerator(); var b = r.GetEnumerator();
        a.MoveNext(); a.MoveNext(); b.MoveNext();
        Console.WriteLine(a.Current + " " + b.Current);
        try { a.Reset(); } catch (NotSupportedException e) { Console.WriteLine(e.Message); }
        foreach (var x in new StepRange(0, 100, 10)) { if (x == 30) break; sum += x; }
        Console.WriteLine("disposed " + StepRange.Disposed + " sum " + sum);
        return sum & 0xFF;
    }
}
