// string.CompareOrdinal and string.Compare over substrings (indexA, indexB, length): ordinal results
// are differences of chars or lengths, the lengths clipped at each string's end; the bool and
// StringComparison overloads (culture kinds are ordinal under invariant globalization, IgnoreCase by
// simple case mapping); nulls, and the argument failures in .NET's order.
#nullable disable
using System;

static class Program
{
    static int failures;

    static void Try(string label, Func<int> f)
    {
        try { Console.WriteLine(label + " = " + f()); }
        catch (Exception e) { failures++; Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message); }
    }

    static int Main()
    {
        string a = "Hello, World", b = "hello, world!", c = "abcABCabc", d = "", n = null;
        string[] strs = { a, b, c, d, n, "World", "WORLD!", "\u00e9t\u00c9", "\uD83D\uDE00x" };
        int[][] args =
        {
            new[] { 0, 0, 5 }, new[] { 7, 7, 5 }, new[] { 7, 0, 100 }, new[] { 0, 0, 0 }, new[] { 3, 6, 3 }, new[] { 1, 1, 12 },
            new[] { 12, 0, 1 }, new[] { 0, 13, 2 }, new[] { 13, 0, 0 }, new[] { -1, 0, 1 }, new[] { 0, -1, 1 }, new[] { 0, 0, -1 },
            new[] { 20, 0, 1 }, new[] { 0, 20, 1 }, new[] { 2, 2, int.MaxValue }, new[] { -1, -1, -1 }, new[] { 0, 0, 2 }, new[] { -1, 7, 1 }, new[] { 7, -1, 1 }, new[] { 0, 7, 0 }, new[] { 6, 6, 9 },
        };
        StringComparison[] kinds = { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase, StringComparison.CurrentCulture,
            StringComparison.InvariantCultureIgnoreCase, (StringComparison)7 };
        for (int i = 0; i < strs.Length; i++)
        {
            for (int j = 0; j < strs.Length; j++)
            {
                string x = strs[i], y = strs[j];
                string tag = (x == null ? "null" : "\"" + x + "\"") + " vs " + (y == null ? "null" : "\"" + y + "\"");
                foreach (var t in args)
                {
                    int ia = t[0], ib = t[1], len = t[2];
                    string at = " [" + ia + "," + ib + "," + len + "]";
                    Try("ord " + tag + at, () => string.CompareOrdinal(x, ia, y, ib, len));
                    Try("cmp " + tag + at, () => Math.Sign(string.Compare(x, ia, y, ib, len)));
                    Try("ic " + tag + at, () => Math.Sign(string.Compare(x, ia, y, ib, len, true)));
                    foreach (var k in kinds)
                    {
                        int r;
                        try { r = string.Compare(x, ia, y, ib, len, k); }
                        catch (Exception e) { failures++; Console.WriteLine(k + " " + tag + at + " ! " + e.GetType().Name + ": " + e.Message); continue; }
                        // Ordinal results are char differences; the culture kinds only promise a sign.
                        Console.WriteLine(k + " " + tag + at + " = " + (k == StringComparison.Ordinal ? r : Math.Sign(r)));
                    }
                }
                Try("ord2 " + tag, () => string.CompareOrdinal(x, y));
            }
        }
        // Two-string ordinal comparisons: .NET's CompareOrdinal reads two chars at a time through the
        // terminating NUL, so a prefix one char shorter gives the next char's value, not 1.
        string[] prefixes = { "", "a", "ab", "abc", "abcd", "abcdefghijklmnopq", "abcdefghijklmnopqr", "ab\0", "x" };
        foreach (string x in prefixes)
            foreach (string y in prefixes)
                Console.WriteLine("prefix " + x.Length + " " + y.Length + ": " + string.CompareOrdinal(x, y) + " " + string.Compare(x, y, StringComparison.Ordinal)
                    + " " + x.CompareTo(y) + " " + string.Compare(x, y) + " " + string.Compare(x, y, StringComparison.InvariantCulture) + " " + string.Compare(x, y, true)
                    + " " + StringComparer.Ordinal.Compare(x, y) + " " + StringComparer.InvariantCulture.Compare(x, y) + " " + StringComparer.CurrentCultureIgnoreCase.Compare(x, y)
                    + " " + StringComparer.FromComparison(StringComparison.Ordinal).Compare(x, y) + " " + StringComparer.FromComparison(StringComparison.CurrentCulture).Compare(x, y)
                    + " " + Math.Sign(string.CompareOrdinal(x, 0, y, 0, 30)) + " " + ((IComparable)x).CompareTo(y));
        Try("fromcomparison 6", () => StringComparer.FromComparison((StringComparison)6).Compare("a", "b"));
        Try("same", () => string.CompareOrdinal(a, 3, a, 3, 50));
        Try("same2", () => string.Compare(a, 3, a, 3, 50, StringComparison.Ordinal));
        return failures & 0xFF;
    }
}
