// LINQ ordering, grouping, joining and set operators: OrderBy/OrderByDescending/ThenBy/ThenByDescending
// (stable on ties, custom IComparer, key selectors run once per element and level, First/Last
// without a full sort), Order/OrderDescending, GroupBy (key order of first appearance, element and
// result selectors, custom comparer, null keys), ToLookup, Join, GroupJoin, Distinct(By), Union(By),
// Intersect(By), Except(By), Zip, SequenceEqual, ToDictionary/ToHashSet.
using System;
using System.Collections.Generic;
using System.Linq;

sealed class Person
{
    public string Name;
    public int Age;
    public string City;
    public Person(string name, int age, string city) { Name = name; Age = age; City = city; }
    public override string ToString() => Name + "(" + Age + ")";
}

sealed class ByLength : IComparer<string>
{
    public int Compare(string x, string y) => x.Length - y.Length;
}

sealed class CaseInsensitive : IEqualityComparer<string>
{
    public bool Equals(string x, string y) => string.Equals(x, y, StringComparison.OrdinalIgnoreCase);
    public int GetHashCode(string s) => s.ToUpperInvariant().GetHashCode();
}

static class Program
{
    static void Show<T>(string name, IEnumerable<T> seq) => Console.WriteLine(name + ": " + string.Join(", ", seq));

