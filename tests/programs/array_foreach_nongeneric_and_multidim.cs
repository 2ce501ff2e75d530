// foreach over an array as a non-generic IEnumerable, and over a multi-dimensional array.
using System;
using System.Collections;
static class Program {
  static int Main() {
    IEnumerable e = new string[] { "a", "b" };
    foreach (object o in e) Console.WriteLine(o);
    var init = new int[,] { { 1, 2 }, { 3, 4 } };
    int s = 0; foreach (var v in init) s += v; Console.WriteLine(s);
    return s;
  }
}
