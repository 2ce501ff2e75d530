// Class members beyond methods: indexers (get/set, two overloads), operator overloading on a class
// (+, ==, !=, unary -, true/false), conversion operators, static properties and nested classes.
using System;

class Vec
{
    double[] v;
    public Vec(params double[] xs) { v = xs; }
    public int Dim => v.Length;
    public double this[int i] { get => v[i]; set => v[i] = value; }
    public double this[char axis] => v[axis - 'x'];
    public static Vec operator +(Vec a, Vec b) { var r = new double[a.Dim]; for (int i = 0; i < r.Length; i++) r[i] = a[i] + b[i]; return new Vec(r); }
    public static Vec operator -(Vec a) { var r = new double[a.Dim]; for (int i = 0; i < r.Length; i++) r[i] = -a[i]; return new Vec(r); }
    public static Vec operator *(double k, Vec a) { var r = new double[a.Dim]; for (int i = 0; i < r.Length; i++) r[i] = k * a[i]; return new Vec(r); }
    public static double operator *(Vec a, Vec b) { double s = 0; for (int i = 0; i < a.Dim; i++) s += a[i] * b[i]; return s; }
    public static bool operator ==(Vec a, Vec b)
    {
        if (ReferenceEquals(a, b)) return true;
        if (a is null || b is null || a.Dim != b.Dim) return false;
        for (int i = 0; i < a.Dim; i++) if (a[i] != b[i]) return false;
        return true;
    }
    public static bool operator !=(Vec a, Vec b) => !(a == b);
    public static bool operator true(Vec a) => a * a != 0;
    public static bool operator false(Vec a) => a * a == 0;
    public static explicit operator double(Vec a) => Math.Sqrt(a * a);
    public override bool Equals(object o) => o is Vec w && this == w;
    public override int GetHashCode() => Dim;
    public override string ToString() { string s = "("; for (int i = 0; i < Dim; i++) s = s + (i > 0 ? ", " : "") + v[i]; return s + ")"; }
    public static Vec Zero3 { get; } = new Vec(0, 0, 0);
    public class Builder { double[] parts = new double[3]; int n; public Builder Add(double x) { parts[n++] = x; return this; } public Vec Build() => new Vec(parts); }
}

static class Program
{
    static int Main()
    {
        var a = new Vec(1, 2, 3); var b = new Vec(4, -5, 6.5);
        Console.WriteLine(a + b);
        Console.WriteLine(-a);
        Console.WriteLine(2.5 * b);
        Console.WriteLine(a * b);
        Console.WriteLine((double)new Vec(3, 4));
        Console.WriteLine(a['y'] + " " + b['z']);
        a[1] = 20; Console.WriteLine(a);
        Console.WriteLine((a == new Vec(1, 20, 3)) + " " + (a != b) + " " + a.Equals(new Vec(1, 20, 3)) + " " + (a == null));
        if (Vec.Zero3) Console.WriteLine("zero is true"); else Console.WriteLine("zero is false");
        if (a) Console.WriteLine("a is true");
        var built = new Vec.Builder().Add(7).Add(8).Add(9).Build();
        Console.WriteLine(built + " dim " + built.Dim);
        return (int)(a * b) & 0xFF;
    }
}
