// Generic iterators with state: a generic Cycle<T>, a windowed Pairs<T> producing a class, an
// iterator property, IEnumerable<T> implemented by a class with GetEnumerator written as an iterator,
// and re-enumeration starting fresh each time.
using System;
using System.Collections;
using System.Collections.Generic;

class Pair<T> { public T A, B; public override string ToString() => "<" + A + "," + B + ">"; }

class Countdown : IEnumerable<int>
{
    int from; public int Enumerations;
    public Countdown(int f) { from = f; }
    public IEnumerator<int> GetEnumerator() { Enumerations++; for (int i = from; i > 0; i--) yield return i; }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

class Sentence
{
    string text; public Sentence(string t) { text = t; }
    public IEnumerable<string> Words
    {
        get { int st = 0; for (int i = 0; i <= text.Length; i++) if (i == text.Length || text[i] == ' ') { if (i > st) yield return text.Substring(st, i - st); st = i + 1; } }
    }
}

static class Program
{
    static IEnumerable<T> Cycle<T>(T[] items, int count) { for (int i = 0; i < count; i++) yield return items[i % items.Length]; }
    static IEnumerable<Pair<T>> Pairs<T>(IEnumerable<T> src)
    {
        var e = src.GetEnumerator();
        if (!e.MoveNext()) yield break;
        T prev = e.Current;
        while (e.MoveNext()) { yield return new Pair<T> { A = prev, B = e.Current }; prev = e.Current; }
    }

    static int Main()
    {
        foreach (var s in Cycle(new[] { "x", "y", "z" }, 7)) Console.Write(s);
        Console.WriteLine();
        foreach (var p in Pairs(Cycle(new[] { 1, 2, 3 }, 5))) Console.Write(p + " ");
        Console.WriteLine();
        var cd = new Countdown(4);
        int total = 0;
        foreach (var x in cd) total += x;
        foreach (var x in cd) total += x * 100;
        Console.WriteLine("total " + total + " enumerations " + cd.Enumerations);
        var sen = new Sentence("  the  quick brown   fox ");
        int letters = 0;
        foreach (var w in sen.Words) { Console.Write("[" + w + "]"); letters += w.Length; }
        Console.WriteLine();
        foreach (var p in Pairs(sen.Words)) Console.Write(p + " ");
        Console.WriteLine();
        IEnumerable nongeneric = cd;
        int count = 0; foreach (object o in nongeneric) count += (int)o;
        Console.WriteLine("non-generic sum " + count);
        return (total + letters) % 256;
    }
}
