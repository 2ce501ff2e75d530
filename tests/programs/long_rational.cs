// A Rational struct with normalisation, arithmetic and comparison operators, IEquatable<Rational>,
// IComparable<Rational>, Equals/GetHashCode/ToString overrides; continued fractions, harmonic
// numbers, the Bernoulli numbers and a sort of fractions.
using System;

readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    public readonly long Num, Den;
    public Rational(long n, long d)
    {
        if (d == 0) throw new DivideByZeroException("zero denominator");
        if (d < 0) { n = -n; d = -d; }
        long g = Gcd(Math.Abs(n), d);
        Num = g == 0 ? 0 : n / g; Den = g == 0 ? 1 : d / g;
    }
    static long Gcd(long a, long b) { while (b != 0) { long t = a % b; a = b; b = t; } return a; }
    public static implicit operator Rational(long v) => new Rational(v, 1);
    public static explicit operator double(Rational r) => (double)r.Num / r.Den;
    public static Rational operator +(Rational a, Rational b) => new Rational(a.Num * b.Den + b.Num * a.Den, a.Den * b.Den);
    public static Rational operator -(Rational a, Rational b) => new Rational(a.Num * b.Den - b.Num * a.Den, a.Den * b.Den);
    public static Rational operator -(Rational a) => new Rational(-a.Num, a.Den);
    public static Rational operator *(Rational a, Rational b) => new Rational(a.Num * b.Num, a.Den * b.Den);
    public static Rational operator /(Rational a, Rational b) => new Rational(a.Num * b.Den, a.Den * b.Num);
    public static bool operator ==(Rational a, Rational b) => a.Equals(b);
    public static bool operator !=(Rational a, Rational b) => !a.Equals(b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public bool Equals(Rational o) => Num == o.Num && Den == o.Den;
    public override bool Equals(object o) => o is Rational r && Equals(r);
    public override int GetHashCode() => (int)(Num * 397 ^ Den);
    public int CompareTo(Rational o) { long l = Num * o.Den, r = o.Num * Den; return l < r ? -1 : l > r ? 1 : 0; }
    public override string ToString() => Den == 1 ? Num.ToString() : Num + "/" + Den;
}

static class Program
{
    static void Sort<T>(T[] a) where T : IComparable<T>
    {
        for (int i = 1; i < a.Length; i++) { var x = a[i]; int j = i - 1; while (j >= 0 && a[j].CompareTo(x) > 0) { a[j + 1] = a[j]; j--; } a[j + 1] = x; }
    }
    static int IndexOf<T>(T[] a, T x) where T : IEquatable<T> { for (int i = 0; i < a.Length; i++) if (a[i].Equals(x)) return i; return -1; }

    // exact Gaussian elimination over rationals; returns false for a singular system
    static bool Solve(Rational[,] m, Rational[] x)
    {
        int n = x.Length;
        for (int c = 0; c < n; c++)
        {
            int piv = c; while (piv < n && m[piv, c].Num == 0) piv++;
            if (piv == n) return false;
            if (piv != c) for (int j = 0; j <= n; j++) { var t = m[c, j]; m[c, j] = m[piv, j]; m[piv, j] = t; }
            for (int r = 0; r < n; r++)
            {
                if (r == c || m[r, c].Num == 0) continue;
                Rational f = m[r, c] / m[c, c];
                for (int j = c; j <= n; j++) m[r, j] = m[r, j] - f * m[c, j];
            }
        }
        for (int i = 0; i < n; i++) x[i] = m[i, n] / m[i, i];
        return true;
    }
    // greedy Egyptian fraction expansion of a proper fraction
    static string Egyptian(Rational r)
    {
        string s = "";
        while (r.Num != 0) { long d = (r.Den + r.Num - 1) / r.Num; s = s + (s.Length > 0 ? " + " : "") + "1/" + d; r = r - new Rational(1, d); }
        return s;
    }

    static int Main()
    {
        var a = new Rational(6, -8); var b = new Rational(5, 12);
        Console.WriteLine(a + " " + b + " sum " + (a + b) + " diff " + (a - b) + " prod " + (a * b) + " quot " + (a / b) + " neg " + (-a));
        Console.WriteLine("double " + (double)b + " a<b " + (a < b) + " a==-3/4 " + (a == new Rational(-3, 4)) + " boxed equals " + ((object)a).Equals(new Rational(3, -4)));
        Rational h = 0;
        for (int n = 1; n <= 20; n++) { h += new Rational(1, n); if (n % 5 == 0) Console.WriteLine("H(" + n + ") = " + h); }
        // continued fraction of 415/93
        Rational x = new Rational(415, 93);
        Console.Write("cf(" + x + "):");
        while (true)
        {
            long q = x.Num / x.Den; if (x.Num < 0 && x.Num % x.Den != 0) q--;
            Console.Write(" " + q);
            Rational frac = x - q;
            if (frac.Num == 0) break;
            x = new Rational(frac.Den, frac.Num);
        }
        Console.WriteLine();
        // Bernoulli numbers via the Akiyama-Tanigawa algorithm
        var arr = new Rational[14];
        Console.Write("bernoulli:");
        for (int m = 0; m <= 12; m++)
        {
            arr[m] = new Rational(1, m + 1);
            for (int j = m; j >= 1; j--) arr[j - 1] = (arr[j - 1] - arr[j]) * j;
            if (m % 2 == 0 || m == 1) Console.Write(" B" + m + "=" + arr[0]);
        }
        Console.WriteLine();
        var fracs = new Rational[] { new Rational(3, 7), new Rational(-1, 2), new Rational(5, 9), 2, new Rational(2, 4), new Rational(-7, 3), new Rational(4, 9) };
        Sort(fracs);
        Console.Write("sorted:"); foreach (var f in fracs) Console.Write(" " + f); Console.WriteLine();
        Console.WriteLine("index of 1/2: " + IndexOf(fracs, new Rational(1, 2)) + ", of 1/3: " + IndexOf(fracs, new Rational(1, 3)));
        object boxed = fracs[0];
        Console.WriteLine("boxed " + boxed + " is Rational " + (boxed is Rational) + " hash equal " + (fracs[3].GetHashCode() == new Rational(1, 2).GetHashCode()));
        try { var bad = a / 0; Console.WriteLine(bad); } catch (DivideByZeroException e) { Console.WriteLine("error: " + e.Message); }
        var sys = new Rational[3, 4] { { 2, 1, -1, 8 }, { -3, -1, 2, -11 }, { -2, 1, 2, -3 } };
        var sol = new Rational[3];
        Console.WriteLine("solvable " + Solve(sys, sol) + ": x=" + sol[0] + " y=" + sol[1] + " z=" + sol[2]);
        var sys2 = new Rational[3, 4] { { new Rational(1, 2), new Rational(1, 3), 1, 1 }, { new Rational(1, 3), new Rational(1, 4), new Rational(1, 5), 2 }, { 1, 1, 1, 3 } };
        bool ok2 = Solve(sys2, sol);
        Console.WriteLine("second system " + ok2 + ": " + sol[0] + ", " + sol[1] + ", " + sol[2]);
        Console.WriteLine("4/13 = " + Egyptian(new Rational(4, 13)) + "; 3/7 = " + Egyptian(new Rational(3, 7)) + "; 7/15 = " + Egyptian(new Rational(7, 15)));
        return (int)((h.Num + h.Den) % 256);
    }
}
