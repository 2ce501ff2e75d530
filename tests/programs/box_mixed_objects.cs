// Boxing and unboxing: an object[] of mixed primitives, structs and enums, type patterns on boxes,
// unboxing to the exact type, boxed equality (Equals vs ==), boxed struct copies, ToString of boxes.
using System;

enum Color { Red, Green = 5, Blue }
struct Pt { public int X, Y; public Pt(int x, int y) { X = x; Y = y; } public override string ToString() => "Pt(" + X + "," + Y + ")"; }

static class Program
{
    static string Describe(object o)
    {
        switch (o)
        {
            case null: return "null";
            case int i when i < 0: return "negative int " + i;
            case int i: return "int " + i;
            case long l: return "long " + l;
            case double d: return "double " + d;
            case bool b: return "bool " + b;
            case char c: return "char " + c;
            case Color c: return "color " + c + " (" + (int)c + ")";
            case Pt p: return "point " + p.X + "/" + p.Y;
            case string s: return "string " + s;
            default: return "other " + o;
        }
    }

    static int Main()
    {
        object[] things = { 42, -7, 3L, 2.5, true, 'z', Color.Blue, new Pt(1, 2), "hi", null, (byte)200, 1.5f };
        foreach (var t in things) Console.WriteLine(Describe(t));
        object a = 1000, b = 1000;
        Console.WriteLine((a == b) + " " + a.Equals(b) + " " + a.Equals(1000L) + " " + ReferenceEquals(a, a));
        object p = new Pt(3, 4);
        Pt q = (Pt)p; q.X = 99;
        Console.WriteLine(p + " " + q);
        int sum = 0;
        foreach (var t in things) if (t is int n) sum += n;
        object e = Color.Green;
        Color back = (Color)e;
        int raw = (int)(Color)e;
        Console.WriteLine(back + " " + raw + " " + e.ToString() + " " + e.Equals(Color.Green) + " " + e.Equals(5));
        object u = 7u; object ul = 9UL; object sh = (short)-3;
        Console.WriteLine(u + " " + ul + " " + sh + " " + (uint)u * 2 + " " + things[10] + " " + things[11]);
        return sum + raw;
    }
}
