// Catch clauses over a generic type parameter (catch (T e) where T : Exception) instantiated with custom,
// BCL and base exception types, falling through to a general handler when T does not match, and a
// generic factory producing the exception to throw.
using System;
class MyErr : Exception { public MyErr(string m) : base(m) { } }
static class Program {
  static string Try<T>(Action a) where T : Exception {
    try { a(); return "none"; } catch (T e) { return "caught " + e.Message; } catch (Exception e) { return "other " + e.Message; }
  }
  static T Make<T>(Func<T> f) where T : Exception => f();
  static int Main() {
    Console.WriteLine(Try<MyErr>(() => throw new MyErr("mine")));
    Console.WriteLine(Try<MyErr>(() => throw new InvalidOperationException("ioe")));
    Console.WriteLine(Try<InvalidOperationException>(() => throw new InvalidOperationException("ioe2")));
    Console.WriteLine(Try<ArithmeticException>(() => { int z = 0; Console.WriteLine(1 / z); }));
    Console.WriteLine(Try<Exception>(() => { }));
    try { throw Make(() => new MyErr("made")); } catch (MyErr e) { Console.WriteLine(e.Message); }
    int hits = 0; for (int i = 0; i < 6; i++) if (Try<ArgumentException>(() => { if (i % 2 == 0) throw new ArgumentOutOfRangeException("i"); throw new FormatException("f"); }).Substring(0, 6) == "caught") hits++;
    Console.WriteLine("hits " + hits);
    return hits;
  }
}
