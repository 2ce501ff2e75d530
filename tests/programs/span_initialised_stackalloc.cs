// stackalloc with an initialiser list, spans over array initialisers and a static ReadOnlySpan property.
using System;
static class Program {
  static ReadOnlySpan<int> Table => new int[] { 10, 20, 30, 40 };
  static int Main() {
    Span<int> s = stackalloc int[] { 1, 2, 3 };
    ReadOnlySpan<long> r = new long[] { 5, 6 };
    int t = 0; foreach (var x in s) t += x; foreach (var y in r) t += (int)y; foreach (var z in Table) t += z;
    Console.WriteLine(t);
    return t & 0xFF;
  }
}
