// LinkedList<T>: AddFirst/AddLast/AddBefore/AddAfter, Remove by value and node, First/Last,
// Next/Previous navigation, Find/FindLast, enumeration with the version check, and the
// InvalidOperationException messages for empty lists and foreign nodes.
using System;
using System.Collections.Generic;

static class Program
{
    static string Show<T>(LinkedList<T> list)
    {
        var parts = new List<string>();
        foreach (T item in list) parts.Add(item == null ? "null" : item.ToString());
        return list.Count + ":" + string.Join(",", parts);
    }

    static int Main()
    {
        var list = new LinkedList<int>();
        list.AddLast(2);
        list.AddLast(3);
        list.AddFirst(1);
        LinkedListNode<int> three = list.Find(3);
        list.AddAfter(three, 5);
        list.AddBefore(three.Next, 4);
        list.AddBefore(list.First, 0);
        Console.WriteLine(Show(list) + " first=" + list.First.Value + " last=" + list.Last.Value);
        Console.WriteLine(three.Previous.Value + " " + three.Next.Value + " " + (list.First.Previous == null) + " " + (list.Last.Next == null) + " " + (three.List == list));
        list.Remove(3);
        list.RemoveFirst();
        list.RemoveLast();
        Console.WriteLine(Show(list) + " " + (three.List == null) + " " + list.Contains(4) + " " + list.Contains(3));
        list.AddLast(2);
        Console.WriteLine((list.Find(2) != list.FindLast(2)) + " " + list.FindLast(2).Previous.Value);
        var node = new LinkedListNode<int>(99);
        list.AddFirst(node);
        node.Value = 98;
        Console.WriteLine(Show(list) + " " + node.Next.Value);
        int[] copy = new int[list.Count + 1];
        list.CopyTo(copy, 1);
        Console.WriteLine(string.Join(" ", copy));
        var words = new LinkedList<string>(new[] { "x", null, "y" });
        Console.WriteLine(Show(words) + " " + words.Remove((string)null) + " " + Show(words));
        var lru = new LinkedList<string>();
        foreach (string w in new[] { "a", "b", "c", "a", "d", "b", "e" })
        {
            LinkedListNode<string> found = lru.Find(w);
            if (found != null) { lru.Remove(found); lru.AddFirst(found); }
            else { lru.AddFirst(w); if (lru.Count > 3) lru.RemoveLast(); }
        }
        Console.WriteLine(Show(lru));
        try { new LinkedList<int>().RemoveFirst(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { new LinkedList<int>().Remove(list.First); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { list.AddLast(list.First); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { foreach (int v in list) list.AddLast(v); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { list.AddAfter(null, 1); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        list.Clear();
        Console.WriteLine(Show(list) + " " + (list.First == null) + " " + (node.List == null));
        return lru.Count;
    }
}
