using System;

// ReadOnlySpan<T>: over arrays and strings, foreach over Span and ReadOnlySpan, Span -> ReadOnlySpan conversion.
static class Program
{
    static int CountVowels(ReadOnlySpan<char> s)
    {
        int n = 0;
        foreach (char c in s)
        {
            if (c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u') n++;
        }
        return n;
    }

    static double Mean(ReadOnlySpan<double> values)
    {
        double sum = 0;
        foreach (double v in values) sum += v;
        return values.Length == 0 ? 0 : sum / values.Length;
    }

    static int Main()
    {
        string text = "the rain in spain stays mainly in the plain";
        ReadOnlySpan<char> span = text.AsSpan();
        Console.WriteLine(span.Length);
        Console.WriteLine(CountVowels(span));
        Console.WriteLine(CountVowels(span.Slice(4, 4)));
        Console.WriteLine(span[12]);
        foreach (char c in span.Slice(12, 5)) { Console.Write(c); Console.Write('|'); }
        Console.WriteLine();

        double[] vals = new double[] { 1.5, 2.5, 3.5, 10.0 };
        Console.WriteLine(Mean(vals));
        Console.WriteLine(Mean(vals.AsSpan().Slice(0, 3)));
        Console.WriteLine(Mean(new double[0]));

        int[] nums = new int[] { 5, 3, 8, 1, 9, 2 };
        Span<int> ns = nums;
        foreach (ref int x in ns) x *= 10;           // foreach by ref over Span<T> mutates the array
        foreach (int x in nums) { Console.Write(x); Console.Write(" "); }
        Console.WriteLine();
        int total = 0;
        foreach (int x in (ReadOnlySpan<int>)ns) total += x;
        Console.WriteLine(total);

        Span<int> st = stackalloc int[6];
        int k = 0;
        foreach (ref int slot in st) slot = k++ * k;
        foreach (int v in st) { Console.Write(v); Console.Write(" "); }
        Console.WriteLine();

        ReadOnlySpan<char> word = "Grüße中😀".AsSpan();
        int units = 0;
        foreach (char c in word) { units++; Console.Write((int)c); Console.Write(" "); }
        Console.WriteLine();
        Console.WriteLine(units);

        // foreach over an array of structs-free primitives with early break
        int firstBig = -1;
        foreach (int x in nums)
        {
            if (x > 50) { firstBig = x; break; }
        }
        Console.WriteLine(firstBig);
        return total % 256;
    }
}
