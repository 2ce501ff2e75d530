// Multi-dimensional arrays beyond 2-D: a 3-D array with GetLength per dimension and Rank, references
// to elements (ref locals, ref parameters), 2-D arrays of structs and strings, arrays of 2-D arrays,
// initialisers, and a flood fill on a char grid.
using System;

struct Cell { public int Hits; public char Mark; }

static class Program
{
    static void Touch(ref Cell c) { c.Hits++; c.Mark = '*'; }
    static int Fill(char[,] g, int r, int c, char from, char to)
    {
        if (r < 0 || c < 0 || r >= g.GetLength(0) || c >= g.GetLength(1) || g[r, c] != from) return 0;
        g[r, c] = to;
        return 1 + Fill(g, r + 1, c, from, to) + Fill(g, r - 1, c, from, to) + Fill(g, r, c + 1, from, to) + Fill(g, r, c - 1, from, to);
    }

    static int Main()
    {
        var cube = new long[4, 3, 2];
        for (int i = 0; i < cube.GetLength(0); i++) for (int j = 0; j < cube.GetLength(1); j++) for (int k = 0; k < cube.GetLength(2); k++) cube[i, j, k] = (i + 1) * (j + 2) * (k + 3);
        long s = 0; for (int i = 0; i < 4; i++) for (int j = 0; j < 3; j++) for (int k = 0; k < 2; k++) s += cube[i, j, k];
        Console.WriteLine("rank " + cube.Rank + " dims " + cube.GetLength(0) + "x" + cube.GetLength(1) + "x" + cube.GetLength(2) + " sum " + s);
        ref long corner = ref cube[3, 2, 1]; corner = -1;
        Console.WriteLine(cube[3, 2, 1] + " " + cube.GetUpperBound(0) + " " + cube.GetLowerBound(2));
        var cells = new Cell[3, 3];
        Touch(ref cells[1, 1]); Touch(ref cells[1, 1]); Touch(ref cells[0, 2]);
        for (int r = 0; r < 3; r++) { for (int c = 0; c < 3; c++) Console.Write(cells[r, c].Mark == '*' ? cells[r, c].Hits.ToString() : "."); Console.WriteLine(); }
        var names = new string[,] { { "a", "b" }, { "c", null } };
        Console.WriteLine(names[0, 1] + names[1, 0] + (names[1, 1] == null) + " " + names.Length);
        var layers = new int[2][,]; layers[0] = new int[2, 2] { { 1, 2 }, { 3, 4 } }; layers[1] = new int[1, 3] { { 5, 6, 7 } };
        Console.WriteLine(layers[0][1, 0] + layers[1][0, 2] + " " + layers[1].GetLength(1));
        string[] rows = { "..##....", ".#..#...", ".#...#..", "..###...", "........" };
        var g = new char[rows.Length, rows[0].Length];
        for (int r = 0; r < rows.Length; r++) for (int c = 0; c < rows[r].Length; c++) g[r, c] = rows[r][c];
        int inside = Fill(g, 2, 3, '.', 'o'), outside = Fill(g, 0, 0, '.', '~');
        for (int r = 0; r < g.GetLength(0); r++) { var line = new char[g.GetLength(1)]; for (int c = 0; c < line.Length; c++) line[c] = g[r, c]; Console.WriteLine(new string(line)); }
        Console.WriteLine("inside " + inside + " outside " + outside);
        return (int)(s % 200) + inside;
    }
}
