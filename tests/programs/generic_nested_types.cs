// Nested generic types: Outer<T>.Inner<U> with members using both type parameters, a generic class
// nested in a non-generic one, static members of nested generic classes per instantiation, and a
// generic tree whose node type is nested.
using System;

class Outer<T>
{
    public T Seed;
    public Outer(T s) { Seed = s; }
    public class Inner<U> { public T A; public U B; public static int Made; public Inner(T a, U b) { A = a; B = b; Made++; } public string Show() => A + "/" + B; }
    public Inner<U> With<U>(U u) => new Inner<U>(Seed, u);
}

static class Catalog
{
    public class Shelf<T> { T[] items = new T[4]; int n; public void Put(T x) { items[n++] = x; } public T Last => items[n - 1]; public int Count => n; }
}

class Tree<K> where K : IComparable<K>
{
    class Node { public K Key; public int Count = 1; public Node L, R; }
    Node root; public int Distinct;
    public void Add(K k) { root = Add(root, k); }
    Node Add(Node n, K k) { if (n == null) { Distinct++; return new Node { Key = k }; } int c = k.CompareTo(n.Key); if (c < 0) n.L = Add(n.L, k); else if (c > 0) n.R = Add(n.R, k); else n.Count++; return n; }
    public string Dump() => Dump(root);
    string Dump(Node n) => n == null ? "" : Dump(n.L) + n.Key + "x" + n.Count + " " + Dump(n.R);
}

struct Score : IComparable<Score> { public int V; public int CompareTo(Score o) => V - o.V; public override string ToString() => "s" + V; }

static class Program
{
    static int Main()
    {
        var o = new Outer<int>(7);
        var i1 = o.With("seven"); var i2 = o.With(7.5); var i3 = new Outer<string>("x").With('c');
        Console.WriteLine(i1.Show() + " " + i2.Show() + " " + i3.Show());
        Console.WriteLine(Outer<int>.Inner<string>.Made + " " + Outer<int>.Inner<double>.Made + " " + Outer<string>.Inner<char>.Made + " " + Outer<string>.Inner<string>.Made);
        var shelf = new Catalog.Shelf<string>(); shelf.Put("a"); shelf.Put("b");
        var nums = new Catalog.Shelf<long>(); nums.Put(5);
        Console.WriteLine(shelf.Last + shelf.Count + " " + nums.Last);
        var t = new Tree<Score>();
        foreach (var v in new[] { 5, 3, 8, 3, 5, 5, 1, 9 }) t.Add(new Score { V = v });
        Console.WriteLine(t.Dump() + "| distinct " + t.Distinct);
        return t.Distinct + Outer<int>.Inner<string>.Made;
    }
}
