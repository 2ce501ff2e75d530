using System;

// N-queens by recursive backtracking over int arrays; counts solutions for N = 1..9 and prints the first board for N = 8.
static class Program
{
    static int[] s_cols = new int[12];
    static int s_solutions;
    static bool s_printed;

    static bool Safe(int row, int col)
    {
        for (int r = 0; r < row; r++)
        {
            int c = s_cols[r];
            if (c == col || c - col == r - row || c - col == row - r) return false;
        }
        return true;
    }

    static void Solve(int row, int n)
    {
        if (row == n)
        {
            s_solutions++;
            if (n == 8 && !s_printed)
            {
                s_printed = true;
                for (int r = 0; r < n; r++)
                {
                    for (int c = 0; c < n; c++) Console.Write(s_cols[r] == c ? 'Q' : '.');
                    Console.WriteLine();
                }
            }
            return;
        }
        for (int col = 0; col < n; col++)
        {
            if (!Safe(row, col)) continue;
            s_cols[row] = col;
            Solve(row + 1, n);
        }
    }

    // bitmask variant for cross-checking
    static int CountBits(int n, int row, int cols, int d1, int d2)
    {
        if (row == n) return 1;
        int count = 0;
        int avail = ~(cols | d1 | d2) & ((1 << n) - 1);
        while (avail != 0)
        {
            int bit = avail & -avail;
            avail ^= bit;
            count += CountBits(n, row + 1, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1);
        }
        return count;
    }

    static int Main()
    {
        int total = 0;
        for (int n = 1; n <= 9; n++)
        {
            s_solutions = 0;
            Solve(0, n);
            int viaBits = CountBits(n, 0, 0, 0, 0);
            Console.Write(n);
            Console.Write(": ");
            Console.Write(s_solutions);
            Console.Write(" ");
            Console.WriteLine(viaBits == s_solutions);
            total += s_solutions;
        }
        Console.WriteLine(total);
        return total % 256;
    }
}
