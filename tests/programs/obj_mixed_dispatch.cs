using System;
abstract class Shape { public abstract double Area(); public virtual string Name() => "shape"; }
class Circle : Shape { double r; public Circle(double r) { this.r = r; } public override double Area() => 3.0 * r * r; public override string Name() => "circle"; }
class Square : Shape { double s; public Square(double s) { this.s = s; } public override double Area() => s * s; }
interface ICounter { int Next(); int Count { get; } }
class Counter : ICounter { int n; public int Next() => ++n; public int Count => n; }
struct Pt : ICounter { public int X; public int Next() => ++X; public int Count => X; public override string ToString() => "Pt(" + X + ")"; }
static class Program {
  static int Use(ICounter c) { c.Next(); c.Next(); return c.Count; }
  static int Main() {
    Shape[] shapes = { new Circle(2), new Square(3) };
    double total = 0;
    foreach (var s in shapes) { total += s.Area(); Console.WriteLine(s.Name()); }
    Console.WriteLine(total);
    Console.WriteLine(Use(new Counter()));
    object o = new Pt { X = 5 };
    Console.WriteLine(Use((ICounter)o));
    Console.WriteLine(o.ToString());
    Console.WriteLine(o is Pt);
    Console.WriteLine(o is Counter);
    Pt p = (Pt)o; Console.WriteLine(p.X);
    object boxed = 42; Console.WriteLine((int)boxed + 1);
    Func<int, int> sq = x => x * x; Console.WriteLine(sq(7));
    int k = 3; Func<int, int> add = x => x + k; Console.WriteLine(add(4));
    Shape sh = shapes[1]; Circle c = sh as Circle; Console.WriteLine(c == null);
    return 0;
  }
}
