// A shape hierarchy with visitors: an abstract Shape with Accept<R>(IVisitor<R>) (a generic virtual
// method), visitors computing area, perimeter, a text description and a bounding box, plus a
// scene with groups and translations.
using System;

interface IVisitor<R> { R Circle(Circle c); R Rect(Rect r); R Tri(Triangle t); R Group(Group g); }

abstract class Shape
{
    public abstract R Accept<R>(IVisitor<R> v);
    public virtual string Tag => "shape";
}
class Circle : Shape { public double X, Y, R; public Circle(double x, double y, double r) { X = x; Y = y; R = r; } public override R1 Accept<R1>(IVisitor<R1> v) => v.Circle(this); public override string Tag => "circle"; }
class Rect : Shape { public double X, Y, W, H; public Rect(double x, double y, double w, double h) { X = x; Y = y; W = w; H = h; } public override R Accept<R>(IVisitor<R> v) => v.Rect(this); }
class Square : Rect { public Square(double x, double y, double s) : base(x, y, s, s) { } public override string Tag => "square"; }
class Triangle : Shape
{
    public double[] Xs, Ys;
    public Triangle(double x1, double y1, double x2, double y2, double x3, double y3) { Xs = new[] { x1, x2, x3 }; Ys = new[] { y1, y2, y3 }; }
    public override R Accept<R>(IVisitor<R> v) => v.Tri(this);
    public override string Tag => "triangle";
}
class Group : Shape
{
    public Shape[] Items; public double Dx, Dy;
    public Group(double dx, double dy, params Shape[] items) { Dx = dx; Dy = dy; Items = items; }
    public override R Accept<R>(IVisitor<R> v) => v.Group(this);
    public override string Tag => "group";
}

struct Box
{
    public double MinX, MinY, MaxX, MaxY;
    public Box(double a, double b, double c, double d) { MinX = a; MinY = b; MaxX = c; MaxY = d; }
    public Box Union(Box o) => new Box(Math.Min(MinX, o.MinX), Math.Min(MinY, o.MinY), Math.Max(MaxX, o.MaxX), Math.Max(MaxY, o.MaxY));
    public Box Shift(double dx, double dy) => new Box(MinX + dx, MinY + dy, MaxX + dx, MaxY + dy);
    public override string ToString() => "[" + MinX + "," + MinY + " .. " + MaxX + "," + MaxY + "]";
}

class AreaVisitor : IVisitor<double>
{
    public double Circle(Circle c) => 3.0 * c.R * c.R;
    public double Rect(Rect r) => r.W * r.H;
    public double Tri(Triangle t) => Math.Abs((t.Xs[1] - t.Xs[0]) * (t.Ys[2] - t.Ys[0]) - (t.Xs[2] - t.Xs[0]) * (t.Ys[1] - t.Ys[0])) / 2;
    public double Group(Group g) { double s = 0; foreach (var x in g.Items) s += x.Accept(this); return s; }
}
class PerimeterVisitor : IVisitor<double>
{
    static double Dist(double a, double b, double c, double d) => Math.Sqrt((a - c) * (a - c) + (b - d) * (b - d));
    public double Circle(Circle c) => 6.0 * c.R;
    public double Rect(Rect r) => 2 * (r.W + r.H);
    public double Tri(Triangle t) => Dist(t.Xs[0], t.Ys[0], t.Xs[1], t.Ys[1]) + Dist(t.Xs[1], t.Ys[1], t.Xs[2], t.Ys[2]) + Dist(t.Xs[2], t.Ys[2], t.Xs[0], t.Ys[0]);
    public double Group(Group g) { double s = 0; foreach (var x in g.Items) s += x.Accept(this); return s; }
}
class BoxVisitor : IVisitor<Box>
{
    public Box Circle(Circle c) => new Box(c.X - c.R, c.Y - c.R, c.X + c.R, c.Y + c.R);
    public Box Rect(Rect r) => new Box(r.X, r.Y, r.X + r.W, r.Y + r.H);
    public Box Tri(Triangle t) => new Box(Math.Min(t.Xs[0], Math.Min(t.Xs[1], t.Xs[2])), Math.Min(t.Ys[0], Math.Min(t.Ys[1], t.Ys[2])), Math.Max(t.Xs[0], Math.Max(t.Xs[1], t.Xs[2])), Math.Max(t.Ys[0], Math.Max(t.Ys[1], t.Ys[2])));
    public Box Group(Group g) { Box b = g.Items[0].Accept(this); for (int i = 1; i < g.Items.Length; i++) b = b.Union(g.Items[i].Accept(this)); return b.Shift(g.Dx, g.Dy); }
}
class DescribeVisitor : IVisitor<string>
{
    int depth;
    public string Circle(Circle c) => "circle r=" + c.R;
    public string Rect(Rect r) => r.Tag + " " + r.W + "x" + r.H;
    public string Tri(Triangle t) => "triangle";
    public string Group(Group g)
    {
        depth++;
        string s = "group(" + g.Items.Length + ")";
        foreach (var x in g.Items) { s = s + "\n"; for (int i = 0; i < depth; i++) s = s + "  "; s = s + x.Accept(this); }
        depth--;
        return s;
    }
}
class CountVisitor : IVisitor<int>
{
    public int Circle(Circle c) => 1; public int Rect(Rect r) => 1; public int Tri(Triangle t) => 1;
    public int Group(Group g) { int n = 0; foreach (var x in g.Items) n += x.Accept(this); return n; }
}

static class Program
{
    static int Main()
    {
        var scene = new Group(0, 0,
            new Circle(0, 0, 2),
            new Rect(1, 1, 3, 4),
            new Square(-5, -5, 2),
            new Group(10, 10, new Triangle(0, 0, 4, 0, 0, 3), new Circle(1, 1, 0.5), new Group(1, -1, new Square(0, 0, 1))));
        Console.WriteLine(scene.Accept(new DescribeVisitor()));
        double area = scene.Accept(new AreaVisitor());
        double per = scene.Accept(new PerimeterVisitor());
        Box box = scene.Accept(new BoxVisitor());
        int count = scene.Accept(new CountVisitor());
        Console.WriteLine("area " + area);
        Console.WriteLine("perimeter " + per);
        Console.WriteLine("bounds " + box);
        Console.WriteLine("leaves " + count);
        foreach (var s in scene.Items) Console.WriteLine(s.Tag + " area " + s.Accept(new AreaVisitor()) + " box " + s.Accept(new BoxVisitor()));
        return (int)(area * 10) % 256;
    }
}
