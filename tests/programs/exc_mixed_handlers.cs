using System;
class MyError : Exception { public int Code; public MyError(string m, int code) : base(m) { Code = code; } }
static class Program {
  static int depth;
  static int Thrower(int x) { if (x > 2) throw new MyError("too big: " + x, x); return x * 10; }
  static int Guarded(int x) {
    try { return Thrower(x); }
    catch (MyError e) when (e.Code == 3) { Console.WriteLine("filtered " + e.Message); return -3; }
    catch (MyError e) { Console.WriteLine("caught " + e.Message); return -1; }
    finally { depth++; }
  }
  static void Nested() {
    try {
      try { int[] a = new int[2]; a[5] = 1; }
      finally { Console.WriteLine("inner finally"); }
    } catch (IndexOutOfRangeException e) { Console.WriteLine("outer caught: " + e.Message); }
  }
  static int Div(int a, int b) => a / b;
  static int Main() {
    Console.WriteLine(Guarded(1));
    Console.WriteLine(Guarded(3));
    Console.WriteLine(Guarded(4));
    Console.WriteLine(depth);
    Nested();
    try { Div(1, 0); } catch (DivideByZeroException e) { Console.WriteLine(e.Message); }
    try { object o = "s"; var x = (MyError)o; } catch (InvalidCastException e) { Console.WriteLine(e.Message); }
    try { string s = null; Console.WriteLine(s.Length); } catch (NullReferenceException e) { Console.WriteLine(e.Message); }
    try { checked { int m = int.MaxValue; m++; Console.WriteLine(m); } } catch (OverflowException e) { Console.WriteLine(e.Message); }
    try { try { throw new InvalidOperationException("first"); } catch (Exception e) { Console.WriteLine("rethrowing " + e.Message); throw; } }
    catch (InvalidOperationException e) { Console.WriteLine("got " + e.Message); }
    for (int i = 0; i < 3; i++) { try { if (i == 1) continue; Console.WriteLine("loop " + i); } finally { Console.WriteLine("fin " + i); } }
    throw new MyError("unhandled boom", 9);
  }
}
