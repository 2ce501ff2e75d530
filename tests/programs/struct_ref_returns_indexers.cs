// Ref returns into structs: a struct-backed matrix class returning ref elements, ref readonly returns,
// ref locals reassigned (ref reassignment), a struct indexer, and ref conditional expressions.
using System;

struct Vec3 { public double X, Y, Z; public double this[int i] { get => i == 0 ? X : i == 1 ? Y : Z; set { if (i == 0) X = value; else if (i == 1) Y = value; else Z = value; } } public override string ToString() => X + "," + Y + "," + Z; }

class Grid
{
    Vec3[] cells;
    public readonly int W;
    public Grid(int w, int h) { W = w; cells = new Vec3[w * h]; }
    public ref Vec3 At(int x, int y) => ref cells[y * W + x];
    public ref readonly Vec3 Peek(int x, int y) => ref cells[y * W + x];
}

static class Program
{
    static int Main()
    {
        var g = new Grid(3, 2);
        g.At(1, 1).X = 5; g.At(1, 1)[2] = 7;
        ref Vec3 v = ref g.At(2, 0); v.Y = 3;
        v = ref g.At(0, 1); v.Z = -1;
        Console.WriteLine(g.Peek(1, 1) + " | " + g.Peek(2, 0) + " | " + g.Peek(0, 1));
        ref readonly Vec3 ro = ref g.Peek(1, 1);
        Console.WriteLine(ro.X + ro[2]);
        int a = 1, b = 2; bool pickA = false;
        ref int chosen = ref pickA ? ref a : ref b;
        chosen = 20;
        Console.WriteLine(a + " " + b);
        var arr = new Vec3[2];
        ref Vec3 first = ref arr[0];
        for (int i = 0; i < 3; i++) first[i] = i + 0.5;
        Console.WriteLine(arr[0]);
        double sum = 0; for (int y = 0; y < 2; y++) for (int x = 0; x < 3; x++) sum += g.Peek(x, y).X + g.Peek(x, y).Y + g.Peek(x, y).Z;
        return (int)sum + b;
    }
}
