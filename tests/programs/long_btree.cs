// A B-tree of minimum degree 3 (CLRS insertion with pre-emptive splits), search, range counting
// and a level-by-level dump of the top of the tree.
using System;

class BNode
{
    public int[] Keys = new int[2 * BTree.T - 1];
    public BNode[] Kids = new BNode[2 * BTree.T];
    public int N; public bool Leaf = true;
}

class BTree
{
    public const int T = 3;
    public BNode Root = new BNode();
    public int Splits;
    public bool Search(int k)
    {
        var x = Root;
        while (true)
        {
            int i = 0; while (i < x.N && k > x.Keys[i]) i++;
            if (i < x.N && x.Keys[i] == k) return true;
            if (x.Leaf) return false;
            x = x.Kids[i];
        }
    }
    void SplitChild(BNode x, int i)
    {
        Splits++;
        var y = x.Kids[i]; var z = new BNode { Leaf = y.Leaf, N = T - 1 };
        for (int j = 0; j < T - 1; j++) z.Keys[j] = y.Keys[j + T];
        if (!y.Leaf) for (int j = 0; j < T; j++) z.Kids[j] = y.Kids[j + T];
        y.N = T - 1;
        for (int j = x.N; j >= i + 1; j--) x.Kids[j + 1] = x.Kids[j];
        x.Kids[i + 1] = z;
        for (int j = x.N - 1; j >= i; j--) x.Keys[j + 1] = x.Keys[j];
        x.Keys[i] = y.Keys[T - 1];
        x.N++;
    }
    public void Insert(int k)
    {
        if (Search(k)) return;
        var r = Root;
        if (r.N == 2 * T - 1) { var s = new BNode { Leaf = false }; s.Kids[0] = r; Root = s; SplitChild(s, 0); InsertNonFull(s, k); }
        else InsertNonFull(r, k);
    }
    void InsertNonFull(BNode x, int k)
    {
        int i = x.N - 1;
        if (x.Leaf)
        {
            while (i >= 0 && k < x.Keys[i]) { x.Keys[i + 1] = x.Keys[i]; i--; }
            x.Keys[i + 1] = k; x.N++;
        }
        else
        {
            while (i >= 0 && k < x.Keys[i]) i--;
            i++;
            if (x.Kids[i].N == 2 * T - 1) { SplitChild(x, i); if (k > x.Keys[i]) i++; }
            InsertNonFull(x.Kids[i], k);
        }
    }
    public int CountRange(BNode x, int lo, int hi)
    {
        int c = 0;
        for (int i = 0; i < x.N; i++)
        {
            if (!x.Leaf && x.Keys[i] > lo) c += CountRange(x.Kids[i], lo, hi);
            if (x.Keys[i] >= lo && x.Keys[i] <= hi) c++;
        }
        if (!x.Leaf && x.Keys[x.N - 1] < hi) c += CountRange(x.Kids[x.N], lo, hi);
        return c;
    }
    public int Depth() { int d = 1; for (var x = Root; !x.Leaf; x = x.Kids[0]) d++; return d; }
    public void Walk(BNode x, ref int prev, ref int count, ref bool sorted)
    {
        for (int i = 0; i < x.N; i++)
        {
            if (!x.Leaf) Walk(x.Kids[i], ref prev, ref count, ref sorted);
            if (x.Keys[i] <= prev) sorted = false;
            prev = x.Keys[i]; count++;
        }
        if (!x.Leaf) Walk(x.Kids[x.N], ref prev, ref count, ref sorted);
    }
    public static void PrintNode(BNode x) { Console.Write('['); for (int i = 0; i < x.N; i++) { if (i > 0) Console.Write(' '); Console.Write(x.Keys[i]); } Console.Write(']'); }
}

static class Program
{
    static int Main()
    {
        var t = new BTree();
        uint s = 7;
        for (int i = 0; i < 3000; i++) { s = s * 1664525 + 1013904223; t.Insert((int)(s >> 20)); }
        int prev = -1, count = 0; bool sorted = true;
        t.Walk(t.Root, ref prev, ref count, ref sorted);
        Console.WriteLine("keys " + count + " sorted " + sorted + " depth " + t.Depth() + " splits " + t.Splits);
        Console.Write("root "); BTree.PrintNode(t.Root); Console.WriteLine();
        Console.Write("level 1:");
        for (int i = 0; i <= t.Root.N; i++) { Console.Write(' '); BTree.PrintNode(t.Root.Kids[i]); }
        Console.WriteLine();
        int hits = 0;
        for (int k = 0; k < 4096; k += 5) if (t.Search(k)) hits++;
        Console.WriteLine("hits " + hits);
        int r1 = t.CountRange(t.Root, 0, 1000), r2 = t.CountRange(t.Root, 1000, 3000), r3 = t.CountRange(t.Root, 0, 4095);
        Console.WriteLine("ranges " + r1 + " " + r2 + " " + r3);
        var small = new BTree();
        for (int i = 1; i <= 20; i++) small.Insert(i * 10);
        Console.Write("small root "); BTree.PrintNode(small.Root); Console.WriteLine(" depth " + small.Depth());
        return (count + hits) & 0xFF;
    }
}
