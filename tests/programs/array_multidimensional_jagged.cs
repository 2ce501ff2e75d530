// Multi-dimensional arrays (new, initialisers, Get/Set/Address, GetLength, Rank, bounds per dimension)
// and jagged arrays.
using System;
static class Program {
  static int Main() {
    int[,] grid = new int[3, 4];
    for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) grid[i, j] = i * 10 + j;
    Console.WriteLine(grid[2, 3] + " " + grid.Length + " " + grid.GetLength(0) + " " + grid.GetLength(1) + " " + grid.Rank);
    var init = new int[,] { { 1, 2, 3 }, { 4, 5, 6 } };
    int s = 0; for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) s += init[i, j]; Console.WriteLine(s);
    string[,,] cube = new string[2, 2, 2]; cube[1, 0, 1] = "x"; Console.WriteLine(cube[1, 0, 1] + (cube[0, 0, 0] == null));
    ref int cell = ref grid[1, 1]; cell = 99; Console.WriteLine(grid[1, 1]);
    int[][] jag = new int[3][]; for (int i = 0; i < 3; i++) { jag[i] = new int[i + 1]; jag[i][i] = i; } Console.WriteLine(jag[2][2] + jag[1].Length);
    double[,] m = { { 1.5, 2 }, { 3, 4 } }; Console.WriteLine(m[0, 0] * m[1, 1]);
    try { grid[3, 0] = 1; } catch (IndexOutOfRangeException e) { Console.WriteLine(e.Message); }
    try { grid[0, -1] = 1; } catch (IndexOutOfRangeException) { Console.WriteLine("negative"); }
    return grid[2, 3];
  }
}
