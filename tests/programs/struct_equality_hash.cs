// Struct equality: overriding Equals(object) and GetHashCode, IEquatable<T> for the unboxed path,
// == and != operators, a hand-written hash set of structs using those hashes, and default ToString
// of a struct without an override (its type name).
using System;

struct Point : IEquatable<Point>
{
    public int X, Y;
    public Point(int x, int y) { X = x; Y = y; }
    public bool Equals(Point o) => X == o.X && Y == o.Y;
    public override bool Equals(object o) => o is Point p && Equals(p);
    public override int GetHashCode() => X * 7919 + Y;
    public static bool operator ==(Point a, Point b) => a.Equals(b);
    public static bool operator !=(Point a, Point b) => !a.Equals(b);
    public override string ToString() => "(" + X + "," + Y + ")";
}

struct Plain { public int A; }

class PointSet
{
    Point[] slots = new Point[16]; bool[] used = new bool[16]; public int Count;
    public bool Add(Point p)
    {
        if (Count * 2 >= slots.Length) Grow();
        int i = (p.GetHashCode() & 0x7FFFFFFF) % slots.Length;
        while (used[i]) { if (slots[i] == p) return false; i = (i + 1) % slots.Length; }
        used[i] = true; slots[i] = p; Count++; return true;
    }
    void Grow() { var os = slots; var ou = used; slots = new Point[os.Length * 2]; used = new bool[os.Length * 2]; Count = 0; for (int i = 0; i < os.Length; i++) if (ou[i]) Add(os[i]); }
    public bool Contains(Point p) { int i = (p.GetHashCode() & 0x7FFFFFFF) % slots.Length; while (used[i]) { if (slots[i].Equals(p)) return true; i = (i + 1) % slots.Length; } return false; }
}

static class Program
{
    static int Main()
    {
        var a = new Point(1, 2); var b = new Point(1, 2); var c = new Point(2, 1);
        object boxed = a;
        Console.WriteLine((a == b) + " " + (a != c) + " " + a.Equals(b) + " " + boxed.Equals(b) + " " + boxed.Equals(c) + " " + boxed.Equals("(1,2)"));
        Console.WriteLine((a.GetHashCode() == b.GetHashCode()) + " " + (a.GetHashCode() == c.GetHashCode()));
        var set = new PointSet();
        int added = 0;
        for (int i = 0; i < 30; i++) for (int j = 0; j < 30; j++) if (set.Add(new Point(i * j % 17, (i + j) % 13))) added++;
        Console.WriteLine("added " + added + " count " + set.Count + " contains " + set.Contains(new Point(0, 0)) + " " + set.Contains(new Point(16, 99)));
        Console.WriteLine(new Plain { A = 1 } + " " + new Plain().ToString());
        return added & 0xFF;
    }
}
