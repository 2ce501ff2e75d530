// SortedSet<T> and SortedDictionary<TKey,TValue>: order under the default and custom comparers,
// Add/Remove/Contains, Min/Max, Reverse, GetViewBetween (live views, bounds checks), set operations,
// RemoveWhere, CopyTo, TryGetValue, Keys/Values, enumeration after modification, the failure
// messages, and a pseudo-random stress run checked against a sorted List.
#nullable disable
using System;
using System.Collections.Generic;
using System.Linq;

static class Program
{
    static int failures;

    static void Try(string label, Action f)
    {
        try { f(); Console.WriteLine(label + " ok"); }
        catch (Exception e) { failures++; Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message); }
    }

    static string Show<T>(IEnumerable<T> items) => "[" + string.Join(",", items) + "]";

    static int Main()
    {
        var set = new SortedSet<int> { 5, 3, 9, 1, 7, 3 };
        Console.WriteLine(Show(set) + " count " + set.Count + " min " + set.Min + " max " + set.Max);
        Console.WriteLine(set.Add(4) + " " + set.Add(4) + " " + set.Remove(9) + " " + set.Remove(10) + " " + set.Contains(7) + " " + set.Contains(8) + " " + Show(set));
        Console.WriteLine("reverse " + Show(set.Reverse()));
        var empty = new SortedSet<string>();
        Console.WriteLine("empty min " + (empty.Min == null) + " max " + (empty.Max == null) + " count " + empty.Count + " " + Show(new SortedSet<int>()) + " " + new SortedSet<int>().Min);

        var desc = new SortedSet<string>(new[] { "pear", "Apple", "fig", "banana", "apple" }, Comparer<string>.Create((a, b) => string.CompareOrdinal(b, a)));
        Console.WriteLine("desc " + Show(desc) + " " + desc.Min + " " + desc.Max);
        var ci = new SortedSet<string>(new[] { "pear", "Apple", "fig", "banana", "apple", "FIG" }, StringComparer.OrdinalIgnoreCase);
        Console.WriteLine("ci " + Show(ci) + " " + ci.Contains("PEAR") + " " + ci.TryGetValue("APPLE", out string actual) + " " + actual + " " + ci.TryGetValue("kiwi", out string none) + " " + (none == null));
        var withNull = new SortedSet<string> { "b", null, "a" };
        Console.WriteLine("null " + withNull.Count + " " + (withNull.Min == null) + " " + withNull.Max + " " + withNull.Contains(null));

        var big = new SortedSet<int>(Enumerable.Range(0, 50).Select(i => i * 3));
        var view = big.GetViewBetween(10, 40);
        Console.WriteLine("view " + Show(view) + " count " + view.Count + " min " + view.Min + " max " + view.Max + " " + view.Contains(12) + " " + view.Contains(45));
        big.Add(11); big.Remove(12); big.Add(100);
        Console.WriteLine("live " + Show(view) + " count " + view.Count);
        Console.WriteLine(view.Add(20) + " " + view.Remove(21) + " " + view.Remove(99) + " " + Show(big.Where(x => x < 45)));
        var inner = view.GetViewBetween(15, 30);
        Console.WriteLine("inner " + Show(inner) + " reverse " + Show(inner.Reverse()));
        Try("view add out of range", () => view.Add(41));
        Try("view of view out of range", () => view.GetViewBetween(5, 30));
        Try("view bad bounds", () => big.GetViewBetween(40, 10));
        view.Clear();
        Console.WriteLine("cleared view " + view.Count + " big " + Show(big));
        var emptyView = big.GetViewBetween(1000, 2000);
        Console.WriteLine("empty view " + emptyView.Count + " " + emptyView.Min + " " + emptyView.Max + " " + Show(emptyView));

        var a = new SortedSet<int> { 1, 2, 3, 4, 5 };
        var b = new[] { 4, 5, 6, 7, 5 };
        var u = new SortedSet<int>(a); u.UnionWith(b);
        var n = new SortedSet<int>(a); n.IntersectWith(b);
        var x = new SortedSet<int>(a); x.ExceptWith(b);
        var s = new SortedSet<int>(a); s.SymmetricExceptWith(b);
        Console.WriteLine("ops " + Show(u) + " " + Show(n) + " " + Show(x) + " " + Show(s));
        Console.WriteLine("preds " + a.IsSubsetOf(u) + " " + a.IsProperSubsetOf(u) + " " + u.IsSupersetOf(a) + " " + u.IsProperSupersetOf(u) + " " + a.Overlaps(b) + " " + x.Overlaps(b)
            + " " + a.SetEquals(new[] { 5, 4, 3, 2, 1, 1 }) + " " + a.SetEquals(b) + " " + new SortedSet<int>().IsSubsetOf(b) + " " + a.IsSubsetOf(a) + " " + a.IsProperSubsetOf(a));
        Console.WriteLine("removewhere " + u.RemoveWhere(v => v % 2 == 0) + " " + Show(u));
        int[] arr = new int[8];
        a.CopyTo(arr); a.CopyTo(arr, 5, 2);
        Console.WriteLine("copyto " + Show(arr));
        Try("copyto short", () => a.CopyTo(new int[3]));
        Try("copyto index", () => a.CopyTo(arr, -1));
        Try("copyto count", () => a.CopyTo(arr, 0, -1));
        Try("copyto null", () => a.CopyTo(null));
        Try("modify during enumeration", () => { foreach (int v in a) if (v == 2) a.Add(10); });
        Try("remove during enumeration", () => { foreach (int v in a) if (v == 3) a.Remove(4); });
        Try("union null", () => a.UnionWith(null));
        Try("ctor null", () => new SortedSet<int>((IEnumerable<int>)null));
        Try("no comparer", () => new SortedSet<object> { new object(), new object() });
        Console.WriteLine("comparer " + (new SortedSet<int>().Comparer == Comparer<int>.Default) + " " + (ci.Comparer == StringComparer.OrdinalIgnoreCase));
        a.Clear();
        Console.WriteLine("after clear " + a.Count + " " + Show(a));

        var dict = new SortedDictionary<string, int> { ["delta"] = 4, ["alpha"] = 1, ["charlie"] = 3 };
        dict.Add("bravo", 2);
        dict["echo"] = 5;
        dict["alpha"] = 10;
        Console.WriteLine("dict " + Show(dict) + " count " + dict.Count);
        Console.WriteLine("keys " + Show(dict.Keys) + " values " + Show(dict.Values) + " " + dict.Keys.Count + " " + dict.Values.Count);
        Console.WriteLine(dict.ContainsKey("bravo") + " " + dict.ContainsKey("zulu") + " " + dict.ContainsValue(3) + " " + dict.ContainsValue(1) + " " + dict.TryGetValue("charlie", out int cv) + " " + cv + " " + dict.TryGetValue("zulu", out int zv) + " " + zv);
        Console.WriteLine(dict.Remove("charlie") + " " + dict.Remove("charlie") + " " + Show(dict));
        foreach (var kv in dict) Console.Write(kv.Key + "=" + kv.Value + ";");
        Console.WriteLine();
        Try("dup", () => dict.Add("bravo", 0));
        Try("missing", () => Console.WriteLine(dict["zulu"]));
        Try("null key", () => dict.Add(null, 1));
        Try("null lookup", () => dict.ContainsKey(null));
        Try("null get", () => Console.WriteLine(dict[null]));
        Try("null remove", () => dict.Remove(null));
        Try("modify dict during enumeration", () => { foreach (var kv in dict) dict["zz" + kv.Key] = 0; });
        Try("set existing during enumeration", () => { foreach (var kv in dict) dict[kv.Key] = kv.Value + 1; });
        Try("keys add", () => ((ICollection<string>)dict.Keys).Add("q"));
        Console.WriteLine("dict now " + Show(dict));
        var kArr = new string[dict.Count]; dict.Keys.CopyTo(kArr, 0);
        var vArr = new int[dict.Count + 1]; dict.Values.CopyTo(vArr, 1);
        var pArr = new KeyValuePair<string, int>[dict.Count]; ((ICollection<KeyValuePair<string, int>>)dict).CopyTo(pArr, 0);
        Console.WriteLine(Show(kArr) + " " + Show(vArr) + " " + Show(pArr));
        var byLen = new SortedDictionary<string, string>(Comparer<string>.Create((p, q) => p.Length.CompareTo(q.Length)));
        foreach (var w in new[] { "ccc", "a", "bb", "dd", "eeee" }) byLen[w] = w.ToUpper();
        Console.WriteLine("bylen " + Show(byLen) + " " + byLen.ContainsKey("zz"));
        var copy = new SortedDictionary<int, string>(new Dictionary<int, string> { [3] = "c", [1] = "a", [2] = "b" });
        Console.WriteLine("copy " + Show(copy) + " first " + copy.First().Key + " last " + copy.Last().Value);
        IDictionary<int, string> idict = copy;
        idict.Add(new KeyValuePair<int, string>(0, "z"));
        Console.WriteLine("idict " + Show(idict.Keys) + " " + Show(idict.Values) + " " + idict.Contains(new KeyValuePair<int, string>(1, "a")) + " " + idict.Contains(new KeyValuePair<int, string>(1, "b"))
            + " " + idict.Remove(new KeyValuePair<int, string>(2, "x")) + " " + idict.Remove(new KeyValuePair<int, string>(2, "b")) + " " + Show(idict));
        IReadOnlyDictionary<int, string> ro = copy;
        Console.WriteLine("ro " + ro.Count + " " + Show(ro.Keys) + " " + ro[3]);
        dict.Clear();
        Console.WriteLine("cleared " + dict.Count + " " + Show(dict));

        // Stress: random inserts and removes, checked against a sorted list after every step batch.
        var tree = new SortedSet<int>();
        var map = new SortedDictionary<int, int>();
        var reference = new List<int>();
        long checksum = 0;
        uint st = 12345;
        for (int i = 0; i < 20000; i++)
        {
            st = st * 1664525 + 1013904223;
            int v = (int)(st >> 20) % 2000;
            bool add = (st & 0x300) != 0;
            int idx = reference.BinarySearch(v);
            if (add)
            {
                bool added = tree.Add(v);
                if (added != idx < 0) failures++;
                if (idx < 0) reference.Insert(~idx, v);
                map[v] = i;
            }
            else
            {
                bool removed = tree.Remove(v);
                if (removed != idx >= 0) failures++;
                if (idx >= 0) reference.RemoveAt(idx);
                if (map.Remove(v) != removed) failures++;
            }
            if (i % 997 == 0)
            {
                if (!tree.SequenceEqual(reference) || !map.Keys.SequenceEqual(reference) || tree.Count != reference.Count) failures++;
                if (reference.Count > 0 && (tree.Min != reference[0] || tree.Max != reference[reference.Count - 1])) failures++;
                var w = tree.GetViewBetween(500, 1500);
                if (w.Count != reference.Count(r => r >= 500 && r <= 1500)) failures++;
                checksum = checksum * 31 + tree.Count + w.Count + w.Min + w.Max;
            }
        }
        foreach (var kv in map) checksum = checksum * 7 + kv.Key * 3 + kv.Value;
        // Ascending and descending runs: an unbalanced tree would take quadratic time here.
        var run = new SortedSet<int>();
        for (int i = 0; i < 100000; i++) run.Add(i);
        for (int i = 0; i < 100000; i += 2) run.Remove(i);
        for (int i = 200000; i > 100000; i--) run.Add(i);
        Console.WriteLine("runs " + run.Count + " " + run.Min + " " + run.Max + " " + run.GetViewBetween(99990, 100010).Count);
        Console.WriteLine("stress " + tree.Count + " checksum " + checksum + " failures " + failures);
        return failures & 0xFF;
    }
}
