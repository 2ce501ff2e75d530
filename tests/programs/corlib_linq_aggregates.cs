// LINQ aggregates and failure paths: Sum/Average/Min/Max over int, long, float, double, decimal and
// nullable forms (with selectors), NaN rules of double Min/Max, generic Min/Max (IComparable,
// comparer, null skipping), MinBy/MaxBy, Aggregate (3 overloads), Count/LongCount/Any/All/Contains,
// element operators with default values; caught exceptions with their messages: empty sequences,
// no/more than one match, checked overflow, ElementAt out of range, null arguments, duplicate keys.
using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;

struct Money : IComparable<Money>
{
    public decimal Amount;
    public Money(decimal amount) { Amount = amount; }
    public int CompareTo(Money other) => Amount.CompareTo(other.Amount);
    public override string ToString() => Amount.ToString("F2");
}

// A collection that reports how it is used: Count() and Contains() ask it rather than enumerate.
sealed class Tracked : ICollection<int>
{
    private readonly List<int> _items = new List<int> { 4, 8, 15, 16, 23, 42 };
    public int Count { get { Console.Write("[Count] "); return _items.Count; } }
    public bool IsReadOnly => true;
    public void Add(int item) => throw new NotSupportedException();
    public void Clear() => throw new NotSupportedException();
    public bool Contains(int item) { Console.Write("[Contains] "); return _items.Contains(item); }
    public void CopyTo(int[] array, int arrayIndex) { Console.Write("[CopyTo] "); _items.CopyTo(array, arrayIndex); }
    public bool Remove(int item) => throw new NotSupportedException();
    public IEnumerator<int> GetEnumerator() { Console.Write("[Enum] "); return _items.GetEnumerator(); }
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

static class Program
{
    static void T(string name, Func<object> f)
    {
        Console.Write(name + ": ");
        try { Console.WriteLine(f()); }
        catch (Exception e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
    }

    static IEnumerable<int> None() { yield break; }

    static int Main()
    {
        int[] ints = { 3, -7, 12, 0, 5 };
        long[] longs = { 10000000000, -3, 7 };
        float[] floats = { 1.5f, 2.25f, -0.125f, 16777216f, 1f };
        double[] doubles = { 0.1, 0.2, 0.3, -4.5 };
        decimal[] decimals = { 1.10m, 2.205m, -0.5m, 100m };
        int?[] nints = { 4, null, -2, null, 9 };
        double?[] ndoubles = { null, 2.5, null, -1.25 };
        decimal?[] ndecimals = { null, 1.5m, 2.25m };

        Console.WriteLine(ints.Sum() + " " + longs.Sum() + " " + floats.Sum() + " " + doubles.Sum() + " " + decimals.Sum());
        Console.WriteLine(nints.Sum() + " " + ndoubles.Sum() + " " + ndecimals.Sum() + " " + new int?[0].Sum() + " " + new long?[] { null, 5 }.Sum() + " " + new float?[] { 0.5f, null }.Sum());
        Console.WriteLine(ints.Average() + " " + longs.Average() + " " + floats.Average() + " " + doubles.Average() + " " + decimals.Average());
        Console.WriteLine(nints.Average() + " " + ndoubles.Average() + " " + ndecimals.Average() + " [" + new int?[] { null }.Average() + "] " + new float?[] { 1f, 2f }.Average());
        Console.WriteLine(ints.Min() + " " + ints.Max() + " " + longs.Min() + " " + longs.Max() + " " + floats.Min() + " " + floats.Max());
        Console.WriteLine(doubles.Min() + " " + doubles.Max() + " " + decimals.Min() + " " + decimals.Max());
        Console.WriteLine(nints.Min() + " " + nints.Max() + " " + ndoubles.Min() + " " + ndoubles.Max() + " [" + new int?[] { null, null }.Max() + "]");
        double[] withNaN = { 3, double.NaN, -1 };
        Console.WriteLine(withNaN.Min() + " " + withNaN.Max() + " " + new[] { double.NaN, double.NaN }.Max() + " " + new[] { double.NaN, 2.0 }.Max() + " " + new double?[] { null, double.NaN, 1 }.Max() + " " + new double?[] { 1, double.NaN }.Min());
        Console.WriteLine(new[] { 0.0, -0.0 }.Max() + " " + new[] { -0.0, 0.0 }.Max() + " " + new[] { 0.0, -0.0 }.Min());

        string[] words = { "kiwi", "fig", "banana", "apple", "cherry", "date" };
        Console.WriteLine(words.Min() + " " + words.Max() + " " + new string[] { null, "b", null, "a" }.Min() + " [" + new string[0].Max() + "] [" + new string[] { null }.Min() + "]");
        Console.WriteLine(words.Sum(w => w.Length) + " " + words.Average(w => w.Length) + " " + words.Min(w => w.Length) + " " + words.Max(w => w.Length) + " " + words.Max(w => w[1]));
        Console.WriteLine(words.Sum(w => (long)w.Length) + " " + words.Sum(w => w.Length / 4.0) + " " + words.Sum(w => (decimal)w.Length / 8) + " " + words.Average(w => (float)w.Length) + " " + words.Sum(w => w.Length > 4 ? (int?)w.Length : null));
        Console.WriteLine(words.MinBy(w => w.Length) + " " + words.MaxBy(w => w.Length) + " " + words.MaxBy(w => w[w.Length - 1]) + " " + words.MinBy(w => w, StringComparer.Ordinal));
        var money = new[] { new Money(5.5m), new Money(0.25m), new Money(12m) };
        Console.WriteLine(money.Min() + " " + money.Max() + " " + money.Max(m => m.Amount) + " " + money.Min(m => m.Amount * 2));
        Console.WriteLine(words.Max(Comparer<string>.Create((x, y) => x.Length - y.Length)) + " " + words.Min(w => w.ToUpperInvariant()));

        Console.WriteLine(ints.Aggregate((acc, x) => acc * 2 + x) + " " + words.Aggregate(0, (n, w) => n + w.Length) + " " + words.Aggregate("", (s, w) => s + w[0], s => s.ToUpperInvariant()));
        Console.WriteLine(ints.Count() + " " + ints.Count(x => x > 0) + " " + ints.LongCount() + " " + ints.LongCount(x => x < 0) + " " + ints.Any() + " " + ints.Any(x => x > 100) + " " + ints.All(x => x > -10) + " " + ints.Contains(12) + " " + words.Contains("FIG") + " " + words.Contains("FIG", StringComparer.OrdinalIgnoreCase));
        Console.WriteLine(ints.First() + " " + ints.Last() + " " + ints.First(x => x > 4) + " " + ints.Last(x => x > 4) + " " + ints.FirstOrDefault(x => x > 100) + " " + ints.LastOrDefault(x => x > 100, -1) + " " + None().FirstOrDefault() + " " + None().FirstOrDefault(77) + " " + None().LastOrDefault(-9));
        Console.WriteLine(ints.Single(x => x == 0) + " " + ints.SingleOrDefault(x => x > 100) + " " + new[] { 42 }.Single() + " " + None().SingleOrDefault(5) + " " + ints.ElementAt(2) + " " + ints.ElementAtOrDefault(20) + " " + words.ElementAtOrDefault(-1) + "|" + None().ElementAtOrDefault(3));
        bool ok = ints.TryGetNonEnumeratedCount(out int known);
        bool ok2 = None().TryGetNonEnumeratedCount(out int unknown);
        Console.WriteLine(ok + " " + known + " " + ok2 + " " + unknown);

        var tracked = new Tracked();
        Console.WriteLine(tracked.Count());
        Console.WriteLine(tracked.Contains(15));
        Console.WriteLine(tracked.Any());
        Console.WriteLine(tracked.ToList().Count);
        Console.WriteLine(tracked.ToArray().Length);
        Console.WriteLine(tracked.Sum());
        Console.WriteLine(tracked.First());

        T("First empty", () => None().First());
        T("First no match", () => ints.First(x => x > 100));
        T("Last empty", () => new List<string>().Last());
        T("Last no match", () => ints.Last(x => x > 100));
        T("Single empty", () => None().Single());
        T("Single many", () => ints.Single());
        T("Single many (list)", () => ints.ToList().Single());
        T("Single no match", () => ints.Single(x => x > 100));
        T("Single many match", () => ints.Single(x => x > 0));
        T("SingleOrDefault many", () => ints.Select(x => x).SingleOrDefault());
        T("ElementAt seq", () => None().ElementAt(0));
        T("ElementAt list", () => new List<int> { 1 }.ElementAt(3));
        T("ElementAt array", () => ints.ElementAt(-1));
        T("ElementAt select", () => ints.Select(x => x).ElementAt(9));
        T("Min empty", () => None().Min());
        T("Max empty double", () => new double[0].Max());
        T("Min empty decimal", () => new List<decimal>().Min());
        T("Average empty", () => None().Average());
        T("Average empty selector", () => words.Where(w => w.Length > 10).Average(w => (double)w.Length));
        T("Aggregate empty", () => None().Aggregate((a, b) => a + b));
        T("MinBy empty struct", () => None().MinBy(x => x));
        T("MaxBy empty ref", () => new string[0].MaxBy(s => s.Length) ?? "null");
        T("Money min empty", () => new Money[0].Min());
        T("Sum overflow int", () => new[] { int.MaxValue, 1 }.Sum());
        T("Sum overflow long", () => new[] { long.MinValue, -1 }.Sum());
        T("Sum overflow selector", () => words.Sum(w => int.MaxValue / 3));
        T("Average overflow long", () => new[] { long.MaxValue, long.MaxValue }.Average());
        T("Sum decimal overflow", () => new[] { decimal.MaxValue, 1m }.Sum());
        T("Range bad", () => Enumerable.Range(int.MaxValue, 2));
        T("Repeat bad", () => Enumerable.Repeat('x', -1));
        T("Chunk bad", () => ints.Chunk(0));
        T("Take negative", () => ints.Take(-5).Count());
        T("Skip negative", () => ints.Skip(-5).Count());
        T("ToDictionary duplicate", () => words.ToDictionary(w => w.Length));
        T("ToDictionary null key", () => new string[] { "a", null }.ToDictionary(s => s));
        T("null source", () => ((IEnumerable<int>)null).Select(x => x));
        T("null predicate", () => ints.Where((Func<int, bool>)null));
        T("null selector", () => ints.Select((Func<int, int>)null));
        T("null keySelector", () => ints.OrderBy((Func<int, int>)null));
        T("null second", () => ints.Concat(null));
        T("null func", () => ints.Aggregate(0, (Func<int, int, int>)null));
        T("null inner", () => ints.Join((int[])null, x => x, y => y, (x, y) => x));
        T("Cast bad", () => new object[] { 1, "two" }.Cast<int>().Sum());
        T("deferred error", () => { var q = ints.Select(x => 10 / x); Console.Write("built "); return q.Sum(); });
        return ints.Sum() & 0xFF;
    }
}
