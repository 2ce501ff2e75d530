// A jagged array whose last row was never allocated: the sums of the allocated rows are printed,
// then indexing the null row throws NullReferenceException.
using System;
static class Program
{
    static int Main()
    {
        var rows = new int[4][];
        for (int i = 0; i < 3; i++) { rows[i] = new int[i + 2]; for (int j = 0; j < rows[i].Length; j++) rows[i][j] = i + j; }
        int total = 0;
        for (int i = 0; i < rows.Length; i++) { int s = 0; for (int j = 0; j < 3; j++) s += rows[i][j < rows[i].Length ? j : 0]; total += s; Console.WriteLine("row " + i + " " + s); }
        return total;
    }
}
