// Structs without Equals/GetHashCode: .NET compares them field by field (NaN equals NaN, 0.0 equals
// -0.0, references with object.Equals, nested structs); boxed primitives compare by value.
using System;
struct Point { public int X, Y; public Point(int x, int y) { X = x; Y = y; } }
struct Named { public string Name; public double W; public Point P; }
static class Program {
  static int Main() {
    var a = new Point(1, 2); var b = new Point(1, 2); var c = new Point(2, 1);
    Console.WriteLine(a.Equals(b) + " " + a.Equals(c) + " " + a.Equals((object)null) + " " + a.Equals("x"));
    object boxed = a; Console.WriteLine(boxed.Equals(b) + " " + (a.GetHashCode() == b.GetHashCode()));
    var n1 = new Named { Name = "n" + 1, W = double.NaN, P = a }; var n2 = new Named { Name = "n1", W = double.NaN, P = b };
    Console.WriteLine(n1.Equals(n2)); n2.W = 0.0; n1.W = -0.0; Console.WriteLine(n1.Equals(n2)); n2.Name = null; Console.WriteLine(n1.Equals(n2));
    object i1 = 1000, i2 = 1000; Console.WriteLine(i1.Equals(i2)); object d1 = 2.5; Console.WriteLine(d1.Equals(2.5));
    return 0;
  }
}
