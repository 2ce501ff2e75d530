// new string(...) from arrays, ranges, a repeated char, pointers and spans, and its argument checks.
using System;
static unsafe class Program {
  static int Main() {
    char[] cs = { 'h', 'e', 'l', 'l', 'o' };
    Console.WriteLine(new string(cs)); Console.WriteLine(new string(cs, 1, 3)); Console.WriteLine(new string('*', 5) + "|");
    fixed (char* p = cs) Console.WriteLine(new string(p, 2, 2));
    ReadOnlySpan<char> span = cs; Console.WriteLine(new string(span.Slice(3)));
    Console.WriteLine(new string('x', 0).Length);
    try { Console.WriteLine(new string('x', -1)); } catch (ArgumentOutOfRangeException e) { Console.WriteLine("out of range: " + e.ParamName); }
    return 0;
  }
}
