// An AVL tree with insertion, deletion, rotations counted, an in-order traversal, height checks
// and rank queries; keys from a seeded LCG.
using System;

class AvlNode { public int Key, Height = 1, Size = 1; public AvlNode Left, Right; public AvlNode(int k) { Key = k; } }

class AvlTree
{
    public AvlNode Root; public int Rotations;
    static int H(AvlNode n) => n == null ? 0 : n.Height;
    static int S(AvlNode n) => n == null ? 0 : n.Size;
    static void Fix(AvlNode n) { n.Height = 1 + Math.Max(H(n.Left), H(n.Right)); n.Size = 1 + S(n.Left) + S(n.Right); }
    AvlNode RotR(AvlNode y) { var x = y.Left; y.Left = x.Right; x.Right = y; Fix(y); Fix(x); Rotations++; return x; }
    AvlNode RotL(AvlNode x) { var y = x.Right; x.Right = y.Left; y.Left = x; Fix(x); Fix(y); Rotations++; return y; }
    AvlNode Balance(AvlNode n)
    {
        Fix(n);
        int bf = H(n.Left) - H(n.Right);
        if (bf > 1) { if (H(n.Left.Left) < H(n.Left.Right)) n.Left = RotL(n.Left); return RotR(n); }
        if (bf < -1) { if (H(n.Right.Right) < H(n.Right.Left)) n.Right = RotR(n.Right); return RotL(n); }
        return n;
    }
    public bool Insert(int k) { bool added = false; Root = Ins(Root, k, ref added); return added; }
    AvlNode Ins(AvlNode n, int k, ref bool added)
    {
        if (n == null) { added = true; return new AvlNode(k); }
        if (k < n.Key) n.Left = Ins(n.Left, k, ref added);
        else if (k > n.Key) n.Right = Ins(n.Right, k, ref added);
        else return n;
        return Balance(n);
    }
    public bool Delete(int k) { bool removed = false; Root = Del(Root, k, ref removed); return removed; }
    AvlNode Del(AvlNode n, int k, ref bool removed)
    {
        if (n == null) return null;
        if (k < n.Key) n.Left = Del(n.Left, k, ref removed);
        else if (k > n.Key) n.Right = Del(n.Right, k, ref removed);
        else
        {
            removed = true;
            if (n.Left == null) return n.Right;
            if (n.Right == null) return n.Left;
            var m = n.Right; while (m.Left != null) m = m.Left;
            n.Key = m.Key;
            bool dummy = false;
            n.Right = Del(n.Right, m.Key, ref dummy);
        }
        return Balance(n);
    }
    public bool Contains(int k) { var n = Root; while (n != null) { if (k == n.Key) return true; n = k < n.Key ? n.Left : n.Right; } return false; }
    public int Rank(int k) { int r = 0; var n = Root; while (n != null) { if (k <= n.Key) n = n.Left; else { r += S(n.Left) + 1; n = n.Right; } } return r; }
    public int Kth(int i) { var n = Root; while (true) { int l = S(n.Left); if (i < l) n = n.Left; else if (i == l) return n.Key; else { i -= l + 1; n = n.Right; } } }
    public int Check(AvlNode n, int lo, int hi)
    {
        if (n == null) return 0;
        if (n.Key <= lo || n.Key >= hi) throw new InvalidOperationException("order violated at " + n.Key);
        int l = Check(n.Left, lo, n.Key), r = Check(n.Right, n.Key, hi);
        if (Math.Abs(l - r) > 1) throw new InvalidOperationException("unbalanced at " + n.Key);
        return 1 + Math.Max(l, r);
    }
    public void InOrder(AvlNode n, ref long acc, ref int count) { if (n == null) return; InOrder(n.Left, ref acc, ref count); acc = acc * 31 + n.Key; count++; InOrder(n.Right, ref acc, ref count); }
}

static class Program
{
    static uint s = 2463534242;
    static uint Next() { s ^= s << 13; s ^= s >> 17; s ^= s << 5; return s; }

    static long RangeSum(AvlNode n, int lo, int hi)
    {
        if (n == null) return 0;
        if (n.Key < lo) return RangeSum(n.Right, lo, hi);
        if (n.Key > hi) return RangeSum(n.Left, lo, hi);
        return n.Key + RangeSum(n.Left, lo, hi) + RangeSum(n.Right, lo, hi);
    }
    static int Floor(AvlNode n, int k) { int best = int.MinValue; while (n != null) { if (n.Key == k) return k; if (n.Key < k) { best = n.Key; n = n.Right; } else n = n.Left; } return best; }
    static int Ceiling(AvlNode n, int k) { int best = int.MaxValue; while (n != null) { if (n.Key == k) return k; if (n.Key > k) { best = n.Key; n = n.Left; } else n = n.Right; } return best; }

    static int Main()
    {
        var t = new AvlTree();
        int added = 0;
        for (int i = 0; i < 2000; i++) if (t.Insert((int)(Next() % 5000))) added++;
        Console.WriteLine("added " + added + " size " + t.Root.Size + " height " + t.Root.Height + " rotations " + t.Rotations);
        Console.WriteLine("checked height " + t.Check(t.Root, int.MinValue, int.MaxValue));
        for (int i = 0; i < 1000; i += 111) Console.Write(t.Kth(i) + " ");
        Console.WriteLine();
        Console.WriteLine("rank(2500) " + t.Rank(2500));
        int removed = 0;
        for (int k = 0; k < 5000; k += 3) if (t.Delete(k)) removed++;
        Console.WriteLine("removed " + removed + " size " + t.Root.Size + " height " + t.Root.Height + " rotations " + t.Rotations);
        Console.WriteLine("checked height " + t.Check(t.Root, int.MinValue, int.MaxValue));
        long acc = 0; int count = 0;
        t.InOrder(t.Root, ref acc, ref count);
        Console.WriteLine("inorder " + count + " hash " + acc);
        int found = 0;
        for (int k = 0; k < 100; k++) if (t.Contains(k)) found++;
        Console.WriteLine("found below 100: " + found);
        var seq = new AvlTree();
        for (int i = 1; i <= 1023; i++) seq.Insert(i);
        Console.WriteLine("sequential height " + seq.Root.Height + " rotations " + seq.Rotations);
        Console.WriteLine("sum [1000,1100] " + RangeSum(t.Root, 1000, 1100) + " floor(2500) " + Floor(t.Root, 2500) + " ceiling(2500) " + Ceiling(t.Root, 2500));
        Console.WriteLine("floor(-1) " + Floor(t.Root, -1) + " ceiling(99999) " + Ceiling(t.Root, 99999) + " min " + t.Kth(0) + " max " + t.Kth(t.Root.Size - 1));
        return (int)((ulong)acc % 256);
    }
}
