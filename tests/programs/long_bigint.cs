// Arbitrary-precision unsigned integers as a class over base-10^9 limbs: addition, subtraction,
// multiplication (schoolbook), division by a small number, comparison; factorials, Fibonacci,
// powers of two and a digit sum, printed in decimal.
using System;

sealed class BigNat
{
    const uint Base = 1000000000;
    uint[] limbs; int n;
    BigNat(int cap) { limbs = new uint[Math.Max(cap, 1)]; }
    public static BigNat From(ulong v) { var b = new BigNat(3); while (v > 0) { b.limbs[b.n++] = (uint)(v % Base); v /= Base; } return b; }
    public bool IsZero => n == 0;
    public static BigNat operator +(BigNat a, BigNat b)
    {
        var r = new BigNat(Math.Max(a.n, b.n) + 1); ulong carry = 0;
        for (int i = 0; i < Math.Max(a.n, b.n) || carry != 0; i++)
        {
            ulong s = carry + (i < a.n ? a.limbs[i] : 0) + (i < b.n ? b.limbs[i] : 0);
            r.limbs[i] = (uint)(s % Base); carry = s / Base; r.n = i + 1;
        }
        return r;
    }
    public static BigNat operator -(BigNat a, BigNat b)
    {
        if (Compare(a, b) < 0) throw new ArgumentException("negative result");
        var r = new BigNat(a.n); long borrow = 0;
        for (int i = 0; i < a.n; i++)
        {
            long d = (long)a.limbs[i] - borrow - (i < b.n ? b.limbs[i] : 0);
            borrow = d < 0 ? 1 : 0; if (d < 0) d += Base;
            r.limbs[i] = (uint)d;
        }
        r.n = a.n; while (r.n > 0 && r.limbs[r.n - 1] == 0) r.n--;
        return r;
    }
    public static BigNat operator *(BigNat a, BigNat b)
    {
        var acc = new ulong[a.n + b.n + 1];
        for (int i = 0; i < a.n; i++)
        {
            ulong carry = 0;
            for (int j = 0; j < b.n || carry != 0; j++)
            {
                ulong cur = acc[i + j] + carry + (j < b.n ? (ulong)a.limbs[i] * b.limbs[j] : 0);
                acc[i + j] = cur % Base; carry = cur / Base;
            }
        }
        var r = new BigNat(acc.Length);
        for (int i = 0; i < acc.Length; i++) r.limbs[i] = (uint)acc[i];
        r.n = acc.Length; while (r.n > 0 && r.limbs[r.n - 1] == 0) r.n--;
        return r;
    }
    public BigNat DivSmall(uint d, out uint rem)
    {
        var r = new BigNat(n); ulong cur = 0;
        for (int i = n - 1; i >= 0; i--) { cur = cur * Base + limbs[i]; r.limbs[i] = (uint)(cur / d); cur %= d; }
        r.n = n; while (r.n > 0 && r.limbs[r.n - 1] == 0) r.n--;
        rem = (uint)cur; return r;
    }
    public static int Compare(BigNat a, BigNat b)
    {
        if (a.n != b.n) return a.n < b.n ? -1 : 1;
        for (int i = a.n - 1; i >= 0; i--) if (a.limbs[i] != b.limbs[i]) return a.limbs[i] < b.limbs[i] ? -1 : 1;
        return 0;
    }
    public override string ToString()
    {
        if (n == 0) return "0";
        var c = new char[n * 9]; int k = 0;
        string top = limbs[n - 1].ToString();
        for (int i = 0; i < top.Length; i++) c[k++] = top[i];
        for (int i = n - 2; i >= 0; i--) { uint v = limbs[i]; for (int d = 8; d >= 0; d--) { c[k + d] = (char)('0' + v % 10); v /= 10; } k += 9; }
        return new string(c, 0, k);
    }
    public int DigitSum() { string s = ToString(); int t = 0; for (int i = 0; i < s.Length; i++) t += s[i] - '0'; return t; }
}

static class Program
{
    static int Main()
    {
        var f = BigNat.From(1);
        for (uint i = 1; i <= 60; i++) { f = f * BigNat.From(i); if (i % 15 == 0) Console.WriteLine(i + "! = " + f); }
        Console.WriteLine("digit sum of 60! = " + f.DigitSum());
        var a = BigNat.From(0); var b = BigNat.From(1);
        for (int i = 0; i < 300; i++) { var t = a + b; a = b; b = t; }
        Console.WriteLine("fib(300) = " + a);
        var p = BigNat.From(1); var two = BigNat.From(2);
        for (int i = 0; i < 200; i++) p = p * two;
        Console.WriteLine("2^200 = " + p);
        var q = p.DivSmall(7, out uint rem);
        Console.WriteLine("2^200 / 7 = " + q + " rem " + rem);
        var back = q * BigNat.From(7) + BigNat.From(rem);
        Console.WriteLine("reconstructs " + (BigNat.Compare(back, p) == 0));
        var diff = f - p;
        Console.WriteLine("60! - 2^200 = " + diff);
        try { var bad = p - f; Console.WriteLine(bad); } catch (ArgumentException e) { Console.WriteLine("error: " + e.Message); }
        // sum of digits of 2^1000
        var big = BigNat.From(1);
        for (int i = 0; i < 10; i++) big = big * (BigNat.From(1UL << 50) * BigNat.From(1UL << 50));
        Console.WriteLine("digit sum of 2^1000 = " + big.DigitSum());
        return big.DigitSum() & 0xFF;
    }
}
