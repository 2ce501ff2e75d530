// An exception from a static constructor reaches the first access wrapped in TypeInitializationException.
using System;
static class Config {
  public static readonly int Value = Compute();
  static int Compute() { Console.WriteLine("computing"); throw new InvalidOperationException("no config"); }
}
static class Program {
  static int Main() {
    try { Console.WriteLine(Config.Value); }
    catch (TypeInitializationException e) { Console.WriteLine(e.Message); Console.WriteLine(e.InnerException.Message); Console.WriteLine(e.TypeName); }
    return 3;
  }
}
