using System;

// Static methods with many arguments of mixed types (beyond the register-passed ones), returning various types.
static class Program
{
    static long Ten(int a, long b, short c, byte d, double e, float f, char g, bool h, uint i, ulong j)
    {
        long r = a;
        r = r * 31 + b;
        r = r * 31 + c;
        r = r * 31 + d;
        r = r * 31 + (long)(e * 100);
        r = r * 31 + (long)(f * 10);
        r = r * 31 + g;
        r = r * 31 + (h ? 1 : 0);
        r = r * 31 + i;
        r = r * 31 + (long)j;
        return r;
    }

    static double Doubles(double a, double b, double c, double d, double e, double f, double g, double h, double i, double j)
    {
        return a - b + c * d - e / f + g * h - i + j;
    }

    static int Ints(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j)
    {
        Console.Write(a); Console.Write(b); Console.Write(c); Console.Write(d); Console.Write(e);
        Console.Write(f); Console.Write(g); Console.Write(h); Console.Write(i); Console.WriteLine(j);
        return a * 1 + b * 2 + c * 3 + d * 4 + e * 5 + f * 6 + g * 7 + h * 8 + i * 9 + j * 10;
    }

    static string Strings(string a, string b, string c, int n, string d, string e, string f, bool pick)
    {
        string s = a + b + c;
        string t = d + e + f;
        return n > 0 ? (pick ? s : t) : (pick ? t + s : s + t);
    }

    static float Mixed(float a, int b, float c, long d, float e, double f, float g, byte h, float i)
    {
        return a + b + c + d + e + (float)f + g + h + i;
    }

    static int Forward(int a, int b, int c, int d, int e, int f, int g, int h, int i, int j)
    {
        // reorders arguments when calling the next method
        return Ints(j, i, h, g, f, e, d, c, b, a);
    }

    static int Main()
    {
        Console.WriteLine(Ten(1, -2, 3, 4, 5.25, 6.5f, 'Z', true, 4000000000u, 18000000000000000000UL));
        Console.WriteLine(Ten(-1, 1L << 40, -300, 255, -0.5, 0.1f, 'a', false, 0, 1));
        Console.WriteLine(Doubles(1, 2, 3, 4, 5, 6, 7, 8, 9, 10));
        Console.WriteLine(Doubles(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0));
        int r1 = Ints(1, 2, 3, 4, 5, 6, 7, 8, 9, 0);
        Console.WriteLine(r1);
        int r2 = Forward(1, 2, 3, 4, 5, 6, 7, 8, 9, 0);
        Console.WriteLine(r2);
        Console.WriteLine(Strings("a", "b", "c", 1, "d", "e", "f", true));
        Console.WriteLine(Strings("a", "b", "c", 1, "d", "e", "f", false));
        Console.WriteLine(Strings("x", "y", "z", 0, "1", "2", "3", true));
        Console.WriteLine(Strings("x", "y", "z", -1, "1", "2", "3", false));
        Console.WriteLine(Mixed(0.5f, 1, 1.5f, 2, 2.5f, 3.25, 0.125f, 200, 1e-3f));
        int nested = Ints(Ints(1, 1, 1, 1, 1, 1, 1, 1, 1, 1), 2, 3, 4, 5, 6, 7, 8, 9, 10);
        Console.WriteLine(nested);
        return (r1 + r2 + nested) % 256;
    }
}
