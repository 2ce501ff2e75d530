// A two-dimensional array indexed past its second dimension (the flat index would still be in
// range): IndexOutOfRangeException after the in-bounds rows are printed.
using System;
static class Program
{
    static int Main()
    {
        var m = new int[3, 4];
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) m[i, j] = i * 10 + j;
        for (int i = 0; i < 3; i++)
        {
            int s = 0;
            for (int j = 0; j <= i + 2; j++) s += m[i, j];
            Console.WriteLine("row " + i + " partial sum " + s);
        }
        return 0;
    }
}
