using System;

// Abstract classes with constructors chaining to the base, fields in both, and virtual properties.
abstract class Shape
{
    protected readonly string name;
    protected Shape(string name) { this.name = name; }
    public abstract long Area { get; }
    public virtual long Perimeter => 0;
    public override string ToString() => name + "(" + Area + "," + Perimeter + ")";
}

sealed class Rect : Shape
{
    private readonly long w, h;
    public Rect(long w, long h) : base("rect") { this.w = w; this.h = h; }
    public override long Area => w * h;
    public override long Perimeter => 2 * (w + h);
}

sealed class Tri : Shape
{
    private readonly long b, h;
    public Tri(long b, long h) : base("tri") { this.b = b; this.h = h; }
    public override long Area => b * h / 2;
}

class Square : Shape
{
    private readonly long s;
    public Square(long s) : base("square") { this.s = s; }
    public override long Area => s * s;
    public override long Perimeter => 4 * s;
}

static class Program
{
    static int Main()
    {
        var shapes = new Shape[12];
        for (int i = 0; i < shapes.Length; i++)
            shapes[i] = (i % 3) switch { 0 => new Rect(i + 1, i + 2), 1 => new Tri(i, 2 * i), _ => new Square(i) };
        long sum = 0;
        foreach (var s in shapes)
        {
            Console.WriteLine(s.ToString());
            sum += s.Area + s.Perimeter;
        }
        object o = shapes[0];
        Console.WriteLine(o.ToString());
        Console.WriteLine(sum);
        return (int)(sum & 0xFF);
    }
}
