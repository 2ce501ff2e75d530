// List<T>.Sort (default, Comparison, IComparer), BinarySearch, the struct enumerator, and the
// "Collection was modified" check on foreach; a comparer that throws is wrapped as .NET wraps it.
using System;
using System.Collections.Generic;

sealed class ByLengthThenText : IComparer<string>
{
    public int Compare(string a, string b) => a.Length != b.Length ? a.Length - b.Length : string.CompareOrdinal(a, b);
}

sealed class NoOrder { public int V; }

static class Program
{
    static int Main()
    {
        var list = new List<int>();
        uint seed = 12345;
        for (int i = 0; i < 200; i++) { seed = seed * 1103515245 + 12345; list.Add((int)(seed >> 16) % 1000 - 500); }
        list.Sort();
        long check = 0;
        for (int i = 0; i < list.Count; i++) check = check * 31 + list[i];
        Console.WriteLine(list[0] + " " + list[199] + " " + check);
        bool sorted = true;
        for (int i = 1; i < list.Count; i++) if (list[i - 1] > list[i]) sorted = false;
        Console.WriteLine(sorted);
        Console.WriteLine(list.BinarySearch(list[57]) >= 0);
        Console.WriteLine(~list.BinarySearch(1000) + " " + ~list.BinarySearch(-1000));
        list.Sort((a, b) => b.CompareTo(a));
        Console.WriteLine(list[0] + " " + list[199]);

        var words = new List<string> { "pear", "fig", "banana", "kiwi", "apple", "date", "plum", "cherry", "lime", "nut", "grape", "melon", "olive", "quince", "yam", "lemon", "mango", "peach" };
        words.Sort();
        Console.WriteLine(string.Join(",", words));
        words.Sort(new ByLengthThenText());
        Console.WriteLine(string.Join(",", words));
        words.Sort(3, 5, null);
        Console.WriteLine(string.Join(",", words));

        var doubles = new List<double> { 3.5, double.NaN, -1, 0, double.NegativeInfinity, 2, double.NaN, 1e10 };
        doubles.Sort();
        foreach (double d in doubles) Console.Write(d + " ");
        Console.WriteLine();

        int total = 0;
        foreach (int x in list) { if (x > 400) total++; }
        Console.WriteLine(total);
        List<int>.Enumerator e = list.GetEnumerator();
        e.MoveNext(); e.MoveNext();
        Console.WriteLine(e.Current);
        IEnumerable<string> seq = words;
        int letters = 0;
        foreach (string w in seq) letters += w.Length;
        Console.WriteLine(letters);

        try
        {
            foreach (int x in list) { if (x < 0) list.Add(0); }
        }
        catch (InvalidOperationException ex) { Console.WriteLine(ex.Message); }
        try
        {
            foreach (string w in words) { if (w == "fig") words.Remove("fig"); }
        }
        catch (InvalidOperationException ex) { Console.WriteLine(ex.Message); }
        try
        {
            words.ForEach(w => { if (w.Length == 3) words[0] = "x"; });
        }
        catch (InvalidOperationException ex) { Console.WriteLine(ex.Message); }
        var objs = new List<NoOrder> { new NoOrder { V = 2 }, new NoOrder { V = 1 } };
        try { objs.Sort(); }
        catch (InvalidOperationException ex) { Console.WriteLine(ex.Message + " | " + ex.InnerException.Message); }
        try { list.Sort((a, b) => throw new FormatException("bad compare")); }
        catch (InvalidOperationException ex) { Console.WriteLine(ex.Message + " | " + ex.InnerException.Message); }

        int[] arr = { 5, 3, 9, 1, 7, 3, 8, 2, 6, 4, 0, 11, 15, 13, 12, 14, 10, 19, 17, 16, 18 };
        Array.Sort(arr);
        Console.WriteLine(string.Join(" ", arr));
        Array.Sort(arr, 2, 10, Comparer<int>.Create((a, b) => b - a));
        Console.WriteLine(string.Join(" ", arr));
        Array.Sort(arr, (a, b) => (a % 5).CompareTo(b % 5) != 0 ? (a % 5).CompareTo(b % 5) : a.CompareTo(b));
        Console.WriteLine(string.Join(" ", arr));
        return (int)(check & 0x7F);
    }
}
