// Index and Range: ^n from the end, slices of arrays (a copy), strings (Substring) and spans
// (Slice), Index/Range values, their ToString and equality, and the failures: an out-of-range
// slice and a negative Index.
using System;
using System.Collections.Generic;

static class Program
{
    static string Show(int[] a) => "[" + string.Join(",", a) + "]";

    static int Main()
    {
        int[] a = { 10, 20, 30, 40, 50, 60 };
        Console.WriteLine(a[^1] + " " + a[^2] + " " + a[0]);
        Console.WriteLine(Show(a[1..4]) + " " + Show(a[..2]) + " " + Show(a[^3..]) + " " + Show(a[..]) + " " + Show(a[2..2]));
        string s = "Hello, world";
        Console.WriteLine(s[7..] + "|" + s[..5] + "|" + s[^5..^1] + "|" + s[^1]);
        Span<int> span = a;
        Span<int> middle = span[2..^1];
        middle[0] = 99;
        Console.WriteLine(middle.Length + " " + a[2] + " " + span[^1]);
        ReadOnlySpan<char> chars = s.AsSpan()[^5..];
        Console.WriteLine(chars.ToString() + " " + span.ToString() + " " + new ReadOnlySpan<string>(new[] { "a" }).ToString() + " " + span[1..3].ToString());
        var list = new List<int> { 1, 2, 3 };
        Console.WriteLine(list[^1]);

        Index i = ^2;
        Index j = 3;
        Range r = 1..^1;
        Console.WriteLine(i + " " + j + " " + r + " " + Range.All + " " + Range.StartAt(2) + " " + Range.EndAt(^0));
        Console.WriteLine(i.Value + " " + i.IsFromEnd + " " + i.GetOffset(10) + " " + j.GetOffset(10));
        var (offset, length) = r.GetOffsetAndLength(10);
        Console.WriteLine(offset + " " + length);
        Console.WriteLine(i.Equals(Index.FromEnd(2)) + " " + r.Equals(new Range(1, ^1)) + " " + (Index.Start.Equals(Index.End)));
        Console.WriteLine(a[i] + " " + s[j]);
        int failures = 0;
        try { Console.WriteLine(Show(a[4..2])); }
        catch (ArgumentOutOfRangeException e) { failures++; Console.WriteLine("slice: " + e.Message); }
        try { Console.WriteLine(s[5..100]); }
        catch (ArgumentOutOfRangeException e) { failures++; Console.WriteLine("substring: " + e.GetType().Name); }
        try { Console.WriteLine(new Index(-1)); }
        catch (ArgumentOutOfRangeException e) { failures++; Console.WriteLine("index: " + e.Message); }
        try { Console.WriteLine(a[^7]); }
        catch (IndexOutOfRangeException e) { failures++; Console.WriteLine("^7: " + e.Message); }
        return failures;
    }
}
