// Structs without their own Equals: ValueType.Equals compares fields (strings by value), so they
// work as Dictionary keys, in HashSet, with List.Contains/IndexOf and EqualityComparer.Default.
using System;
using System.Collections.Generic;

struct Point { public int X, Y; public Point(int x, int y) { X = x; Y = y; } }
struct Tagged { public string Name; public long Id; public byte Flag; }
struct Nested { public Point P; public string Label; public Tagged T; }

static class Program
{
    static int Main()
    {
        var p1 = new Point(1, 2);
        object b1 = p1, b2 = new Point(1, 2), b3 = new Point(2, 1);
        Console.WriteLine(b1.Equals(b2) + " " + b1.Equals(b3) + " " + b1.Equals(null) + " " + b1.Equals("x") + " " + p1.Equals(new Point(1, 2)));
        Console.WriteLine(b1.GetHashCode() == b2.GetHashCode());
        var t1 = new Tagged { Name = "al" + "pha", Id = 7, Flag = 1 };
        var t2 = new Tagged { Name = "alpha", Id = 7, Flag = 1 };
        var t3 = new Tagged { Name = null, Id = 7, Flag = 1 };
        Console.WriteLine(t1.Equals(t2) + " " + t1.Equals(t3) + " " + t3.Equals(t1) + " " + t3.Equals(new Tagged { Id = 7, Flag = 1 }) + " " + (t1.GetHashCode() == t2.GetHashCode()));
        var n1 = new Nested { P = p1, Label = "n", T = t1 };
        var n2 = new Nested { P = new Point(1, 2), Label = "n", T = t2 };
        Console.WriteLine(n1.Equals(n2) + " " + n1.Equals(new Nested { P = p1, Label = "m", T = t1 }) + " " + (n1.GetHashCode() == n2.GetHashCode()));
        var grid = new Dictionary<Point, string>();
        for (int x = 0; x < 5; x++) for (int y = 0; y < 5; y++) grid[new Point(x, y)] = x + ":" + y;
        grid[new Point(2, 3)] = "changed";
        Console.WriteLine(grid.Count + " " + grid[new Point(2, 3)] + " " + grid.ContainsKey(new Point(4, 4)) + " " + grid.ContainsKey(new Point(5, 0)));
        var seen = new HashSet<Tagged> { t1, t2, t3 };
        Console.WriteLine(seen.Count + " " + seen.Contains(new Tagged { Name = "alpha", Id = 7, Flag = 1 }));
        var list = new List<Point> { new Point(3, 3), new Point(1, 2) };
        Console.WriteLine(list.Contains(p1) + " " + list.IndexOf(new Point(1, 2)) + " " + EqualityComparer<Point>.Default.Equals(p1, new Point(1, 2)));
        return grid.Count;
    }
}
