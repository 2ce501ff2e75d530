// EqualityComparer<T>.Default and Comparer<T>.Default over primitives, strings, nulls, a class with
// IEquatable<T>, a struct overriding Equals(object), a class with only reference equality, and
// Comparer<T>.Create.
using System;
using System.Collections.Generic;

sealed class Point : IEquatable<Point>, IComparable<Point>
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public bool Equals(Point other) { Console.Write("[IEquatable]"); return other != null && X == other.X && Y == other.Y; }
    public override bool Equals(object obj) { Console.Write("[object]"); return obj is Point p && X == p.X && Y == p.Y; }
    public override int GetHashCode() => X * 31 + Y;
    public int CompareTo(Point other) => other == null ? 1 : X != other.X ? X.CompareTo(other.X) : Y.CompareTo(other.Y);
}

struct Money
{
    public long Cents;
    public override bool Equals(object obj) => obj is Money m && m.Cents == Cents;
    public override int GetHashCode() => (int)Cents;
}

sealed class Plain { }

sealed class OldStyle : IComparable
{
    public int V;
    public int CompareTo(object obj) => V - ((OldStyle)obj).V;
}

static class Program
{
    static string Eq<T>(T a, T b) => EqualityComparer<T>.Default.Equals(a, b) ? "T" : "F";
    static int Cmp<T>(T a, T b) => Comparer<T>.Default.Compare(a, b);

    static int Main()
    {
        Console.WriteLine(Eq(1, 1) + Eq(1, 2) + Eq(long.MaxValue, long.MaxValue) + Eq(double.NaN, double.NaN) + Eq(0.0, -0.0));
        Console.WriteLine(Eq("a", "a") + Eq("a", "b") + Eq<string>(null, null) + Eq<string>(null, "x") + Eq<string>("x", null));
        Console.WriteLine(Eq(new Point(1, 2), new Point(1, 2)));
        Console.WriteLine(Eq(new Point(1, 2), new Point(2, 1)));
        Console.WriteLine(Eq(new Money { Cents = 5 }, new Money { Cents = 5 }) + Eq(new Money { Cents = 5 }, new Money { Cents = 6 }));
        var p = new Plain();
        Console.WriteLine(Eq(p, p) + Eq(p, new Plain()) + Eq<Plain>(null, p));
        Console.WriteLine(EqualityComparer<int>.Default.GetHashCode(77) + " " + EqualityComparer<string>.Default.GetHashCode(null));
        Console.WriteLine(EqualityComparer<string>.Default.GetHashCode("abc") == "abc".GetHashCode());
        Console.WriteLine(ReferenceEquals(EqualityComparer<int>.Default, EqualityComparer<int>.Default));
        Console.WriteLine(Cmp(1, 2) + " " + Cmp(2, 1) + " " + Cmp(3, 3) + " " + Cmp((short)10, (short)3));
        Console.WriteLine(Math.Sign(Cmp("pear", "apple")) + " " + Cmp<string>(null, "a") + " " + Cmp<string>("a", null) + " " + Cmp<string>(null, null));
        Console.WriteLine(Cmp(new Point(1, 5), new Point(1, 2)) + " " + Cmp(new Point(0, 5), new Point(1, 2)) + " " + Cmp(null, new Point(0, 0)));
        Console.WriteLine(Cmp(new OldStyle { V = 10 }, new OldStyle { V = 3 }));
        Console.WriteLine(Cmp(double.NaN, 0.0) + " " + Cmp(double.PositiveInfinity, double.MaxValue));
        try { Cmp(new Plain(), new Plain()); }
        catch (ArgumentException e) { Console.WriteLine("ArgumentException: " + e.Message); }
        var byLength = Comparer<string>.Create((a, b) => a.Length - b.Length);
        Console.WriteLine(byLength.Compare("aaa", "b") + " " + byLength.Compare("", "xy"));
        IComparer<int> reverse = Comparer<int>.Create((a, b) => b.CompareTo(a));
        Console.WriteLine(reverse.Compare(1, 2));
        IEqualityComparer<string> ieq = EqualityComparer<string>.Default;
        Console.WriteLine(ieq.Equals("q", "q"));
        var custom = EqualityComparer<string>.Create((a, b) => a.Length == b.Length, s => s.Length);
        Console.WriteLine(custom.Equals("abc", "xyz") + " " + custom.GetHashCode("four"));
        return Cmp(7, 3) + 10;
    }
}
