// System.HashCode: Combine with 1 to 8 values, Add (with and without a comparer), ToHashCode.
// .NET seeds HashCode randomly per process, so nothing here prints a hash: only properties that hold
// for any seed (equal inputs hash alike within a run, Add in sequence equals Combine, order and
// count matter for these inputs, null and default hash alike), and the NotSupportedException of
// HashCode's own GetHashCode/Equals.
#nullable disable
using System;
using System.Collections.Generic;

static class Program
{
    sealed class Point
    {
        public readonly int X, Y;
        public Point(int x, int y) { X = x; Y = y; }
        public override bool Equals(object o) => o is Point p && p.X == X && p.Y == Y;
        public override int GetHashCode() => HashCode.Combine(X, Y);
    }

    sealed class LengthComparer : IEqualityComparer<string>
    {
        public bool Equals(string a, string b) => a.Length == b.Length;
        public int GetHashCode(string s) => s.Length;
    }

    static int AddAll(params object[] values)
    {
        var h = new HashCode();
        foreach (object v in values) h.Add(v);
        return h.ToHashCode();
    }

    static int Main()
    {
        int ok = 0, bad = 0;
        void Check(string what, bool condition) { if (condition) ok++; else { bad++; Console.WriteLine("FAILED " + what); } }

        Check("combine1", HashCode.Combine(1) == HashCode.Combine(1));
        Check("combine2", HashCode.Combine(1, "a") == HashCode.Combine(1, "a"));
        Check("combine8", HashCode.Combine(1, 2, 3, 4, 5, 6, 7, 8) == HashCode.Combine(1, 2, 3, 4, 5, 6, 7, 8));
        Check("add=combine1", AddAll(1) == HashCode.Combine(1));
        Check("add=combine2", AddAll(1, 2) == HashCode.Combine(1, 2));
        Check("add=combine3", AddAll(1, 2, 3) == HashCode.Combine(1, 2, 3));
        Check("add=combine4", AddAll(1, 2, 3, 4) == HashCode.Combine(1, 2, 3, 4));
        Check("add=combine5", AddAll(1, 2, 3, 4, 5) == HashCode.Combine(1, 2, 3, 4, 5));
        Check("add=combine6", AddAll(1, 2, 3, 4, 5, 6) == HashCode.Combine(1, 2, 3, 4, 5, 6));
        Check("add=combine7", AddAll(1, 2, 3, 4, 5, 6, 7) == HashCode.Combine(1, 2, 3, 4, 5, 6, 7));
        Check("add=combine8", AddAll(1, 2, 3, 4, 5, 6, 7, 8) == HashCode.Combine(1, 2, 3, 4, 5, 6, 7, 8));
        Check("mixed types", HashCode.Combine("x", 2.5, 'c', 7L, true) == HashCode.Combine("x", 2.5, 'c', 7L, true));
        Check("strings by value", HashCode.Combine(new string('a', 3)) == HashCode.Combine("aaa"));
        Check("null=0", HashCode.Combine((string)null) == HashCode.Combine(0));
        Check("null add", AddAll(null, null) == HashCode.Combine(0, 0));
        Check("value hash", HashCode.Combine(new Point(3, 4)) == HashCode.Combine(HashCode.Combine(3, 4)));
        Check("point eq", new Point(3, 4).GetHashCode() == new Point(3, 4).GetHashCode());
        Check("comparer", AddWithComparer("abc") == AddWithComparer("xyz"));
        Check("comparer=len", AddWithComparer("abcd") == HashCode.Combine(4));
        Check("comparer null", AddWithComparer(null) == HashCode.Combine(0));
        Check("empty", new HashCode().ToHashCode() == new HashCode().ToHashCode());
        Check("tohashcode twice", Twice());

        // Order and count change the hash for these inputs (not guaranteed in general, but true for
        // xxHash32 with any seed on such small distinct inputs with overwhelming probability).
        var distinct = new HashSet<int>
        {
            HashCode.Combine(1), HashCode.Combine(2), HashCode.Combine(1, 2), HashCode.Combine(2, 1), HashCode.Combine(1, 2, 3),
            HashCode.Combine(3, 2, 1), HashCode.Combine(1, 2, 3, 4), HashCode.Combine(4, 3, 2, 1), HashCode.Combine(1, 2, 3, 4, 5),
            HashCode.Combine(1, 2, 3, 4, 5, 6), HashCode.Combine(1, 2, 3, 4, 5, 6, 7), HashCode.Combine(1, 2, 3, 4, 5, 6, 7, 8),
            HashCode.Combine(0), HashCode.Combine(0, 0), HashCode.Combine(0, 0, 0), new HashCode().ToHashCode(),
        };
        Console.WriteLine("distinct " + distinct.Count + " of 16");

        // Many keys: a dictionary keyed by a combined hash works and the spread is wide.
        var buckets = new HashSet<int>();
        var byHash = new Dictionary<int, int>();
        for (int i = 0; i < 1000; i++)
        {
            int h = HashCode.Combine(i, i * 7, "k" + i);
            buckets.Add(h & 1023);
            byHash[h] = i;
        }
        int found = 0;
        for (int i = 0; i < 1000; i++) if (byHash[HashCode.Combine(i, i * 7, "k" + i)] == i) found++;
        Console.WriteLine("found " + found + " wide " + (buckets.Count > 500) + " keys " + byHash.Count);

        var hc = new HashCode();
        hc.Add(5);
        foreach (Action f in new Action[] { () => hc.GetHashCode(), () => hc.Equals(hc), () => new HashCode().Equals(null) })
        {
            try { f(); Console.WriteLine("no exception"); }
            catch (Exception e) { Console.WriteLine(e.GetType().Name + ": " + e.Message); }
        }
        Console.WriteLine("ok " + ok + " bad " + bad);
        return bad;
    }

    static int AddWithComparer(string s)
    {
        var h = new HashCode();
        h.Add(s, new LengthComparer());
        return h.ToHashCode();
    }

    static bool Twice()
    {
        var h = new HashCode();
        h.Add(1); h.Add("two");
        int first = h.ToHashCode();
        return first == h.ToHashCode() && first == HashCode.Combine(1, "two");
    }
}
