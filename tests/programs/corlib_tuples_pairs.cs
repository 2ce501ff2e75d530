// ValueTuple (construction, deconstruction, equality, ordering, ToString, as dictionary keys and
// sort keys) and KeyValuePair (ToString, Deconstruct, Create).
using System;
using System.Collections.Generic;

static class Program
{
    static (int Min, int Max, double Mean) Stats(List<int> values)
    {
        int min = int.MaxValue, max = int.MinValue;
        long sum = 0;
        foreach (int v in values) { min = Math.Min(min, v); max = Math.Max(max, v); sum += v; }
        return (min, max, (double)sum / values.Count);
    }

    static int Main()
    {
        var t = (1, "two", 3.5);
        Console.WriteLine(t + " " + t.Item2 + " " + (t.Item1 + t.Item3));
        var (lo, hi, mean) = Stats(new List<int> { 4, 8, 15, 16, 23, 42 });
        Console.WriteLine(lo + " " + hi + " " + mean);
        Console.WriteLine((1, 2).Equals((1, 2)) + " " + (1, 2).Equals((2, 1)) + " " + ((1, "a") == (1, "a")) + " " + ((object)(3, 4)).Equals((3, 4)) + " " + (("x", (string)null) + "|"));
        Console.WriteLine((1, 2).CompareTo((1, 3)) + " " + (2, 0).CompareTo((1, 9)) + " " + ("b", 1).CompareTo(("a", 5)) + " " + (1, 2, 3, 4));
        var grid = new Dictionary<(int, int), string>();
        for (int x = 0; x < 4; x++) for (int y = 0; y < 4; y++) grid[(x, y)] = $"{x}{y}";
        Console.WriteLine(grid.Count + " " + grid[(2, 3)] + " " + grid.ContainsKey((4, 0)));
        var people = new List<(string Name, int Age)> { ("cy", 40), ("al", 30), ("bo", 30), ("di", 25) };
        people.Sort((a, b) => a.Age != b.Age ? a.Age.CompareTo(b.Age) : string.CompareOrdinal(a.Name, b.Name));
        foreach (var (name, age) in people) Console.Write(name + age + " ");
        Console.WriteLine();
        people.Sort();
        Console.WriteLine(string.Join(" ", people));
        var kv = KeyValuePair.Create("k", (1, 2));
        var (key, value) = kv;
        Console.WriteLine(kv + " " + key + " " + value.Item2 + " " + new KeyValuePair<int, string>(5, null) + " " + default(KeyValuePair<string, int>));
        var swap = (a: 1, b: 2);
        swap = (swap.b, swap.a);
        Console.WriteLine(swap.a + " " + swap.b + " " + ValueTuple.Create(9, 'z'));
        return people.Count + hi;
    }
}
