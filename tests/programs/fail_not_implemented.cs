// A virtual method left unimplemented in one subclass: NotImplementedException (with .NET's default
// message) escapes after the implemented shapes printed their areas.
using System;
abstract class Shape { public abstract double Area(); }
class Sq : Shape { double s; public Sq(double s) { this.s = s; } public override double Area() => s * s; }
class Blob : Shape { public override double Area() => throw new NotImplementedException(); }
static class Program
{
    static int Main()
    {
        Shape[] shapes = { new Sq(2), new Sq(1.5), new Blob(), new Sq(3) };
        double total = 0;
        foreach (var s in shapes) { total += s.Area(); Console.WriteLine("area so far " + total); }
        return (int)total;
    }
}
