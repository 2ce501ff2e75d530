// A generic doubly linked list class with a nested generic node class, iteration with yield in both
// directions, insertion/removal, Find with a predicate, and instantiations over int, string and a struct.
using System;
using System.Collections.Generic;

class LinkedList<T>
{
    public class Node { public T Value; public Node Prev, Next; }
    Node head, tail; public int Count;
    public Node AddLast(T v) { var n = new Node { Value = v, Prev = tail }; if (tail != null) tail.Next = n; else head = n; tail = n; Count++; return n; }
    public Node AddFirst(T v) { var n = new Node { Value = v, Next = head }; if (head != null) head.Prev = n; else tail = n; head = n; Count++; return n; }
    public void InsertAfter(Node at, T v) { if (at == tail) { AddLast(v); return; } var n = new Node { Value = v, Prev = at, Next = at.Next }; at.Next.Prev = n; at.Next = n; Count++; }
    public void Remove(Node n) { if (n.Prev != null) n.Prev.Next = n.Next; else head = n.Next; if (n.Next != null) n.Next.Prev = n.Prev; else tail = n.Prev; Count--; }
    public Node Find(Predicate<T> p) { for (var n = head; n != null; n = n.Next) if (p(n.Value)) return n; return null; }
    public IEnumerable<T> Forward() { for (var n = head; n != null; n = n.Next) yield return n.Value; }
    public IEnumerable<T> Backward() { for (var n = tail; n != null; n = n.Prev) yield return n.Value; }
}

struct Point { public int X, Y; public override string ToString() => X + ":" + Y; }

static class Program
{
    static string Join<T>(IEnumerable<T> xs) { string s = ""; foreach (var x in xs) s = s + x + " "; return s; }

    static int Main()
    {
        var ints = new LinkedList<int>();
        for (int i = 1; i <= 6; i++) ints.AddLast(i * i);
        ints.AddFirst(0);
        ints.InsertAfter(ints.Find(v => v == 9), 10);
        ints.Remove(ints.Find(v => v > 20));
        Console.WriteLine(Join(ints.Forward()) + "| " + Join(ints.Backward()) + "| " + ints.Count);
        var words = new LinkedList<string>();
        foreach (var w in new[] { "delta", "alpha", "charlie" }) words.AddLast(w);
        words.InsertAfter(words.Find(w => w[0] == 'a'), "bravo");
        words.Remove(words.Find(w => w.Length == 5 && w[0] == 'd'));
        Console.WriteLine(Join(words.Forward()) + "| " + (words.Find(w => w == "zulu") == null));
        var pts = new LinkedList<Point>();
        for (int i = 0; i < 4; i++) pts.AddFirst(new Point { X = i, Y = i * i });
        var node = pts.Find(p => p.X == 2);
        node.Value.Y = 100;
        Console.WriteLine(Join(pts.Forward()));
        int sum = 0; foreach (var v in ints.Forward()) sum += v;
        return sum;
    }
}
