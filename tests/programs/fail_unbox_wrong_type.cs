// Unboxing must name the exact type: a boxed int unboxed as long throws InvalidCastException after
// the correctly typed values are summed.
using System;
static class Program
{
    static long Sum(object[] items) { long s = 0; foreach (var o in items) { s += (long)o; Console.WriteLine("running sum " + s); } return s; }
    static int Main()
    {
        object[] items = { 10L, 20L, 30L, 40, 50L };
        return (int)Sum(items);
    }
}
