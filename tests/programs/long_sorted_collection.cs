// A generic sorted collection SortedBag<T> where T : IComparable<T> (binary search insertion into a
// growable array, duplicates counted, range queries, removal), used with ints, strings wrapped in a
// comparable class, and a struct with a two-key ordering; plus an IComparer<T>-driven merge sort.
using System;
using System.Collections.Generic;

class SortedBag<T> where T : IComparable<T>
{
    T[] items = new T[4]; int n;
    public int Count => n;
    public T this[int i] { get { if (i < 0 || i >= n) throw new ArgumentOutOfRangeException("i"); return items[i]; } }
    int LowerBound(T x) { int lo = 0, hi = n; while (lo < hi) { int mid = (lo + hi) / 2; if (items[mid].CompareTo(x) < 0) lo = mid + 1; else hi = mid; } return lo; }
    public void Add(T x)
    {
        if (n == items.Length) { var b = new T[n * 2]; for (int i = 0; i < n; i++) b[i] = items[i]; items = b; }
        int at = LowerBound(x);
        for (int i = n; i > at; i--) items[i] = items[i - 1];
        items[at] = x; n++;
    }
    public bool Remove(T x)
    {
        int at = LowerBound(x);
        if (at == n || items[at].CompareTo(x) != 0) return false;
        for (int i = at; i + 1 < n; i++) items[i] = items[i + 1];
        n--; return true;
    }
    public int CountRange(T lo, T hi) => LowerBound(hi) - LowerBound(lo);
    public bool Contains(T x) { int at = LowerBound(x); return at < n && items[at].CompareTo(x) == 0; }
    public IEnumerable<T> Between(T lo, T hi) { for (int i = LowerBound(lo); i < n && items[i].CompareTo(hi) < 0; i++) yield return items[i]; }
}

class Word : IComparable<Word>
{
    public readonly string Text; public Word(string t) { Text = t; }
    public int CompareTo(Word o)
    {
        int m = Math.Min(Text.Length, o.Text.Length);
        for (int i = 0; i < m; i++) if (Text[i] != o.Text[i]) return Text[i] < o.Text[i] ? -1 : 1;
        return Text.Length < o.Text.Length ? -1 : Text.Length > o.Text.Length ? 1 : 0;
    }
    public override string ToString() => Text;
}

struct Version : IComparable<Version>
{
    public int Major, Minor;
    public Version(int a, int b) { Major = a; Minor = b; }
    public int CompareTo(Version o) => Major != o.Major ? (Major < o.Major ? -1 : 1) : Minor < o.Minor ? -1 : Minor > o.Minor ? 1 : 0;
    public override string ToString() => Major + "." + Minor;
}

// int does not implement IComparable<int> in the core library yet: a comparable wrapper.
struct Key : IComparable<Key>
{
    public int V; public Key(int v) { V = v; }
    public static implicit operator Key(int v) => new Key(v);
    public int CompareTo(Key o) => V - o.V;
    public override string ToString() => V.ToString();
}

class ByLengthDesc : IComparer<Word> { public int Compare(Word a, Word b) => b.Text.Length != a.Text.Length ? b.Text.Length - a.Text.Length : a.CompareTo(b); }

static class Program
{
    static void MergeSort<T>(T[] a, T[] tmp, int lo, int hi, IComparer<T> cmp)
    {
        if (hi - lo < 2) return;
        int mid = (lo + hi) / 2;
        MergeSort(a, tmp, lo, mid, cmp); MergeSort(a, tmp, mid, hi, cmp);
        int i = lo, j = mid, k = lo;
        while (i < mid && j < hi) tmp[k++] = cmp.Compare(a[i], a[j]) <= 0 ? a[i++] : a[j++];
        while (i < mid) tmp[k++] = a[i++];
        while (j < hi) tmp[k++] = a[j++];
        for (k = lo; k < hi; k++) a[k] = tmp[k];
    }

    static int Main()
    {
        var ints = new SortedBag<Key>();
        uint r = 5;
        for (int i = 0; i < 200; i++) { r = r * 1664525 + 1013904223; ints.Add((int)(r >> 24)); }
        Console.Write("first:"); for (int i = 0; i < 10; i++) Console.Write(" " + ints[i]); Console.WriteLine();
        Console.WriteLine("count [50,100) " + ints.CountRange(50, 100) + " contains 77 " + ints.Contains(77));
        int removed = 0; for (int v = 0; v < 256; v += 2) while (ints.Remove(v)) removed++;
        Console.WriteLine("removed evens " + removed + " left " + ints.Count);
        long sum = 0; foreach (var v in ints.Between(100, 140)) sum += v.V;
        Console.WriteLine("sum in [100,140) " + sum);
        try { Console.WriteLine(ints[500]); } catch (ArgumentOutOfRangeException e) { Console.WriteLine("caught " + e.Message); }

        string text = "pack my box with five dozen liquor jugs the five boxing wizards jump quickly";
        var words = new SortedBag<Word>();
        int st = 0;
        for (int i = 0; i <= text.Length; i++) if (i == text.Length || text[i] == ' ') { words.Add(new Word(text.Substring(st, i - st))); st = i + 1; }
        Console.Write("words:"); for (int i = 0; i < words.Count; i++) Console.Write(" " + words[i]); Console.WriteLine();
        Console.Write("b..j:"); foreach (var w in words.Between(new Word("b"), new Word("j"))) Console.Write(" " + w); Console.WriteLine();
        var arr = new Word[words.Count]; for (int i = 0; i < arr.Length; i++) arr[i] = words[i];
        MergeSort(arr, new Word[arr.Length], 0, arr.Length, new ByLengthDesc());
        Console.Write("by length:"); foreach (var w in arr) Console.Write(" " + w); Console.WriteLine();

        var versions = new SortedBag<Version>();
        int[] raw = { 1, 10, 1, 2, 0, 9, 2, 0, 1, 2, 10, 1, 0, 10 };
        for (int i = 0; i < raw.Length; i += 2) versions.Add(new Version(raw[i], raw[i + 1]));
        Console.Write("versions:"); for (int i = 0; i < versions.Count; i++) Console.Write(" " + versions[i]); Console.WriteLine();
        Console.WriteLine("1.x count " + versions.CountRange(new Version(1, 0), new Version(2, 0)));
        return (int)(sum % 256);
    }
}
