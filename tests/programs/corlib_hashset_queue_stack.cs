// HashSet<T> (Add, Remove, Contains, set operations, enumeration order), Queue<T> and Stack<T>
// (wrap-around, growth, enumeration, Peek/TryX) and their InvalidOperationException messages.
using System;
using System.Collections.Generic;

static class Program
{
    static void Show<T>(IEnumerable<T> items)
    {
        foreach (T item in items) Console.Write(item + " ");
        Console.WriteLine();
    }

    static int Main()
    {
        var set = new HashSet<int>();
        for (int i = 0; i < 20; i++) set.Add(i * 37 % 23);
        Console.WriteLine(set.Count + " " + set.Add(5) + " " + set.Contains(14) + " " + set.Contains(99));
        Show(set);
        Console.WriteLine(set.Remove(3) + " " + set.Remove(3) + " " + set.RemoveWhere(x => x % 4 == 0));
        set.Add(100); set.Add(101);
        Show(set);
        var other = new HashSet<int>(new int[] { 1, 2, 100, 500 });
        Console.WriteLine(set.Overlaps(other) + " " + other.IsSubsetOf(set) + " " + new HashSet<int> { 1, 2 }.IsSubsetOf(other) + " " + other.IsProperSupersetOf(new int[] { 500 }));
        set.IntersectWith(new List<int> { 1, 2, 5, 100, 777 });
        Show(set);
        set.UnionWith(new int[] { 9, 1, 8 });
        Show(set);
        set.ExceptWith(new int[] { 2, 8 });
        Show(set);
        set.SymmetricExceptWith(new int[] { 1, 42 });
        Show(set);
        Console.WriteLine(set.SetEquals(new int[] { 5, 100, 9, 42 }) + " " + set.SetEquals(new int[] { 5 }));
        var words = new HashSet<string> { "a", null, "b" };
        Console.WriteLine(words.Contains(null) + " " + words.Add(null) + " " + words.Count);
        int[] dest = new int[6];
        set.CopyTo(dest, 1);
        Console.WriteLine(string.Join(" ", dest));

        var q = new Queue<string>();
        for (int i = 0; i < 6; i++) q.Enqueue("q" + i);
        Console.WriteLine(q.Dequeue() + " " + q.Dequeue() + " " + q.Peek() + " " + q.Count);
        for (int i = 6; i < 12; i++) q.Enqueue("q" + i);
        Show(q);
        Console.WriteLine(q.Contains("q7") + " " + q.Contains("q0") + " " + string.Join(",", q.ToArray()));
        while (q.TryDequeue(out string s)) Console.Write(s.Length);
        Console.WriteLine();
        Console.WriteLine(q.TryPeek(out string none) + " " + (none == null));
        var qi = new Queue<int>(new int[] { 3, 1, 4 });
        qi.Enqueue(1);
        Show(qi);

        var st = new Stack<int>();
        for (int i = 0; i < 10; i++) st.Push(i * i);
        Console.WriteLine(st.Pop() + " " + st.Peek() + " " + st.Count + " " + st.Contains(16) + " " + st.Contains(15));
        Show(st);
        Console.WriteLine(string.Join(",", st.ToArray()));
        while (st.TryPop(out int top)) if (top > 40) Console.Write(top + ";");
        Console.WriteLine();
        var fromList = new Stack<char>(new List<char> { 'x', 'y', 'z' });
        Show(fromList);

        try { q.Dequeue(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { q.Peek(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { st.Pop(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { st.Peek(); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { foreach (int x in qi) qi.Enqueue(x); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { foreach (char c in fromList) fromList.Push(c); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { foreach (int x in other) other.Add(x + 1); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        try { new Queue<int>(-2); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { new Stack<int>(-3); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { new HashSet<int>(-4); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        return set.Count;
    }
}
