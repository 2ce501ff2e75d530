// Collections built from iterators and interfaces: List/HashSet/Queue/Stack/Dictionary constructors
// over IEnumerable<T> produced by yield, AddRange, string.Join/Concat of sequences, ICollection<T>
// and IReadOnlyCollection<T> views, and the non-generic IEnumerator.
using System;
using System.Collections;
using System.Collections.Generic;

static class Program
{
    static IEnumerable<int> Evens(int n) { for (int i = 0; i < n; i++) yield return 2 * i; }
    static IEnumerable<string> Words() { yield return "alpha"; yield return "beta"; yield return "alpha"; yield return "gamma"; }

    static int Sum(IEnumerable<int> seq) { int s = 0; foreach (int x in seq) s += x; return s; }

    static int Main()
    {
        var list = new List<int>(Evens(5));
        list.AddRange(Evens(3));
        list.InsertRange(2, new List<int> { -1, -2 });
        Console.WriteLine(string.Join(",", list) + " " + list.Capacity);
        var set = new HashSet<string>(Words());
        Console.WriteLine(set.Count + " " + string.Join("+", set) + " " + string.Concat(Words()));
        var queue = new Queue<string>(Words());
        var stack = new Stack<int>(Evens(4));
        Console.WriteLine(queue.Peek() + " " + stack.Peek() + " " + Sum(stack) + " " + Sum(list) + " " + Sum(new HashSet<int>(list)));
        var dict = new Dictionary<string, int>();
        foreach (string w in Words()) dict[w] = dict.TryGetValue(w, out int c) ? c + 1 : 1;
        var copy = new Dictionary<string, int>(dict);
        ICollection<KeyValuePair<string, int>> pairs = copy;
        Console.WriteLine(pairs.Count + " " + pairs.Contains(new KeyValuePair<string, int>("alpha", 2)) + " " + pairs.Remove(new KeyValuePair<string, int>("beta", 9)) + " " + copy.Count);
        IReadOnlyCollection<int> ro = list;
        ICollection<int> coll = list;
        coll.Add(100);
        Console.WriteLine(ro.Count + " " + coll.Contains(100) + " " + coll.Remove(-1) + " " + ro.Count);
        var keys = new string[dict.Count];
        dict.Keys.CopyTo(keys, 0);
        var values = new int[dict.Count + 1];
        dict.Values.CopyTo(values, 1);
        Console.WriteLine(string.Join("/", keys) + " " + string.Join("/", values));
        IEnumerable nonGeneric = list;
        int count = 0;
        foreach (object o in nonGeneric) if ((int)o > 0) count++;
        IEnumerator<int> e = list.GetEnumerator();
        e.MoveNext();
        Console.WriteLine(count + " " + e.Current);
        var fromSet = new List<string>(set);
        fromSet.Sort();
        Console.WriteLine(string.Join(" ", fromSet) + " " + new List<int>(new Queue<int>(Evens(3))).Count);
        return list.Count;
    }
}
