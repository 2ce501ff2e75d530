using System;

// ref, out and in parameters on static methods: primitives, fields, array elements, chained refs.
static class Program
{
    static int s_global = 100;

    static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }
    static void SwapD(ref double a, ref double b) { double t = a; a = b; b = t; }
    static void DivMod(int a, int b, out int q, out int r) { q = a / b; r = a % b; }
    static bool TryParseDigit(char c, out int value)
    {
        if (c >= '0' && c <= '9') { value = c - '0'; return true; }
        value = -1;
        return false;
    }
    static long SumIn(in long a, in long b) { return a + b; }
    static void Inc(ref int x) { x++; }
    static void IncTwice(ref int x) { Inc(ref x); Inc(ref x); }
    static void MinMax(int[] arr, out int min, out int max)
    {
        min = int.MaxValue; max = int.MinValue;
        for (int i = 0; i < arr.Length; i++)
        {
            if (arr[i] < min) min = arr[i];
            if (arr[i] > max) max = arr[i];
        }
    }
    static void Aliased(ref int a, ref int b) { a = 1; b = 2; Console.WriteLine(a); }
    static void SetString(out string s, int n) { s = n > 0 ? "positive" : "non-positive"; }
    static void Ulong(ref ulong u) { u = u * 2 + 1; }

    static int Main()
    {
        int x = 3, y = 9;
        Swap(ref x, ref y);
        Console.WriteLine(x);
        Console.WriteLine(y);
        double d1 = 1.5, d2 = -2.25;
        SwapD(ref d1, ref d2);
        Console.WriteLine(d1);
        Console.WriteLine(d2);

        DivMod(-47, 5, out int q, out int r);
        Console.WriteLine(q);
        Console.WriteLine(r);

        string digits = "4a7";
        int total = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            bool ok = TryParseDigit(digits[i], out int v);
            Console.Write(ok);
            Console.Write(" ");
            Console.WriteLine(v);
            if (ok) total += v;
        }
        Console.WriteLine(total);

        long la = 5000000000L, lb = 7;
        Console.WriteLine(SumIn(la, lb));
        Console.WriteLine(SumIn(in la, 1));

        int[] arr = new int[] { 5, -3, 12, 0, 7 };
        Swap(ref arr[0], ref arr[4]);
        IncTwice(ref arr[1]);
        IncTwice(ref s_global);
        Console.WriteLine(arr[0]);
        Console.WriteLine(arr[1]);
        Console.WriteLine(arr[4]);
        Console.WriteLine(s_global);
        MinMax(arr, out int mn, out int mx);
        Console.WriteLine(mn);
        Console.WriteLine(mx);

        int same = 0;
        Aliased(ref same, ref same);
        Console.WriteLine(same);

        SetString(out string s1, 5);
        SetString(out string s2, -5);
        Console.WriteLine(s1);
        Console.WriteLine(s2);

        ulong u = 0x7FFFFFFFFFFFFFFFUL;
        Ulong(ref u);
        Console.WriteLine(u);
        Ulong(ref u);
        Console.WriteLine(u);
        return total + s_global % 50 + mx;
    }
}
