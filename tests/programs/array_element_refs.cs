using System;

// References to array elements: ref locals, ref arguments, in-place algorithms that swap through refs.
static class Program
{
    static void Swap(ref int a, ref int b) { int t = a; a = b; b = t; }
    static void AddTo(ref long target, long v) { target += v; }
    static void Clamp(ref double d, double lo, double hi) { if (d < lo) d = lo; else if (d > hi) d = hi; }

    static void Permute(int[] a, int k)
    {
        // rotate left by k using three reversals
        int n = a.Length;
        k %= n;
        Rev(a, 0, k - 1);
        Rev(a, k, n - 1);
        Rev(a, 0, n - 1);
    }
    static void Rev(int[] a, int i, int j) { while (i < j) Swap(ref a[i++], ref a[j--]); }

    static int Main()
    {
        int[] a = new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 };
        Permute(a, 4);
        for (int i = 0; i < a.Length; i++) { Console.Write(a[i]); Console.Write(" "); }
        Console.WriteLine();

        long[] buckets = new long[5];
        for (int i = 0; i < 100; i++) AddTo(ref buckets[i % 5], i * (long)i);
        for (int i = 0; i < buckets.Length; i++) Console.WriteLine(buckets[i]);

        double[] ds = new double[] { -5.5, 0.25, 3.0, 99.9, -0.1 };
        for (int i = 0; i < ds.Length; i++) Clamp(ref ds[i], 0.0, 10.0);
        for (int i = 0; i < ds.Length; i++) Console.WriteLine(ds[i]);

        // a ref to an element stays attached to that array even when the variable is reassigned
        int[] first = new int[] { 10, 20, 30 };
        int[] second = new int[] { 40, 50, 60 };
        int[] cur = first;
        ref int r = ref cur[1];
        cur = second;
        r = 99;
        Console.WriteLine(first[1]);
        Console.WriteLine(second[1]);

        // selection sort via refs
        int[] s = new int[] { 31, -4, 15, 9, 26, -53, 58, 97, 0, -93, 23, 84 };
        for (int i = 0; i < s.Length - 1; i++)
        {
            int m = i;
            for (int j = i + 1; j < s.Length; j++) if (s[j] < s[m]) m = j;
            if (m != i) Swap(ref s[i], ref s[m]);
        }
        for (int i = 0; i < s.Length; i++) { Console.Write(s[i]); Console.Write(" "); }
        Console.WriteLine();

        // struct-free histogram using ref to a computed index
        byte[] hist = new byte[8];
        for (int i = 0; i < 1000; i++)
        {
            ref byte cell = ref hist[(i * 37 + 11) % 8];
            cell++;
        }
        int chk = 0;
        for (int i = 0; i < hist.Length; i++) { Console.Write(hist[i]); Console.Write(" "); chk += hist[i] * (i + 1); }
        Console.WriteLine();
        Console.WriteLine(chk);
        return chk % 256;
    }
}
