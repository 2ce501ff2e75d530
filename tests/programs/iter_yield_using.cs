// Iterators (yield return, yield inside try/finally, early break disposing the iterator), using
// statements and declarations, and an enumerator driven by hand.
using System;
using System.Collections.Generic;
class Res : IDisposable { string n; public Res(string n) { this.n = n; Console.WriteLine("open " + n); } public void Dispose() => Console.WriteLine("close " + n); }
static class Program {
  static IEnumerable<int> Range(int from, int count) { for (int i = 0; i < count; i++) yield return from + i; }
  static IEnumerable<string> Words() { yield return "a"; try { yield return "b"; } finally { Console.WriteLine("words done"); } yield return "c"; }
  static int Main() {
    int s = 0;
    foreach (var x in Range(3, 5)) s += x;
    Console.WriteLine(s);
    foreach (var w in Words()) { Console.WriteLine(w); if (w == "b") break; }
    using (var r = new Res("one")) { Console.WriteLine("inside"); }
    using var r2 = new Res("two");
    IEnumerator<int> e = Range(10, 2).GetEnumerator();
    while (e.MoveNext()) Console.WriteLine(e.Current);
    return s;
  }
}
