// foreach by pattern rather than interface: a collection returning a struct enumerator (no boxing),
// an enumerator class with Dispose called by foreach, `foreach (ref ...)` over a span mutating the
// elements, and a nested struct enumerator walking a 2-D array in row order.
using System;

class Bag
{
    int[] items = { 4, 8, 15, 16, 23, 42 };
    public Enumerator GetEnumerator() => new Enumerator(items);
    public struct Enumerator
    {
        int[] a; int i;
        public Enumerator(int[] a) { this.a = a; i = -1; }
        public bool MoveNext() => ++i < a.Length;
        public int Current => a[i];
    }
}

class Countdown { int from; public Countdown(int f) { from = f; } public Walker GetEnumerator() => new Walker(from); }
class Walker : IDisposable
{
    int n; public static int Disposed;
    public Walker(int n) { this.n = n + 1; }
    public bool MoveNext() => --n > 0;
    public int Current => n * 10;
    public void Dispose() { Disposed++; Console.WriteLine("walker disposed at " + n); }
}

struct Grid
{
    int[,] cells;
    public Grid(int r, int c) { cells = new int[r, c]; for (int i = 0; i < r; i++) for (int j = 0; j < c; j++) cells[i, j] = i * 10 + j; }
    public RowMajor GetEnumerator() => new RowMajor(cells);
    public struct RowMajor
    {
        int[,] g; int k;
        public RowMajor(int[,] g) { this.g = g; k = -1; }
        public bool MoveNext() => ++k < g.GetLength(0) * g.GetLength(1);
        public int Current => g[k / g.GetLength(1), k % g.GetLength(1)];
    }
}

static class Program
{
    static int Main()
    {
        int s = 0;
        foreach (var x in new Bag()) s += x;
        Console.WriteLine("bag sum " + s);
        foreach (var y in new Countdown(3)) Console.WriteLine("count " + y);
        foreach (var y in new Countdown(5)) if (y == 30) break;
        Console.WriteLine("disposed " + Walker.Disposed);
        Span<int> sp = stackalloc int[5];
        for (int i = 0; i < sp.Length; i++) sp[i] = i * i;
        int t = 0;
        foreach (ref int r in sp) { r += 1; t += r; }
        Console.WriteLine("span " + t + " " + sp[4]);
        int g = 0; foreach (var v in new Grid(3, 4)) { Console.Write(v + " "); g += v; }
        Console.WriteLine();
        return (s + t + g) & 0xFF;
    }
}
