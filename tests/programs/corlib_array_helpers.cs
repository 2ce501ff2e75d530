// Array: Copy (overlapping, reference and value elements), Clear, Fill, IndexOf/LastIndexOf,
// Reverse, Resize, Empty, Sort (default, comparison, range, strings), BinarySearch, Find*,
// ConvertAll, and their argument failures.
using System;
using System.Collections.Generic;

struct Pair { public int A; public long B; }

static class Program
{
    static string S<T>(T[] a) => "[" + string.Join(",", a) + "]";

    static int Main()
    {
        int[] a = { 1, 2, 3, 4, 5, 6, 7, 8 };
        Array.Copy(a, 0, a, 2, 5);
        Console.WriteLine(S(a));
        Array.Copy(a, 3, a, 1, 4);
        Console.WriteLine(S(a));
        var b = new int[4];
        Array.Copy(a, b, 3);
        Console.WriteLine(S(b));
        string[] words = { "x", "y", "z" };
        object[] objs = new object[5];
        Array.Copy(words, 0, objs, 1, 3);
        Console.WriteLine(objs[1] + "" + objs[3] + (objs[0] == null));
        var pairs = new Pair[3];
        pairs[0] = new Pair { A = 1, B = 10 };
        pairs[2] = new Pair { A = 3, B = 30 };
        Array.Copy(pairs, 0, pairs, 1, 2);
        Console.WriteLine(pairs[1].A + " " + pairs[1].B + " " + pairs[2].A + " " + pairs[2].B);
        Array.Clear(a, 2, 3);
        Console.WriteLine(S(a));
        Array.Fill(b, 9);
        Array.Fill(a, -1, 5, 2);
        Console.WriteLine(S(b) + S(a));
        Array.Clear(b);
        Console.WriteLine(S(b) + " " + Array.IndexOf(a, -1) + " " + Array.LastIndexOf(a, -1) + " " + Array.IndexOf(a, 42) + " " + Array.IndexOf(a, -1, 6) + " " + Array.IndexOf(words, "z") + " " + Array.IndexOf(words, null));
        Array.Reverse(a);
        Array.Reverse(words, 0, 2);
        Console.WriteLine(S(a) + S(words));
        Array.Resize(ref a, 3);
        Console.WriteLine(S(a));
        Array.Resize(ref a, 5);
        Console.WriteLine(S(a));
        int[] none = null;
        Array.Resize(ref none, 2);
        Console.WriteLine(none.Length + " " + Array.Empty<string>().Length + " " + ReferenceEquals(Array.Empty<int>(), Array.Empty<int>()));
        var r = new Random1(7);
        int[] big = new int[300];
        for (int i = 0; i < big.Length; i++) big[i] = r.Next() % 100;
        Array.Sort(big);
        long h = 0;
        foreach (int x in big) h = h * 17 + x;
        Console.WriteLine(big[0] + " " + big[299] + " " + h + " " + Array.BinarySearch(big, 50) / 1000 + " " + Array.BinarySearch(big, 1000));
        string[] names = { "delta", "alpha", "charlie", "bravo", "echo" };
        Array.Sort(names);
        Console.WriteLine(S(names) + " " + Array.BinarySearch(names, "charlie") + " " + Array.BinarySearch(names, "cat"));
        Array.Sort(names, (x, y) => y.Length != x.Length ? y.Length - x.Length : string.CompareOrdinal(x, y));
        Console.WriteLine(S(names));
        Console.WriteLine(Array.Find(names, n => n.StartsWith("b")) + " " + Array.FindIndex(names, n => n.Length == 4) + " " + Array.Exists(names, n => n == "x") + " " + Array.TrueForAll(names, n => n.Length > 3));
        Console.WriteLine(S(Array.ConvertAll(names, n => n.Length)));
        try { Array.Copy(a, 0, b, 2, 3); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { Array.Copy(a, 4, b, 0, 2); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { Array.Copy(a, -1, b, 0, 2); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { Array.Copy(a, 0, b, 0, -2); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { Array.Copy(a, names, 1); } catch (ArrayTypeMismatchException e) { Console.WriteLine(e.Message); }
        try { Array.Copy(null, b, 1); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        try { Array.Fill(a, 0, 2, 9); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { Array.Reverse(a, 3, 5); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { Array.Resize(ref a, -1); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { Array.Sort(a, 1, 9); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { Array.IndexOf(a, 1, 9); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        return (int)(h & 0x7F);
    }
}

// A tiny LCG so that CoreCLR and Testbed sort the same data.
sealed class Random1
{
    private uint state;
    public Random1(uint seed) { state = seed; }
    public int Next() { state = state * 1664525 + 1013904223; return (int)(state >> 8); }
}
