using System;

// Structs with fields of mixed sizes, constructors (explicit, chained, default), and field-by-field access.
struct Point
{
    public int X;
    public int Y;
    public Point(int x, int y) { X = x; Y = y; }
    public Point(int both) : this(both, both * 2) { }
}

struct Mixed
{
    public byte B;
    public long L;
    public short S;
    public double D;
    public char C;
    public bool Flag;
    public float F;

    public Mixed(byte b, long l, short s, double d, char c, bool flag, float f)
    {
        B = b; L = l; S = s; D = d; C = c; Flag = flag; F = f;
    }
}

static class Program
{
    static void Print(Point p)
    {
        Console.Write("(");
        Console.Write(p.X);
        Console.Write(", ");
        Console.Write(p.Y);
        Console.WriteLine(")");
    }

    static void Print(Mixed m)
    {
        Console.WriteLine(m.B); Console.WriteLine(m.L); Console.WriteLine(m.S); Console.WriteLine(m.D);
        Console.WriteLine(m.C); Console.WriteLine(m.Flag); Console.WriteLine(m.F);
    }

    static int Main()
    {
        Point a = new Point(3, -4);
        Point b = new Point(7);
        Point c = new Point();
        Point d = default;
        Point e;
        e.X = 11;
        e.Y = 12;
        Print(a); Print(b); Print(c); Print(d); Print(e);

        a.X += 100;
        b.Y = a.X * b.X;
        Print(a);
        Print(b);

        Mixed m = new Mixed(200, -1234567890123L, -32000, 2.5e-3, 'ü', true, 0.75f);
        Print(m);
        Mixed z = new Mixed();
        Print(z);
        m.B++;
        m.L <<= 4;
        m.S /= 3;
        m.D *= 1000;
        m.C = (char)(m.C + 1);
        m.Flag = !m.Flag;
        m.F -= 1.0f;
        Print(m);

        // object initializer syntax on a struct
        Point oi = new Point { X = 5, Y = 6 };
        Print(oi);
        Point withInit = new Point(1, 2) { Y = 20 };
        Print(withInit);
        return a.X + oi.Y;
    }
}
