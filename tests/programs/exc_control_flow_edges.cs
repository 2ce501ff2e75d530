// Exception control flow at the edges: return from catch through finallies, a throw from finally
// replacing the exception in flight, filters with side effects, try/catch inside finally, continue
// out of catch, finally on 50 frames of unwinding, throw null, rethrowing a saved exception.
using System;
static class Program {
  static int trace;
  static void T(int n) { trace = trace * 7 + n; Console.WriteLine("t" + n); }
  static int ReturnFromCatch() {
    try { try { throw new Exception("a"); } catch (Exception) { T(1); return 5; } finally { T(2); } }
    finally { T(3); }
  }
  static void ThrowInFinally() {
    try { try { throw new InvalidOperationException("first"); } finally { T(4); throw new ArgumentException("second"); } }
    catch (Exception e) { T(5); Console.WriteLine(e.Message); }
  }
  static bool Filter(Exception e) { T(6); return e.Message == "match"; }
  static void FilterThrows() {
    try { throw new Exception("match"); }
    catch (Exception e) when (Filter(e)) { T(7); }
  }
  static int NestedInFinally() {
    int r = 0;
    try { r = 1; }
    finally { try { throw new Exception("inner"); } catch (Exception) { r += 10; T(8); } }
    return r;
  }
  static int LoopWithTry() {
    int s = 0;
    for (int i = 0; i < 5; i++) {
      try { if (i % 2 == 0) throw new Exception("even"); s += i; }
      catch (Exception) { s += 100; continue; }
      finally { s += 1000; }
      s += 10000;
    }
    return s;
  }
  static int Deep(int n) { if (n == 0) throw new OverflowException("bottom"); try { return Deep(n - 1); } finally { trace++; } }
  static int Main() {
    Console.WriteLine(ReturnFromCatch());
    ThrowInFinally();
    FilterThrows();
    Console.WriteLine(NestedInFinally());
    Console.WriteLine(LoopWithTry());
    try { Deep(50); } catch (OverflowException e) { Console.WriteLine(e.Message + " " + trace); }
    try { throw null; } catch (NullReferenceException) { Console.WriteLine("throw null"); }
    Exception saved = null;
    try { throw new Exception("kept"); } catch (Exception e) { saved = e; }
    try { throw saved; } catch (Exception e) { Console.WriteLine(ReferenceEquals(e, saved) + " " + e.Message); }
    return (int)(trace & 0xFF);
  }
}
