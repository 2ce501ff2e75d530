using System;

// Matrices stored row-major in 1-D arrays: integer and double multiplication, transpose, identity check, power by squaring.
static class Program
{
    static long[] MulL(long[] a, long[] b, int n)
    {
        long[] r = new long[n * n];
        for (int i = 0; i < n; i++)
            for (int k = 0; k < n; k++)
            {
                long aik = a[i * n + k];
                for (int j = 0; j < n; j++) r[i * n + j] += aik * b[k * n + j];
            }
        return r;
    }

    static double[] MulD(double[] a, double[] b, int n)
    {
        double[] r = new double[n * n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int k = 0; k < n; k++) s += a[i * n + k] * b[k * n + j];
                r[i * n + j] = s;
            }
        return r;
    }

    static void PrintL(long[] m, int n)
    {
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++) { Console.Write(m[i * n + j]); Console.Write(j + 1 < n ? " " : "\n"); }
        }
    }

    static int Main()
    {
        int n = 4;
        long[] a = new long[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
        long[] b = new long[16];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) b[j * n + i] = a[i * n + j] - 8;
        PrintL(b, n);
        long[] c = MulL(a, b, n);
        PrintL(c, n);

        // Fibonacci via 2x2 matrix power
        long[] fib = new long[] { 1, 1, 1, 0 };
        long[] res = new long[] { 1, 0, 0, 1 };
        int e = 90;
        while (e > 0)
        {
            if ((e & 1) != 0) res = MulL(res, fib, 2);
            fib = MulL(fib, fib, 2);
            e >>= 1;
        }
        Console.WriteLine(res[1]);

        // Hilbert matrix times its (approximate) inverse-free check: H * e1
        int m = 5;
        double[] h = new double[m * m];
        for (int i = 0; i < m; i++) for (int j = 0; j < m; j++) h[i * m + j] = 1.0 / (i + j + 1);
        double[] h2 = MulD(h, h, m);
        for (int i = 0; i < m; i++) Console.WriteLine(h2[i * m + i]);
        double trace = 0;
        for (int i = 0; i < m; i++) trace += h2[i * m + i];
        Console.WriteLine(trace);

        // rotation matrix composed 12 times returns to (nearly) identity
        double cs = 0.8660254037844387, sn = 0.5;
        double[] rot = new double[] { cs, -sn, sn, cs };
        double[] acc = new double[] { 1, 0, 0, 1 };
        for (int i = 0; i < 12; i++) acc = MulD(acc, rot, 2);
        for (int i = 0; i < 4; i++) Console.WriteLine(acc[i]);
        long chk = 0;
        for (int i = 0; i < 16; i++) chk += c[i] * (i + 1);
        Console.WriteLine(chk);
        return (int)((chk % 256 + 256) % 256);
    }
}
