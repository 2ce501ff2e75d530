// Arrays: jagged arrays with rows of different lengths (null rows too), arrays of arrays of structs,
// reference-type array covariance (string[] as object[], Derived[] as Base[]) with reads and type
// checks, arrays of delegates, and array fields in classes.
using System;

class Base { public virtual string Id => "base"; }
class Derived : Base { public override string Id => "derived"; }
struct Cell { public int V; }

static class Program
{
    static int Count(object[] items) { int n = 0; foreach (var o in items) if (o != null) n++; return n; }
    static string Ids(Base[] bs) { string s = ""; foreach (var b in bs) s = s + b.Id + " "; return s; }

    static int Main()
    {
        int[][] tri = new int[6][];
        for (int i = 0; i < tri.Length; i++) { tri[i] = new int[i + 1]; for (int j = 0; j <= i; j++) tri[i][j] = i * j; }
        int sum = 0;
        foreach (var row in tri) foreach (var v in row) sum += v;
        Console.WriteLine("triangle sum " + sum + " last row length " + tri[5].Length);
        var ragged = new string[3][];
        ragged[0] = new[] { "a", "b" }; ragged[2] = new string[0];
        for (int i = 0; i < ragged.Length; i++) Console.Write((ragged[i] == null ? "null" : ragged[i].Length.ToString()) + " ");
        Console.WriteLine();
        var grid = new Cell[2][] { new Cell[3], new Cell[2] };
        grid[0][1].V = 5; grid[1][1].V += 7; grid[1][1].V *= 2;
        Console.WriteLine(grid[0][1].V + grid[1][1].V);
        string[] words = { "x", null, "z" };
        object[] objs = words;
        Console.WriteLine("count " + Count(objs) + " is string[] " + (objs is string[]) + " first " + objs[0]);
        Derived[] ds = { new Derived(), new Derived() };
        Base[] bs = ds;
        Console.WriteLine(Ids(bs) + (bs is Derived[]) + " " + (bs.Length));
        Func<int, int>[] ops = { x => x + 1, x => x * x, x => -x };
        int acc = 3; foreach (var op in ops) acc = op(acc);
        Console.WriteLine("ops " + acc);
        long[] big = new long[100];
        for (int i = 0; i < big.Length; i++) big[i] = (long)i << 33;
        Console.WriteLine(big[99] + " " + big.Length);
        return (sum + acc + 256) & 0xFF;
    }
}
