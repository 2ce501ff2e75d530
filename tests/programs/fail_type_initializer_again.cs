// A static constructor that failed fails again on every later access to its type, with the same
// TypeInitializationException object (and inner exception); the last access goes unhandled.
using System;
static class Config {
  public static readonly int Value = Compute();
  public static int Other = 5;
  static int Compute() { Console.WriteLine("computing"); throw new InvalidOperationException("no config"); }
}
static class Program {
  static int Main() {
    TypeInitializationException? first = null;
    try { Console.WriteLine(Config.Value); }
    catch (TypeInitializationException e) { first = e; Console.WriteLine(e.Message + " | " + e.InnerException!.Message); }
    try { Console.WriteLine(Config.Other); }
    catch (TypeInitializationException e) { Console.WriteLine("again: " + e.Message + " | " + e.InnerException!.Message + " same " + ReferenceEquals(e, first) + " inner same " + ReferenceEquals(e.InnerException, first!.InnerException)); }
    Console.WriteLine(Config.Value);
    return 3;
  }
}
