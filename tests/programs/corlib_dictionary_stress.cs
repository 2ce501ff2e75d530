// Dictionary and HashSet under churn: thousands of inserts, removals and re-inserts with int and
// string keys; enumeration order (free-list reuse) is checked through checksums against CoreCLR.
using System;
using System.Collections.Generic;

static class Program
{
    static int Main()
    {
        var d = new Dictionary<int, int>();
        uint state = 1;
        long order = 0;
        for (int round = 0; round < 20000; round++)
        {
            state = state * 1103515245 + 12345;
            int key = (int)((state >> 8) % 3000);
            if ((state & 0x300) == 0) d.Remove(key);
            else if (!d.TryAdd(key, round)) d[key] += 1;
        }
        foreach (var pair in d) order = order * 1000003 + pair.Key * 31 + pair.Value;
        Console.WriteLine(d.Count + " " + order);
        var names = new Dictionary<string, List<int>>();
        for (int i = 0; i < 2000; i++)
        {
            string name = "n" + (i * 7919 % 541);
            if (!names.TryGetValue(name, out var list)) names.Add(name, list = new List<int>());
            list.Add(i);
            if (i % 5 == 0) names.Remove("n" + (i % 97));
        }
        long h = 0;
        foreach (var pair in names) { h = h * 31 + pair.Key.Length; foreach (int v in pair.Value) h = h * 7 + v; }
        Console.WriteLine(names.Count + " " + h);
        string firstKeys = "";
        int shown = 0;
        foreach (string k in names.Keys) { if (shown++ < 10) firstKeys += k + " "; }
        Console.WriteLine(firstKeys);
        var set = new HashSet<long>();
        for (long i = 0; i < 5000; i++) set.Add(i * i % 4099);
        for (long i = 0; i < 2000; i += 3) set.Remove(i);
        for (long i = 9000; i < 9050; i++) set.Add(i);
        long sh = 0;
        foreach (long v in set) sh = sh * 131 + v;
        Console.WriteLine(set.Count + " " + sh);
        Console.WriteLine(d.EnsureCapacity(10) >= d.Count);
        d.Clear();
        d[5] = 5;
        foreach (var p in d) Console.WriteLine(p);
        return (int)((ulong)order % 256);
    }
}
