using System;

// Value semantics: assignment, passing by value, returning and storing into arrays all copy the struct.
struct Vec3
{
    public double X, Y, Z;
    public Vec3(double x, double y, double z) { X = x; Y = y; Z = z; }
}

struct Holder
{
    public int Id;
    public Vec3 Pos;
}

static class Program
{
    static Vec3 s_origin = new Vec3(0, 0, 0);

    static void MutateCopy(Vec3 v) { v.X = 999; Console.WriteLine(v.X); }
    static Vec3 Modified(Vec3 v) { v.Y += 1; return v; }
    static void Show(string label, Vec3 v)
    {
        Console.Write(label);
        Console.Write(": ");
        Console.Write(v.X); Console.Write(" "); Console.Write(v.Y); Console.Write(" "); Console.WriteLine(v.Z);
    }

    static int Main()
    {
        Vec3 a = new Vec3(1, 2, 3);
        Vec3 b = a;
        b.X = 10;
        Show("a", a);
        Show("b", b);

        MutateCopy(a);
        Show("a after MutateCopy", a);
        Vec3 c = Modified(a);
        Show("a after Modified", a);
        Show("c", c);

        Vec3[] arr = new Vec3[3];
        arr[0] = a;
        a.Z = -3;
        Show("arr[0]", arr[0]);
        Show("a", a);
        Vec3 fromArr = arr[0];
        fromArr.Y = 77;
        Show("arr[0] again", arr[0]);
        arr[1].Y = 5;          // direct element mutation does change the array
        Show("arr[1]", arr[1]);

        Holder h1 = new Holder();
        h1.Id = 1;
        h1.Pos = a;
        Holder h2 = h1;
        h2.Id = 2;
        h2.Pos.X = -50;
        Console.WriteLine(h1.Id);
        Console.WriteLine(h2.Id);
        Show("h1.Pos", h1.Pos);
        Show("h2.Pos", h2.Pos);

        Vec3 o = s_origin;
        o.X = 1;
        Show("s_origin", s_origin);
        s_origin.Z = 9;
        Show("s_origin", s_origin);
        Show("o", o);

        // swapping structs through a temporary
        Vec3 t = a; a = c; c = t;
        Show("a swapped", a);
        Show("c swapped", c);
        return (int)(a.X + a.Y + c.Z + 10);
    }
}
