// Dictionary<TKey,TValue>: Add, indexer get/set, TryGetValue, ContainsKey, Remove, Count, Keys,
// Values, enumeration order (insertion order, then freed slots reused), KeyValuePair.ToString, and
// the failures with .NET's messages.
using System;
using System.Collections.Generic;

static class Program
{
    static void Show<TKey, TValue>(Dictionary<TKey, TValue> d)
    {
        Console.Write(d.Count + ":");
        foreach (KeyValuePair<TKey, TValue> pair in d) Console.Write(" " + pair);
        Console.WriteLine();
    }

    static int Main()
    {
        var ages = new Dictionary<string, int>();
        ages.Add("ann", 31);
        ages.Add("bob", 25);
        ages["cy"] = 40;
        ages["bob"] = 26;
        Show(ages);
        Console.WriteLine(ages["ann"] + " " + ages.ContainsKey("cy") + " " + ages.ContainsKey("dee") + " " + ages.ContainsValue(26));
        Console.WriteLine(ages.TryGetValue("cy", out int cy) + " " + cy + " " + ages.TryGetValue("zed", out int zed) + " " + zed);
        Console.WriteLine(ages.Remove("ann") + " " + ages.Remove("ann"));
        ages.Add("dee", 19);
        ages.Add("eve", 55);
        Show(ages);
        ages.Remove("cy");
        ages.Remove("dee");
        ages["fay"] = 1;
        ages["gus"] = 2;
        ages["hal"] = 3;
        Show(ages);
        Console.WriteLine(ages.Remove("gus", out int gus) + " " + gus + " " + ages.TryAdd("hal", 9) + " " + ages.TryAdd("ida", 9));
        foreach (string k in ages.Keys) Console.Write(k + ",");
        Console.WriteLine();
        int total = 0;
        foreach (int v in ages.Values) total += v;
        Console.WriteLine(total + " " + ages.Keys.Count + " " + ages.Values.Count);
        foreach (var (name, age) in ages) Console.Write(name + "=" + age + " ");
        Console.WriteLine();

        var squares = new Dictionary<int, long>();
        for (int i = 0; i < 1000; i++) squares[i * 7919 % 1009] = (long)i * i;
        long sum = 0;
        foreach (var pair in squares) sum = sum * 31 + pair.Key + pair.Value;
        Console.WriteLine(squares.Count + " " + sum + " " + squares[1008]);
        for (int i = 0; i < 1009; i += 2) squares.Remove(i);
        Console.WriteLine(squares.Count + " " + squares.ContainsKey(2) + " " + squares.ContainsKey(3));
        for (int i = 5000; i < 5010; i++) squares.Add(i, -i);
        int n = 0;
        foreach (var pair in squares) { if (n++ < 6) Console.Write(pair.Key + " "); }
        Console.WriteLine();
        squares.Clear();
        Show(squares);

        var pairs = new Dictionary<char, string> { ['x'] = "ex", ['y'] = null };
        Show(pairs);
        Console.WriteLine(new KeyValuePair<string, int>("k", 5).ToString() + " " + KeyValuePair.Create(1.5, true));
        var copy = new Dictionary<char, string>(pairs);
        copy['z'] = "zed";
        Console.WriteLine(copy.Count + " " + pairs.Count + " " + copy.GetValueOrDefault('q') + "|" + copy.GetValueOrDefault('z'));
        IReadOnlyDictionary<char, string> ro = copy;
        Console.WriteLine(ro.GetValueOrDefault('q', "none") + " " + ro['x']);

        try { ages.Add("eve", 1); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { Console.WriteLine(ages["nobody"]); } catch (KeyNotFoundException e) { Console.WriteLine(e.Message); }
        try { Console.WriteLine(squares[42]); } catch (KeyNotFoundException e) { Console.WriteLine(e.Message); }
        try { ages[null] = 1; } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        try { ages.ContainsKey(null); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        try { foreach (var p in ages) ages["new" + p.Key] = 0; } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        foreach (var p in ages) if (p.Value > 50) ages.Remove(p.Key);
        foreach (var p in ages) ages[p.Key] = p.Value + 100;
        Show(ages);
        try { new Dictionary<int, int>(-1); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        var ci = new Dictionary<string, int>(EqualityComparer<string>.Create((a, b) => a.ToUpperInvariant() == b.ToUpperInvariant(), s => s.ToUpperInvariant().GetHashCode()));
        ci["Hello"] = 1;
        ci["HELLO"] = 2;
        Show(ci);
        return (int)(sum & 0xFF);
    }
}
