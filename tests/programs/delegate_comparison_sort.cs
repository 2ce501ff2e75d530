// Comparison<T>, Predicate<T> and Func<> passed into own generic algorithms: a stable merge sort with
// several comparers (including a composed then-by comparer), filtering with predicates, and method
// group conversions of static and instance methods.
using System;

class Person { public string Name; public int Age; public Person(string n, int a) { Name = n; Age = a; } public override string ToString() => Name + "(" + Age + ")"; }

class AgeLimit { public int Limit; public bool Older(Person p) => p.Age > Limit; }

static class Program
{
    static void Sort<T>(T[] a, Comparison<T> cmp)
    {
        if (a.Length < 2) return;
        var l = new T[a.Length / 2]; var r = new T[a.Length - l.Length];
        for (int i = 0; i < l.Length; i++) l[i] = a[i];
        for (int i = 0; i < r.Length; i++) r[i] = a[l.Length + i];
        Sort(l, cmp); Sort(r, cmp);
        int x = 0, y = 0, k = 0;
        while (x < l.Length && y < r.Length) a[k++] = cmp(l[x], r[y]) <= 0 ? l[x++] : r[y++];
        while (x < l.Length) a[k++] = l[x++];
        while (y < r.Length) a[k++] = r[y++];
    }
    static Comparison<T> ThenBy<T>(Comparison<T> first, Comparison<T> second) => (a, b) => { int c = first(a, b); return c != 0 ? c : second(a, b); };
    static int CountIf<T>(T[] a, Predicate<T> p) { int n = 0; foreach (var x in a) if (p(x)) n++; return n; }
    static string Show<T>(T[] a) { string s = ""; foreach (var x in a) s = s + x + " "; return s; }
    static int ByName(Person a, Person b) { int m = Math.Min(a.Name.Length, b.Name.Length); for (int i = 0; i < m; i++) if (a.Name[i] != b.Name[i]) return a.Name[i] - b.Name[i]; return a.Name.Length - b.Name.Length; }

    static int Main()
    {
        var people = new[] { new Person("eve", 31), new Person("bob", 25), new Person("amy", 31), new Person("dan", 19), new Person("cat", 25), new Person("al", 40) };
        Sort(people, (a, b) => a.Age - b.Age);
        Console.WriteLine(Show(people));
        Sort(people, ByName);
        Console.WriteLine(Show(people));
        Sort(people, ThenBy<Person>((a, b) => b.Age - a.Age, ByName));
        Console.WriteLine(Show(people));
        var limit = new AgeLimit { Limit = 24 };
        Predicate<Person> older = limit.Older;
        Console.WriteLine("older than 24: " + CountIf(people, older));
        limit.Limit = 30;
        Console.WriteLine("older than 30: " + CountIf(people, older));
        Console.WriteLine("short names: " + CountIf(people, p => p.Name.Length < 3));
        var nums = new[] { 5, -3, 12, 0, 7, -8, 1 };
        Sort(nums, (a, b) => Math.Abs(a) - Math.Abs(b));
        Console.WriteLine(Show(nums));
        Func<int, int, int> pick = Math.Max;
        int best = nums[0]; foreach (var n in nums) best = pick(best, n);
        Console.WriteLine("max " + best);
        return best + CountIf(nums, n => n < 0);
    }
}
