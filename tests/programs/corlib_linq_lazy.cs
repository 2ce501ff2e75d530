// LINQ to Objects, deferred execution: Where/Select/SelectMany (with indices), Take/Skip/TakeLast/
// SkipLast/TakeWhile/SkipWhile, Chunk, Concat/Append/Prepend, Reverse, DefaultIfEmpty, Cast/OfType
// over lists, arrays, Range/Repeat and a yield-based source, with side effects that show when each
// element is pulled and each selector runs (First/Last/ElementAt/Count/Any shortcuts included).
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

static class Program
{
    static int F(int x) { Console.Write("f" + x + " "); return x; }
    static bool Odd(int x) { Console.Write("w" + x + " "); return x % 2 == 1; }

    static IEnumerable<int> Gen(int n)
    {
        for (int i = 1; i <= n; i++) { Console.Write("g" + i + " "); yield return i; }
        Console.Write("end ");
    }

    // A non-generic sequence, for Cast.
    sealed class Boxes : IEnumerable
    {
        public IEnumerator GetEnumerator() { yield return 1; yield return 2; yield return 3; }
    }

    static void Show<T>(string name, IEnumerable<T> seq) { Console.Write(name + ": "); Console.WriteLine("[" + string.Join(",", seq) + "]"); }

    static void T(string name, Func<object> f)
    {
        Console.Write(name + ": ");
        try { Console.WriteLine("=> " + f()); }
        catch (Exception e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
    }

    static int Main()
    {
        var list = new List<int> { 1, 2, 3, 4 };
        int[] arr = { 5, 6, 7, 8, 9 };

        // Nothing runs until enumeration; then pulls interleave.
        var q = Gen(5).Where(Odd).Select(F);
        Console.WriteLine("built");
        foreach (int x in q) Console.Write("<" + x + "> ");
        Console.WriteLine();
        Show("take2", Gen(5).Take(2));
        Show("skip3", Gen(5).Skip(3));
        Show("takewhile", Gen(5).TakeWhile(x => x < 3));
        Show("skipwhile", Gen(5).SkipWhile(x => x < 3));
        Show("takelast", Gen(4).TakeLast(2));
        Show("skiplast", Gen(4).SkipLast(2));
        Show("where-index", arr.Where((x, i) => i % 2 == 0));
        Show("select-index", arr.Select((x, i) => x * 10 + i));
        Show("takewhile-index", arr.TakeWhile((x, i) => i < 2));
        Show("skipwhile-index", arr.SkipWhile((x, i) => x + i < 9));
        Show("selectmany", list.SelectMany(x => Enumerable.Repeat(x, x % 3)));
        Show("selectmany-index", list.SelectMany((x, i) => new[] { x, i }));
        Show("selectmany-result", list.SelectMany(x => new[] { "a", "b" }, (x, s) => s + x));
        Show("concat", list.Concat(arr).Append(0).Prepend(-1));
        Show("reverse", arr.Reverse());
        Show("range", Enumerable.Range(-2, 5));
        Show("repeat", Enumerable.Repeat("ab", 3));
        Show("empty", Enumerable.Empty<int>());
        Show("defaultifempty", Gen(0).DefaultIfEmpty());
        Show("defaultifempty2", Gen(2).DefaultIfEmpty(9));
        foreach (int[] chunk in Gen(7).Chunk(3)) Console.Write("{" + string.Join(",", chunk) + "} ");
        Console.WriteLine();
        object[] mixed = { 1, "two", 3, 4.5, "six" };
        Show("oftype", mixed.OfType<string>());
        Show("cast", new Boxes().Cast<int>().Select(x => x * x));

        // Which elements the selector runs for.
        T("list.Select.First", () => list.Select(F).First());
        T("list.Select.Last", () => list.Select(F).Last());
        T("list.Select.ElementAt", () => list.Select(F).ElementAt(2));
        T("list.Select.Count", () => list.Select(F).Count());
        T("list.Select.Any", () => list.Select(F).Any());
        T("list.Select.Skip.First", () => list.Select(F).Skip(1).First());
        T("list.Select.Take.Last", () => list.Select(F).Take(2).Last());
        T("list.Select.Select.Last", () => list.Select(F).Select(F).Last());
        T("list.Where.Select.Last", () => list.Where(Odd).Select(F).Last());
        T("list.Last(pred)", () => list.Last(Odd));
        T("gen.Last(pred)", () => Gen(4).Last(Odd));
        T("gen.Select.Last", () => Gen(4).Select(F).Last());
        T("gen.Select.ElementAt", () => Gen(4).Select(F).ElementAt(1));
        T("range.Select.Last", () => Enumerable.Range(1, 4).Select(F).Last());
        T("range.Select.Skip.First", () => Enumerable.Range(1, 4).Select(F).Skip(2).First());
        T("range.Where.Last", () => Enumerable.Range(1, 4).Where(Odd).Last());
        T("list.Select.Reverse.First", () => list.Select(F).Reverse().First());
        T("list.Select.Concat.Count", () => list.Select(F).Concat(arr).Count());
        T("list.Append.Select.Last", () => list.Append(5).Select(F).Last());
        T("list.Select.TakeLast.First", () => list.Select(F).TakeLast(2).First());
        T("list.Select.SkipLast.Count", () => list.Select(F).SkipLast(1).Count());
        T("gen.Take.Count", () => Gen(9).Take(2).Count());
        T("gen.Zip", () => string.Join(";", Gen(3).Zip(Gen(2))));
        T("list.Select.Contains", () => list.Select(F).Contains(2));
        T("gen.Any", () => Gen(3).Any());
        T("gen.All", () => Gen(3).All(x => x < 2));

        // Re-enumerating runs everything again; the list is read when enumerated, not when queried.
        int calls = 0;
        var counted = list.Select(x => { calls++; return x * 2; });
        list.Add(5);
        int total = counted.Sum() + counted.Sum();
        Console.WriteLine(total + " " + calls);
        return total & 0xFF;
    }
}
