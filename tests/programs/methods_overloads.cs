using System;

// Overload resolution among static methods by argument type, implicit widening at call sites, and optional-style chaining.
static class Program
{
    static string Kind(int x) { return "int"; }
    static string Kind(long x) { return "long"; }
    static string Kind(uint x) { return "uint"; }
    static string Kind(double x) { return "double"; }
    static string Kind(float x) { return "float"; }
    static string Kind(char x) { return "char"; }
    static string Kind(string x) { return "string"; }
    static string Kind(bool x) { return "bool"; }

    static long Scale(int v) { return Scale(v, 10); }
    static long Scale(int v, int factor) { return Scale((long)v, factor, 0); }
    static long Scale(long v, int factor, long offset) { return v * factor + offset; }

    static double Avg(int a, int b) { return (a + b) / 2.0; }
    static double Avg(double a, double b, double c) { return (a + b + c) / 3; }

    static int Main()
    {
        byte b = 1; sbyte sb = -1; short s = 2; ushort us = 3; ulong ul = 4;
        Console.WriteLine(Kind(1));
        Console.WriteLine(Kind(1L));
        Console.WriteLine(Kind(1u));
        Console.WriteLine(Kind(1.0));
        Console.WriteLine(Kind(1.0f));
        Console.WriteLine(Kind('c'));
        Console.WriteLine(Kind("s"));
        Console.WriteLine(Kind(true));
        Console.WriteLine(Kind(b));
        Console.WriteLine(Kind(sb));
        Console.WriteLine(Kind(s));
        Console.WriteLine(Kind(us));
        Console.WriteLine(Kind(ul));
        Console.WriteLine(Kind(b + b));
        Console.WriteLine(Kind('a' + 1));
        Console.WriteLine(Kind(1u + 1));
        Console.WriteLine(Kind(1u + 1L));
        Console.WriteLine(Kind(1 + 1.0f));
        Console.WriteLine(Kind(1.0f + 1.0));

        Console.WriteLine(Scale(7));
        Console.WriteLine(Scale(7, -3));
        Console.WriteLine(Scale(3000000000L, 3, 1));
        Console.WriteLine(Avg(3, 4));
        Console.WriteLine(Avg(1, 2, 4));
        Console.WriteLine(Avg(int.MaxValue, int.MaxValue));
        return (int)Scale(7) + 5;
    }
}
