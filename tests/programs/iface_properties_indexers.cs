// Interfaces with properties (get-only and get/set), indexers and generic indexers, implemented by a
// class and a struct, accessed through the interface and through a constrained generic.
using System;

interface IGrid<T> { int Width { get; } int Height { get; } T this[int x, int y] { get; set; } string Title { get; set; } }

class DenseGrid : IGrid<int>
{
    int[] cells; public int Width { get; } public int Height { get; } public string Title { get; set; } = "dense";
    public DenseGrid(int w, int h) { Width = w; Height = h; cells = new int[w * h]; }
    public int this[int x, int y] { get => cells[y * Width + x]; set => cells[y * Width + x] = value; }
}

struct DiagonalGrid : IGrid<int>
{
    int[] diag; public int Width => diag.Length; public int Height => diag.Length; public string Title { get; set; }
    public DiagonalGrid(int n) { diag = new int[n]; Title = "diagonal"; }
    public int this[int x, int y] { get => x == y ? diag[x] : 0; set { if (x != y) throw new InvalidOperationException("off-diagonal write at " + x + "," + y); diag[x] = value; } }
}

static class Program
{
    static long Trace(IGrid<int> g) { long t = 0; for (int i = 0; i < Math.Min(g.Width, g.Height); i++) t += g[i, i]; return t; }
    static long Total<G>(G g) where G : IGrid<int> { long t = 0; for (int y = 0; y < g.Height; y++) for (int x = 0; x < g.Width; x++) t += g[x, y]; return t; }
    static void Identity<G>(ref G g) where G : IGrid<int> { for (int i = 0; i < g.Width; i++) g[i, i] = i + 1; g.Title = g.Title + "+id"; }

    static int Main()
    {
        var d = new DenseGrid(4, 3);
        for (int y = 0; y < 3; y++) for (int x = 0; x < 4; x++) d[x, y] = x * y + 1;
        IGrid<int> gi = d;
        gi[3, 2] = 100; gi.Title = "renamed";
        Console.WriteLine(d.Title + " " + Trace(d) + " " + Total(d) + " " + gi.Width + "x" + gi.Height);
        var diag = new DiagonalGrid(5);
        Identity(ref diag);
        Console.WriteLine(diag.Title + " " + Trace(diag) + " " + Total(diag));
        IGrid<int> boxed = diag;
        boxed.Title = "boxed";
        try { boxed[1, 2] = 5; } catch (InvalidOperationException e) { Console.WriteLine(e.Message); }
        Console.WriteLine(diag.Title + " / " + boxed.Title + " " + boxed[4, 4]);
        return (int)(Total(d) + Trace(diag)) & 0xFF;
    }
}
