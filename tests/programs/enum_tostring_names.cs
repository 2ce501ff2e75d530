// Enum names: plain enums (duplicates, undefined values, unsigned and signed underlying types) and
// [Flags] combinations, printed directly, boxed and in concatenation.
using System;
enum Color { Red, Green = 5, Blue, Crimson = 0 }
enum Big : ulong { Max = ulong.MaxValue, One = 1 }
[Flags] enum Access { None = 0, Read = 1, Write = 2, Exec = 4, ReadWrite = 3 }
enum Level : sbyte { Low = -1, High = 1 }
static class Program {
  static int Main() {
    Console.WriteLine(Color.Red); Console.WriteLine(Color.Blue.ToString()); Console.WriteLine((Color)42);
    object boxed = Color.Green; Console.WriteLine(boxed);
    Console.WriteLine(Big.Max); Console.WriteLine((Big)7);
    Console.WriteLine(Access.Read | Access.Exec); Console.WriteLine(Access.ReadWrite); Console.WriteLine(Access.None); Console.WriteLine((Access)8); Console.WriteLine(Access.Write | Access.Exec | Access.Read);
    Console.WriteLine(Level.Low + " " + (Level)(-5));
    string s = "color " + Color.Blue; Console.WriteLine(s);
    return (int)Color.Blue;
  }
}
