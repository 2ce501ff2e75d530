// Recursive iterators: in-order, pre-order and level-order traversal of a binary search tree with
// yield (nested iterators), an iterator over an iterator that pairs neighbours, and laziness
// (stopping early visits fewer nodes).
using System;
using System.Collections.Generic;

class Tree
{
    public int Key; public Tree L, R; public static int Visits;
    public Tree(int k) { Key = k; }
    public static Tree Insert(Tree t, int k) { if (t == null) return new Tree(k); if (k < t.Key) t.L = Insert(t.L, k); else t.R = Insert(t.R, k); return t; }
    public static IEnumerable<int> InOrder(Tree t)
    {
        if (t == null) yield break;
        foreach (var x in InOrder(t.L)) yield return x;
        Visits++;
        yield return t.Key;
        foreach (var x in InOrder(t.R)) yield return x;
    }
    public static IEnumerable<int> PreOrder(Tree t)
    {
        if (t == null) yield break;
        yield return t.Key;
        foreach (var x in PreOrder(t.L)) yield return x;
        foreach (var x in PreOrder(t.R)) yield return x;
    }
    public static IEnumerable<int> Levels(Tree t)
    {
        var q = new Tree[64]; int h = 0, n = 0;
        if (t != null) q[n++] = t;
        while (h < n) { var x = q[h++]; yield return x.Key; if (x.L != null) q[n++] = x.L; if (x.R != null) q[n++] = x.R; }
    }
}

static class Program
{
    static IEnumerable<int> Gaps(IEnumerable<int> src)
    {
        bool first = true; int prev = 0;
        foreach (var x in src) { if (!first) yield return x - prev; prev = x; first = false; }
    }

    static int Main()
    {
        Tree root = null;
        int[] keys = { 50, 30, 70, 20, 40, 60, 80, 35, 45, 65, 10, 90, 55 };
        foreach (var k in keys) root = Tree.Insert(root, k);
        foreach (var x in Tree.InOrder(root)) Console.Write(x + " ");
        Console.WriteLine("visits " + Tree.Visits);
        foreach (var x in Tree.PreOrder(root)) Console.Write(x + " ");
        Console.WriteLine();
        foreach (var x in Tree.Levels(root)) Console.Write(x + " ");
        Console.WriteLine();
        int sum = 0;
        foreach (var g in Gaps(Tree.InOrder(root))) { Console.Write(g + " "); sum += g; }
        Console.WriteLine();
        Tree.Visits = 0;
        int found = -1;
        foreach (var x in Tree.InOrder(root)) if (x > 36) { found = x; break; }
        Console.WriteLine("first above 36: " + found + " after " + Tree.Visits + " visits");
        return sum + found;
    }
}