    static int Main()
    {
        var people = new List<Person>
        {
            new Person("Ann", 31, "Oslo"), new Person("Bob", 25, "Rome"), new Person("Cid", 31, "Lima"),
            new Person("Dee", 25, "Oslo"), new Person("Eve", 40, "Rome"), new Person("Fay", 31, "Oslo"),
            new Person("Gus", 19, "Lima"), new Person("Hal", 40, "Oslo"),
        };

        Show("by age (stable)", people.OrderBy(p => p.Age));
        Show("by age desc (stable)", people.OrderByDescending(p => p.Age));
        Show("city then age desc", people.OrderBy(p => p.City).ThenByDescending(p => p.Age).Select(p => p.City + ":" + p.Name));
        Show("age then name desc", people.OrderBy(p => p.Age).ThenByDescending(p => p.Name));
        string[] words = { "pear", "fig", "banana", "kiwi", "apple", "date", "plum" };
        Show("by length comparer", words.OrderBy(w => w, new ByLength()));
        Show("by length desc then text", words.OrderByDescending(w => w, new ByLength()).ThenBy(w => w));
        Show("order", words.Order());
        Show("order desc", new[] { 3, 1, 4, 1, 5, 9, 2, 6 }.OrderDescending());
        Show("order chars", "hello world".Where(c => c != ' ').Order());

        int keyCalls = 0;
        var sorted = people.OrderBy(p => { keyCalls++; return p.Age; }).ThenBy(p => { keyCalls += 100; return p.Name; });
        Console.WriteLine("before " + keyCalls);
        Show("sorted", sorted);
        Console.WriteLine("after " + keyCalls + " count " + sorted.Count() + " " + keyCalls);
        Console.WriteLine("first " + sorted.First() + " last " + sorted.Last() + " at3 " + sorted.ElementAt(3) + " " + keyCalls);
        var trace = new List<string>();
        var youngestThenName = people.OrderBy(p => { trace.Add("a" + p.Age); return p.Age; }).ThenByDescending(p => { trace.Add(p.Name); return p.Name; });
        Console.WriteLine(youngestThenName.First() + " " + youngestThenName.Last() + " | " + string.Join(" ", trace));

        foreach (var g in people.GroupBy(p => p.City))
            Console.WriteLine(g.Key + ": " + string.Join(" ", g) + " (" + g.Count() + ")");
        Show("groups with elements", people.GroupBy(p => p.Age, p => p.Name).Select(g => g.Key + "=" + string.Join("+", g)));
        Show("groups with result", people.GroupBy(p => p.City, (city, ps) => city + " avg " + ps.Average(p => p.Age)));
        Show("groups elem+result", people.GroupBy(p => p.Age / 10, p => p.Age, (k, ages) => k + "0s:" + ages.Sum()));
        Show("case-insensitive", new[] { "a", "B", "A", "b", "c" }.GroupBy(s => s, new CaseInsensitive()).Select(g => g.Key + g.Count()));
        Show("null keys", new[] { "x", null, "y", null }.GroupBy(s => s).Select(g => (g.Key ?? "null") + g.Count()));

        ILookup<string, string> lookup = people.ToLookup(p => p.City, p => p.Name);
        Console.WriteLine(lookup.Count + " " + string.Join(",", lookup["Oslo"]) + " [" + string.Join(",", lookup["Paris"]) + "] " + lookup.Contains("Lima") + " " + lookup.Contains("Paris"));
        foreach (IGrouping<string, string> g in lookup) Console.Write(g.Key + "=" + g.Count() + " ");
        Console.WriteLine();

        var cities = new[] { ("Oslo", "Norway"), ("Rome", "Italy"), ("Paris", "France"), ("Oslo", "Norge") };
        Show("join", people.Join(cities, p => p.City, c => c.Item1, (p, c) => p.Name + "@" + c.Item2));
        Show("groupjoin", cities.GroupJoin(people, c => c.Item1, p => p.City, (c, ps) => c.Item1 + ":" + ps.Count()));
        Show("left join", people.Take(4).GroupJoin(cities, p => p.City, c => c.Item1, (p, cs) => new { p, cs })
            .SelectMany(x => x.cs.DefaultIfEmpty(("?", "none")), (x, c) => x.p.Name + "-" + c.Item2));
        var query = from p in people
                    where p.Age > 20
                    join c in cities on p.City equals c.Item1
                    orderby c.Item2, p.Name descending
                    select p.Name + "/" + c.Item2;
        Show("query syntax", query);
        var grouped = from p in people group p.Name by p.City into g orderby g.Count() descending, g.Key select g.Key + g.Count();
        Show("query group", grouped);

        int[] a = { 5, 1, 5, 2, 3, 2, 8 };
        int[] b = { 2, 9, 5, 9, 7 };
        Show("distinct", a.Distinct());
        Show("union", a.Union(b));
        Show("intersect", a.Intersect(b));
        Show("except", a.Except(b));
        Show("distinctBy", people.DistinctBy(p => p.Age));
        Show("unionBy", people.Take(2).UnionBy(people.Skip(6), p => p.City));
        Show("intersectBy", people.IntersectBy(new[] { 40, 19 }, p => p.Age));
        Show("exceptBy", people.ExceptBy(new[] { "Oslo" }, p => p.City));
        Show("distinct ci", new[] { "Hi", "hi", "HI", "yo" }.Distinct(new CaseInsensitive()));
        Show("zip", a.Zip(b, (x, y) => x * y));
        Show("zip tuples", words.Zip(a));
        Show("zip3", a.Zip(b, words));
        Console.WriteLine(a.SequenceEqual(new List<int> { 5, 1, 5, 2, 3, 2, 8 }) + " " + a.SequenceEqual(b) + " " + a.Take(2).SequenceEqual(new[] { 5, 1 }));

        Dictionary<string, int> ages = people.ToDictionary(p => p.Name, p => p.Age);
        Console.WriteLine(ages.Count + " " + ages["Eve"] + " " + string.Join(",", ages.Keys));
        Dictionary<int, Person> byLen = words.Select((w, i) => new Person(w, i, "")).ToDictionary(p => p.Age);
        Console.WriteLine(byLen[2].Name);
        HashSet<int> set = a.ToHashSet();
        Console.WriteLine(set.Count + " " + string.Join(",", set));
        Console.WriteLine(string.Join(",", cities.ToDictionary(c => c.Item2, c => c.Item1).Where(kv => kv.Value == "Oslo").Select(kv => kv.Key)));
        return keyCalls % 251;
    }
}
