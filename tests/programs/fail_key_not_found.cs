// An own string-keyed map that throws KeyNotFoundException for a missing key: some lookups succeed
// or are handled with TryGet, then an unguarded lookup of a missing key escapes Main.
using System;
using System.Collections.Generic;
class Map
{
    string[] keys = new string[8]; int[] vals = new int[8]; int n;
    public void Set(string k, int v) { for (int i = 0; i < n; i++) if (keys[i] == k) { vals[i] = v; return; } keys[n] = k; vals[n++] = v; }
    public bool TryGet(string k, out int v) { for (int i = 0; i < n; i++) if (keys[i] == k) { v = vals[i]; return true; } v = 0; return false; }
    public int this[string k] { get { if (TryGet(k, out int v)) return v; throw new KeyNotFoundException("The given key '" + k + "' was not present in the map."); } }
}
static class Program
{
    static int Main()
    {
        var m = new Map();
        m.Set("one", 1); m.Set("two", 2); m.Set("three", 3); m.Set("two", 22);
        Console.WriteLine(m["one"] + m["two"] + m["three"]);
        Console.WriteLine(m.TryGet("four", out int f) + " " + f);
        try { Console.WriteLine(m["five"]); } catch (KeyNotFoundException e) { Console.WriteLine("handled: " + e.Message); }
        string[] wanted = { "three", "one", "six", "two" };
        int total = 0;
        foreach (var k in wanted) { total += m[k]; Console.WriteLine(k + " -> " + total); }
        return total;
    }
}
