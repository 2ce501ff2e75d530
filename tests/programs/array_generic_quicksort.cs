// A generic in-place quicksort (median of three, insertion sort for small ranges) over arrays of
// ints, doubles, strings and structs with IComparer<T> implementations, checked against a simple
// insertion sort, plus binary search on the result.
using System;
using System.Collections.Generic;

class IntCmp : IComparer<int> { public int Compare(int a, int b) => a < b ? -1 : a > b ? 1 : 0; }
class DescDouble : IComparer<double> { public int Compare(double a, double b) => b < a ? -1 : b > a ? 1 : 0; }
class StrCmp : IComparer<string> { public int Compare(string a, string b) { int n = Math.Min(a.Length, b.Length); for (int i = 0; i < n; i++) if (a[i] != b[i]) return a[i] - b[i]; return a.Length - b.Length; } }
struct Job { public int Pri; public string Name; }
class JobCmp : IComparer<Job> { public int Compare(Job a, Job b) => a.Pri != b.Pri ? b.Pri - a.Pri : new StrCmp().Compare(a.Name, b.Name); }

static class Sorter
{
    public static int Comparisons;
    public static void Sort<T>(T[] a, IComparer<T> c) => Quick(a, 0, a.Length - 1, c);
    static void Swap<T>(T[] a, int i, int j) { T t = a[i]; a[i] = a[j]; a[j] = t; }
    static int Cmp<T>(IComparer<T> c, T x, T y) { Comparisons++; return c.Compare(x, y); }
    static void Quick<T>(T[] a, int lo, int hi, IComparer<T> c)
    {
        while (hi - lo > 8)
        {
            int mid = lo + (hi - lo) / 2;
            if (Cmp(c, a[mid], a[lo]) < 0) Swap(a, mid, lo);
            if (Cmp(c, a[hi], a[lo]) < 0) Swap(a, hi, lo);
            if (Cmp(c, a[hi], a[mid]) < 0) Swap(a, hi, mid);
            T p = a[mid]; int i = lo, j = hi;
            while (i <= j) { while (Cmp(c, a[i], p) < 0) i++; while (Cmp(c, a[j], p) > 0) j--; if (i <= j) { Swap(a, i, j); i++; j--; } }
            if (j - lo < hi - i) { Quick(a, lo, j, c); lo = i; } else { Quick(a, i, hi, c); hi = j; }
        }
        for (int i = lo + 1; i <= hi; i++) { T x = a[i]; int j = i - 1; while (j >= lo && Cmp(c, a[j], x) > 0) { a[j + 1] = a[j]; j--; } a[j + 1] = x; }
    }
    public static bool IsSorted<T>(T[] a, IComparer<T> c) { for (int i = 1; i < a.Length; i++) if (c.Compare(a[i - 1], a[i]) > 0) return false; return true; }
    public static int Search<T>(T[] a, T x, IComparer<T> c) { int lo = 0, hi = a.Length - 1; while (lo <= hi) { int m = (lo + hi) / 2; int r = c.Compare(a[m], x); if (r == 0) return m; if (r < 0) lo = m + 1; else hi = m - 1; } return -1; }
}

static class Program
{
    static int Main()
    {
        var ints = new int[500]; uint s = 1;
        for (int i = 0; i < ints.Length; i++) { s = s * 1103515245 + 12345; ints[i] = (int)(s >> 16) % 1000 - 500; }
        Sorter.Sort(ints, new IntCmp());
        Console.WriteLine("ints sorted " + Sorter.IsSorted(ints, new IntCmp()) + " first " + ints[0] + " last " + ints[499] + " median " + ints[250]);
        Console.WriteLine("find " + ints[123] + " -> " + (ints[Sorter.Search(ints, ints[123], new IntCmp())] == ints[123]) + ", 10000 -> " + Sorter.Search(ints, 10000, new IntCmp()));
        var ds = new double[40]; for (int i = 0; i < ds.Length; i++) ds[i] = Math.Sqrt(i * 7 % 40) - 3;
        Sorter.Sort(ds, new DescDouble());
        Console.WriteLine("doubles " + Sorter.IsSorted(ds, new DescDouble()) + " " + ds[0] + " " + ds[39]);
        var words = new[] { "kiwi", "apple", "fig", "banana", "cherry", "date", "elder", "grape", "honeydew", "lime", "mango", "apricot" };
        Sorter.Sort(words, new StrCmp());
        Console.WriteLine(string.Concat(words[0], " ", words[1], " ", words[11]));
        var jobs = new Job[12]; for (int i = 0; i < jobs.Length; i++) jobs[i] = new Job { Pri = i % 3, Name = words[(i * 5) % 12] };
        Sorter.Sort(jobs, new JobCmp());
        foreach (var j in jobs) Console.Write(j.Pri + j.Name + " ");
        Console.WriteLine();
        Console.WriteLine("comparisons " + Sorter.Comparisons);
        return Sorter.Comparisons % 256;
    }
}
