// Arrays through their generic interfaces (IEnumerable<T>, ICollection<T>, IList<T>, IReadOnlyList<T>),
// as .NET gives every one-dimensional array; fixed size; type tests.
using System;
using System.Collections.Generic;
static class Program {
  static int Count<T>(IEnumerable<T> e) => e is ICollection<T> c ? c.Count : -1;
  static int Sum(IEnumerable<int> items) { int s = 0; foreach (var i in items) s += i; return s; }
  static int Main() {
    int[] a = { 1, 2, 3 };
    Console.WriteLine(Count(a)); Console.WriteLine(Sum(a));
    IList<int> list = a; list[1] = 20; Console.WriteLine(a[1] + " " + list.IndexOf(3) + " " + list.Contains(7));
    IReadOnlyList<string> names = new[] { "x", "y" }; Console.WriteLine(names[1] + names.Count);
    try { list.Add(4); } catch (NotSupportedException e) { Console.WriteLine(e.Message); }
    object o = a; Console.WriteLine(o is IEnumerable<int>); Console.WriteLine(o is IList<long>);
    return Sum(a);
  }
}
