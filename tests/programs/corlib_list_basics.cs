// List<T>: Add and capacity growth, indexer, Insert, Remove, RemoveAt, Contains, IndexOf, Reverse,
// ToArray, Clear, ranges, predicates, and the argument failures with .NET's messages.
using System;
using System.Collections.Generic;

static class Program
{
    static void Show<T>(List<T> list)
    {
        Console.Write(list.Count + "/" + list.Capacity + ":");
        foreach (T item in list) Console.Write(" " + item);
        Console.WriteLine();
    }

    static int Main()
    {
        var list = new List<int>();
        Console.WriteLine(list.Count + " " + list.Capacity);
        for (int i = 0; i < 9; i++) { list.Add(i * i); Console.Write(list.Capacity + " "); }
        Console.WriteLine();
        Show(list);
        list.Insert(0, -1);
        list.Insert(5, 100);
        list.Insert(list.Count, 999);
        Show(list);
        Console.WriteLine(list.Remove(100) + " " + list.Remove(12345));
        list.RemoveAt(0);
        Show(list);
        Console.WriteLine(list.Contains(49) + " " + list.Contains(50) + " " + list.IndexOf(16) + " " + list.IndexOf(17) + " " + list.LastIndexOf(999));
        list[2] = 7;
        Console.WriteLine(list[2] + " " + list[list.Count - 1]);
        list.Reverse();
        Show(list);
        int[] arr = list.ToArray();
        Console.WriteLine(arr.Length + " " + arr[0] + " " + arr[arr.Length - 1]);
        list.RemoveRange(1, 3);
        Show(list);
        list.AddRange(new int[] { 5, 6, 7 });
        list.InsertRange(1, new List<int> { 70, 71 });
        Show(list);
        Console.WriteLine(list.RemoveAll(x => x % 2 == 1));
        Show(list);
        Console.WriteLine(list.Find(x => x > 60) + " " + list.FindIndex(x => x > 60) + " " + list.Exists(x => x == 6) + " " + list.TrueForAll(x => x >= 0));
        Show(list.FindAll(x => x < 10));
        Show(list.GetRange(1, 2));
        Show(list.ConvertAll(x => "<" + x + ">"));
        int sum = 0;
        list.ForEach(x => sum += x);
        Console.WriteLine(sum);
        list.Clear();
        Show(list);
        list.TrimExcess();
        Show(list);
        var words = new List<string>(2) { "b", "a" };
        words.Add(null);
        Console.WriteLine(words.Contains(null) + " " + words.IndexOf(null) + " " + words.IndexOf("a"));
        Show(words);
        var copy = new List<string>(words);
        copy.Capacity = 10;
        Show(copy);
        Console.WriteLine(copy.EnsureCapacity(11) + " " + copy.EnsureCapacity(3));

        try { Console.WriteLine(list[0]); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { words[-1] = "x"; } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { words.Insert(5, "x"); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { words.RemoveAt(3); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { words.RemoveRange(1, 5); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { words.GetRange(-1, 1); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { words.Capacity = 1; } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { new List<int>(-5); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { words.AddRange(null); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        try { words.IndexOf("b", 4); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        IList<int> ilist = new List<int> { 3, 1, 2 };
        ilist.Add(4);
        ilist.RemoveAt(0);
        Console.WriteLine(ilist.Count + " " + ilist[0] + " " + ilist.IndexOf(4) + " " + ilist.Contains(3));
        IReadOnlyList<int> ro = new List<int> { 8, 9 };
        Console.WriteLine(ro[1] + ro.Count);
        return words.Count + copy.Capacity;
    }
}
