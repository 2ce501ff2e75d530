// A sudoku solver: bitmask candidates per row/column/box, naked-single propagation, then
// backtracking on the cell with the fewest candidates; solves two puzzles and validates.
using System;

class Sudoku
{
    int[] cells = new int[81];
    int[] rows = new int[9], cols = new int[9], boxes = new int[9];
    public int Guesses, Placements;
    static int Box(int r, int c) => r / 3 * 3 + c / 3;
    public Sudoku(string s)
    {
        for (int i = 0; i < 81; i++) if (s[i] != '.') Place(i, s[i] - '0');
    }
    void Place(int i, int d) { int r = i / 9, c = i % 9, bit = 1 << d; cells[i] = d; rows[r] |= bit; cols[c] |= bit; boxes[Box(r, c)] |= bit; Placements++; }
    void Unplace(int i) { int r = i / 9, c = i % 9, bit = 1 << cells[i]; cells[i] = 0; rows[r] &= ~bit; cols[c] &= ~bit; boxes[Box(r, c)] &= ~bit; }
    int Candidates(int i) { int r = i / 9, c = i % 9; return ~(rows[r] | cols[c] | boxes[Box(r, c)]) & 0x3FE; }
    static int PopCount(int x) { int n = 0; while (x != 0) { x &= x - 1; n++; } return n; }
    public bool Solve()
    {
        int best = -1, bestCount = 10;
        for (int i = 0; i < 81; i++)
        {
            if (cells[i] != 0) continue;
            int n = PopCount(Candidates(i));
            if (n == 0) return false;
            if (n < bestCount) { bestCount = n; best = i; if (n == 1) break; }
        }
        if (best < 0) return true;
        int cand = Candidates(best);
        for (int d = 1; d <= 9; d++)
        {
            if ((cand & (1 << d)) == 0) continue;
            if (bestCount > 1) Guesses++;
            Place(best, d);
            if (Solve()) return true;
            Unplace(best);
        }
        return false;
    }
    public bool Valid()
    {
        for (int k = 0; k < 9; k++)
        {
            int r = 0, c = 0, b = 0;
            for (int j = 0; j < 9; j++)
            {
                r |= 1 << cells[k * 9 + j];
                c |= 1 << cells[j * 9 + k];
                b |= 1 << cells[(k / 3 * 3 + j / 3) * 9 + k % 3 * 3 + j % 3];
            }
            if (r != 0x3FE || c != 0x3FE || b != 0x3FE) return false;
        }
        return true;
    }
    public void Print()
    {
        for (int r = 0; r < 9; r++)
        {
            if (r % 3 == 0 && r > 0) Console.WriteLine("------+-------+------");
            for (int c = 0; c < 9; c++) { if (c % 3 == 0 && c > 0) Console.Write("| "); Console.Write(cells[r * 9 + c]); Console.Write(' '); }
            Console.WriteLine();
        }
    }
    public int Checksum() { int s = 0; for (int i = 0; i < 81; i++) s = (s * 7 + cells[i] * (i + 1)) % 100003; return s; }
}

static class Program
{
    static char[] ToCharArray9(this string s) { var a = new char[81]; for (int i = 0; i < 81; i++) a[i] = s[i]; return a; }

    // counts solutions up to `limit` with plain backtracking over the first empty cell
    static int CountSolutions(char[] g, int limit)
    {
        int cell = -1;
        for (int i = 0; i < 81; i++) if (g[i] == '.') { cell = i; break; }
        if (cell < 0) return 1;
        int r = cell / 9, c = cell % 9, count = 0;
        for (char d = '1'; d <= '9' && count < limit; d++)
        {
            bool ok = true;
            for (int k = 0; k < 9 && ok; k++)
                if (g[r * 9 + k] == d || g[k * 9 + c] == d || g[(r / 3 * 3 + k / 3) * 9 + c / 3 * 3 + k % 3] == d) ok = false;
            if (!ok) continue;
            g[cell] = d;
            count += CountSolutions(g, limit - count);
            g[cell] = '.';
        }
        return count;
    }

    static int Main()
    {
        string[] puzzles = {
            "53..7....6..195....98....6.8...6...34..8.3..17...2...6.6....28....419..5....8..79",
            "8..........36......7..9.2...5...7.......457.....1...3...1....68..85...1..9....4..",
        };
        int total = 0;
        for (int p = 0; p < puzzles.Length; p++)
        {
            var s = new Sudoku(puzzles[p]);
            bool ok = s.Solve();
            Console.WriteLine("puzzle " + p + ": solved " + ok + " valid " + s.Valid() + " guesses " + s.Guesses + " placements " + s.Placements);
            if (ok) { s.Print(); Console.WriteLine("checksum " + s.Checksum()); total += s.Checksum(); }
        }
        // uniqueness: the first puzzle has one solution; removing clues eventually allows more
        var grid = puzzles[0].ToCharArray9();
        Console.WriteLine("solutions of puzzle 0 (up to 2): " + CountSolutions(grid, 2));
        int removed = 0;
        for (int i = 0; i < 81 && removed < 30; i++)
        {
            if (grid[i] == '.') continue;
            char keep = grid[i]; grid[i] = '.'; removed++;
            if (CountSolutions(grid, 2) > 1) { Console.WriteLine("removing clue " + removed + " at cell " + i + " makes the puzzle ambiguous"); grid[i] = keep; break; }
        }
        int clues = 0; foreach (var ch in grid) if (ch != '.') clues++;
        Console.WriteLine("clues left " + clues);
        total += clues;
        return total % 256;
    }
}
