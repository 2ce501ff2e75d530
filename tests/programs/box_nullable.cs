// Nullable<T>: boxing to the value or null, unboxing back, lifted arithmetic, ?? and Value on an empty one.
using System;
static class Program {
  static int? Find(int[] a, int x) { for (int i = 0; i < a.Length; i++) if (a[i] == x) return i; return null; }
  static int Main() {
    int? maybe = 5; object bm = maybe; Console.WriteLine(bm); int? none = null; object bn = none; Console.WriteLine(bn == null);
    int? back = (int?)bm; Console.WriteLine(back.HasValue + " " + back.Value);
    int? back2 = (int?)bn; Console.WriteLine(back2.HasValue);
    Console.WriteLine(bm is int); Console.WriteLine(bm is int?);
    var arr = new[] { 4, 8, 15 };
    Console.WriteLine(Find(arr, 8) ?? -1); Console.WriteLine(Find(arr, 9) ?? -1);
    int? sum = maybe + 3; Console.WriteLine(sum); int? nsum = none + 3; Console.WriteLine(nsum.HasValue);
    try { Console.WriteLine(none.Value); } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
    return sum.GetValueOrDefault();
  }
}
