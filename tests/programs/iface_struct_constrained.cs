// A struct implementing interfaces: called through a constrained generic (no boxing, mutations
// stick), through the interface (boxed copy, mutations go to the box), and the difference printed.
using System;

interface ICounter { void Inc(); int Value { get; } }
interface IShape { double Area(); string Name { get; } }

struct Counter : ICounter { int v; public void Inc() => v++; public int Value => v; }
struct Sq : IShape { public double S; public double Area() => S * S; public string Name => "square " + S; }
class Circ : IShape { public double R; public double Area() => 3 * R * R; public string Name => "circle " + R; }

static class Program
{
    static void IncTwice<T>(ref T c) where T : ICounter { c.Inc(); c.Inc(); }
    static int Peek<T>(T c) where T : ICounter => c.Value;
    static double Total<T>(T[] shapes) where T : IShape { double t = 0; foreach (var s in shapes) t += s.Area(); return t; }
    static string Largest(IShape[] shapes) { IShape best = shapes[0]; foreach (var s in shapes) if (s.Area() > best.Area()) best = s; return best.Name; }

    static int Main()
    {
        var c = new Counter();
        IncTwice(ref c);
        Console.WriteLine("after constrained ref: " + c.Value);
        ICounter boxed = c;
        boxed.Inc(); boxed.Inc(); boxed.Inc();
        Console.WriteLine("box " + boxed.Value + " original " + c.Value);
        Counter copy = (Counter)boxed;
        copy.Inc();
        Console.WriteLine("unboxed copy " + copy.Value + " box " + boxed.Value + " peek " + Peek(copy));
        var squares = new[] { new Sq { S = 1.5 }, new Sq { S = 2 } };
        Console.WriteLine("squares " + Total(squares));
        IShape[] mixed = { squares[0], new Circ { R = 1 }, squares[1], new Circ { R = 0.5 } };
        Console.WriteLine("mixed " + Total(mixed) + " largest " + Largest(mixed));
        return c.Value * 10 + boxed.Value;
    }
}
