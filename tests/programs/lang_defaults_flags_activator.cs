// Default interface methods, new T() through Activator, Enum.HasFlag, boxed enum Equals, object.Equals(a, b).
using System;
[Flags] enum Perm { Read = 1, Write = 2 }
enum Color { Red, Green }
interface IGreeter { string Name { get; } string Greet() => "hello " + Name; }
class G : IGreeter { public string Name => "bob"; }
class H : IGreeter { public string Name => "ann"; public string Greet() => "hi " + Name; }
class Item { public int V = 7; }
struct P { public int X; }
static class Program {
  static T Make<T>() where T : new() => new T();
  static int Main() {
    Console.WriteLine((Perm.Read | Perm.Write).HasFlag(Perm.Write)); Console.WriteLine(Perm.Read.HasFlag(Perm.Write));
    Console.WriteLine(object.Equals(null, null)); Console.WriteLine(object.Equals("a", null));
    object e = Color.Green; Console.WriteLine(e.Equals(Color.Green)); Console.WriteLine(e.Equals(Color.Red)); Console.WriteLine(e.Equals(1));
    IGreeter g = new G(); Console.WriteLine(g.Greet()); IGreeter h = new H(); Console.WriteLine(h.Greet());
    Console.WriteLine(Make<Item>().V); Console.WriteLine(Make<P>().X);
    return 0;
  }
}
