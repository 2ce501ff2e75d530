// Matrix operations on double[,] and long[,]: multiplication, transpose, identity checks, Gaussian
// elimination with partial pivoting (determinant, solving Ax=b, inverse), integer matrix powers
// for Fibonacci, and a jagged-array triangle.
using System;

static class Mat
{
    public static double[,] Mul(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), m = a.GetLength(1), p = b.GetLength(1);
        if (m != b.GetLength(0)) throw new ArgumentException("shape mismatch " + n + "x" + m + " * " + b.GetLength(0) + "x" + p);
        var r = new double[n, p];
        for (int i = 0; i < n; i++) for (int j = 0; j < p; j++) { double s = 0; for (int k = 0; k < m; k++) s += a[i, k] * b[k, j]; r[i, j] = s; }
        return r;
    }
    public static long[,] Mul(long[,] a, long[,] b, long mod)
    {
        int n = a.GetLength(0);
        var r = new long[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) { long s = 0; for (int k = 0; k < n; k++) s = (s + a[i, k] * b[k, j]) % mod; r[i, j] = s; }
        return r;
    }
    public static long[,] Pow(long[,] a, long e, long mod)
    {
        int n = a.GetLength(0);
        var r = new long[n, n]; for (int i = 0; i < n; i++) r[i, i] = 1;
        while (e > 0) { if ((e & 1) != 0) r = Mul(r, a, mod); a = Mul(a, a, mod); e >>= 1; }
        return r;
    }
    public static double[,] Transpose(double[,] a)
    {
        var r = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) r[j, i] = a[i, j];
        return r;
    }
    // returns determinant; inverse into inv
    public static double Invert(double[,] a, out double[,] inv)
    {
        int n = a.GetLength(0);
        var m = new double[n, 2 * n];
        for (int i = 0; i < n; i++) { for (int j = 0; j < n; j++) m[i, j] = a[i, j]; m[i, n + i] = 1; }
        double det = 1;
        for (int c = 0; c < n; c++)
        {
            int piv = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[piv, c])) piv = r;
            if (Math.Abs(m[piv, c]) < 1e-12) { inv = null; return 0; }
            if (piv != c) { for (int j = 0; j < 2 * n; j++) { double t = m[c, j]; m[c, j] = m[piv, j]; m[piv, j] = t; } det = -det; }
            double d = m[c, c]; det *= d;
            for (int j = 0; j < 2 * n; j++) m[c, j] /= d;
            for (int r = 0; r < n; r++)
                if (r != c) { double f = m[r, c]; if (f != 0) for (int j = 0; j < 2 * n; j++) m[r, j] -= f * m[c, j]; }
        }
        inv = new double[n, n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) inv[i, j] = m[i, n + j];
        return det;
    }
    public static void Print(double[,] a)
    {
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++) { Console.Write(Math.Round(a[i, j] * 1000) / 1000); Console.Write(j + 1 < a.GetLength(1) ? " " : "\n"); }
        }
    }
}

static class Program
{
    static double Trace(double[,] a) { double t = 0; for (int i = 0; i < Math.Min(a.GetLength(0), a.GetLength(1)); i++) t += a[i, i]; return t; }
    static double Frobenius(double[,] a) { double s = 0; for (int i = 0; i < a.GetLength(0); i++) for (int j = 0; j < a.GetLength(1); j++) s += a[i, j] * a[i, j]; return Math.Sqrt(s); }

    static int Main()
    {
        var a = new double[,] { { 2, -1, 0, 1 }, { -1, 3, 2, 0 }, { 0, 2, 4, 1 }, { 1, 0, 1, 5 } };
        var b = new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 }, { 7, 8 } };
        Console.WriteLine("A*B:"); Mat.Print(Mat.Mul(a, b));
        Console.WriteLine("B^T:"); Mat.Print(Mat.Transpose(b));
        double det = Mat.Invert(a, out var inv);
        Console.WriteLine("det " + Math.Round(det * 1e6) / 1e6);
        Console.WriteLine("inverse:"); Mat.Print(inv);
        var id = Mat.Mul(a, inv);
        double err = 0;
        for (int i = 0; i < 4; i++) for (int j = 0; j < 4; j++) err = Math.Max(err, Math.Abs(id[i, j] - (i == j ? 1 : 0)));
        Console.WriteLine("identity error small " + (err < 1e-9));
        var rhs = new double[,] { { 1 }, { 2 }, { 3 }, { 4 } };
        Console.WriteLine("solution:"); Mat.Print(Mat.Mul(inv, rhs));
        var singular = new double[,] { { 1, 2 }, { 2, 4 } };
        Console.WriteLine("singular det " + Mat.Invert(singular, out var none) + " inverse null " + (none == null));
        try { Mat.Mul(b, b); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        var fib = new long[,] { { 1, 1 }, { 1, 0 } };
        for (long n = 10; n <= 100000; n *= 10) Console.WriteLine("fib(" + n + ") mod 1e9+7 = " + Mat.Pow(fib, n, 1000000007)[0, 1]);
        var pascal = new long[12][];
        for (int i = 0; i < 12; i++) { pascal[i] = new long[i + 1]; pascal[i][0] = pascal[i][i] = 1; for (int j = 1; j < i; j++) pascal[i][j] = pascal[i - 1][j - 1] + pascal[i - 1][j]; }
        long rowSum = 0; foreach (var v in pascal[11]) rowSum += v;
        Console.WriteLine("pascal row 11 sum " + rowSum + " middle " + pascal[11][5]);
        var cube = new int[3, 4, 5];
        int t = 0;
        for (int i = 0; i < 3; i++) for (int j = 0; j < 4; j++) for (int k = 0; k < 5; k++) { cube[i, j, k] = i * 100 + j * 10 + k; t += cube[i, j, k]; }
        Console.WriteLine("cube rank " + cube.Rank + " length " + cube.Length + " sum " + t + " corner " + cube[2, 3, 4]);
        var ata = Mat.Mul(Mat.Transpose(a), a);
        Console.WriteLine("trace(A) " + Trace(a) + " trace(A^T A) " + Trace(ata) + " |A|_F^2 " + Math.Round(Frobenius(a) * Frobenius(a) * 1e9) / 1e9);
        return (int)(rowSum % 256);
    }
}
