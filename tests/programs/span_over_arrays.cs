using System;

// Span<T> over managed arrays: new Span<T>(array), array.AsSpan(), new Span<T>(array, start, length), aliasing with the array.
static class Program
{
    static void Negate(Span<int> s) { for (int i = 0; i < s.Length; i++) s[i] = -s[i]; }
    static long Sum(ReadOnlySpan<int> s) { long t = 0; for (int i = 0; i < s.Length; i++) t += s[i]; return t; }
    static int IndexOfMax(ReadOnlySpan<double> s)
    {
        int best = 0;
        for (int i = 1; i < s.Length; i++) if (s[i] > s[best]) best = i;
        return best;
    }

    static int Main()
    {
        int[] arr = new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        Span<int> whole = new Span<int>(arr);
        Span<int> viaAs = arr.AsSpan();
        Span<int> part = new Span<int>(arr, 3, 4);
        Console.WriteLine(whole.Length);
        Console.WriteLine(viaAs.Length);
        Console.WriteLine(part.Length);
        Console.WriteLine(part[0]);
        Negate(part);
        for (int i = 0; i < arr.Length; i++) { Console.Write(arr[i]); Console.Write(" "); }
        Console.WriteLine();
        Console.WriteLine(Sum(whole));
        Console.WriteLine(Sum(viaAs.Slice(5)));
        arr[0] = 1000;
        Console.WriteLine(whole[0]);
        whole[9] = -1;
        Console.WriteLine(arr[9]);

        Span<int> implicitSpan = arr;
        Console.WriteLine(implicitSpan[1]);
        ReadOnlySpan<int> ro = arr;
        Console.WriteLine(Sum(ro.Slice(1, 2)));

        double[] ds = new double[] { 3.5, -1.0, 9.25, 9.0, 0.0 };
        Console.WriteLine(IndexOfMax(ds));
        Console.WriteLine(IndexOfMax(ds.AsSpan().Slice(3)));

        int[] empty = new int[0];
        Span<int> es = empty.AsSpan();
        Console.WriteLine(es.Length);
        Console.WriteLine(es.IsEmpty);
        Console.WriteLine(Sum(es));

        // sliding-window maximum sum using slices
        int[] data = new int[] { 4, -2, 7, 1, -8, 3, 9, -4, 2, 6, -1, 5 };
        Span<int> ds2 = data;
        long best = long.MinValue;
        int bestAt = -1;
        for (int i = 0; i + 4 <= ds2.Length; i++)
        {
            long s = Sum(ds2.Slice(i, 4));
            Console.Write(s);
            Console.Write(" ");
            if (s > best) { best = s; bestAt = i; }
        }
        Console.WriteLine();
        Console.WriteLine(best);
        Console.WriteLine(bestAt);

        byte[] bytes = new byte[] { 10, 20, 30, 40, 50, 60 };
        Span<byte> bs = bytes.AsSpan();
        Span<byte> tail = bs.Slice(2);
        tail[0] += 5;
        tail.Slice(1)[0] += 7;
        Console.WriteLine(bytes[2]);
        Console.WriteLine(bytes[3]);
        return (int)(best * 3 + bestAt);
    }
}
