// Parameters: params arrays (empty, expanded, passed as an array), optional parameters with constant
// defaults, named arguments in any order, out variables declared inline and discarded, ref
// arguments, and overload resolution between params and fixed arities.
using System;

static class Program
{
    static int Sum(params int[] xs) { int s = 0; foreach (var x in xs) s += x; return s; }
    static string Join(string sep, params string[] parts) { string r = ""; for (int i = 0; i < parts.Length; i++) r = r + (i > 0 ? sep : "") + parts[i]; return r; }
    static string Pick(int a) => "one";
    static string Pick(int a, int b) => "two";
    static string Pick(params int[] a) => "params(" + a.Length + ")";
    static string Box(string text, int width = 10, char fill = '.', bool right = false)
    {
        int pad = Math.Max(0, width - text.Length);
        return right ? new string(fill, pad) + text : text + new string(fill, pad);
    }
    static bool Divide(int a, int b, out int q, out int r) { if (b == 0) { q = r = 0; return false; } q = a / b; r = a % b; return true; }
    static void Scale(ref int x, int by = 2) => x *= by;

    static int Main()
    {
        Console.WriteLine(Sum() + " " + Sum(1) + " " + Sum(1, 2, 3) + " " + Sum(new[] { 4, 5, 6, 7 }));
        Console.WriteLine(Join("-", "a", "b", "c") + " [" + Join(",") + "]");
        Console.WriteLine(Pick() + " " + Pick(1) + " " + Pick(1, 2) + " " + Pick(1, 2, 3));
        Console.WriteLine("[" + Box("hi") + "] [" + Box("hi", 5) + "] [" + Box("hi", fill: '*') + "] [" + Box(right: true, text: "hi", width: 6) + "]");
        if (Divide(17, 5, out int q, out var r)) Console.WriteLine(q + " r " + r);
        Console.WriteLine(Divide(1, 0, out _, out _));
        Divide(100, 7, out _, out int rem);
        int x = 3; Scale(ref x); Scale(ref x, by: 5);
        Console.WriteLine(rem + " " + x);
        return Sum(q, r, rem, x);
    }
}
