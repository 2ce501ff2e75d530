// string.Format, Console.WriteLine(format, args) and interpolation ($"..." lowered to
// DefaultInterpolatedStringHandler): alignment, integer standard formats, escapes, nulls, objects.
using System;

struct Temp : IFormattable
{
    public int Tenths;
    public override string ToString() => "Temp(" + Tenths + ")";
    public string ToString(string format, IFormatProvider provider) => format == "C" ? (Tenths / 10) + "." + (Tenths % 10) + "C" : "T" + Tenths;
}

sealed class Node { public string Name; public override string ToString() => "Node:" + Name; }

static class Program
{
    static int Main()
    {
        int n = 42;
        long big = -1234567890123;
        Console.WriteLine(string.Format("{0} and {1}", n, "text"));
        Console.WriteLine(string.Format("[{0,5}] [{0,-5}] [{1,8}]", n, "ab"));
        Console.WriteLine(string.Format("{0:D5} {0:X} {0:x4} {1:N0} {1:N2} {0:F1} {2:E2} {0:P0}", n, big, 123456));
        Console.WriteLine(string.Format("{{literal}} {0}}} {{{0}", 7));
        Console.WriteLine(string.Format("{0}|{1}|{2}", null, true, 'c'));
        Console.WriteLine(string.Format("{0} {1} {2} {3}", 1, 2, 3, 4));
        Console.WriteLine("{0}-{1}", "a", "b");
        Console.WriteLine("{0,-6}|{1,6:X8}|", "x", 255);
        Console.WriteLine($"n={n}, hex={n:X2}, padded=[{n,6}] left=[{n,-6}] both=[{n,8:D4}]");
        string s = null;
        object o = new Node { Name = "root" };
        Console.WriteLine($"null=[{s}] obj={o} bool={n > 3} char={'q'} double={0.1 + 0.2} neg={-n}");
        var t = new Temp { Tenths = 215 };
        Console.WriteLine($"{t} {t:C} {t,10:C}|");
        Console.WriteLine(string.Format("{0} {0:C}", t));
        Console.WriteLine($"{big:N0} {(byte)200:X} {(short)-1:X} {(sbyte)-2:x} {uint.MaxValue:N0} {ulong.MaxValue:D22}");
        Console.WriteLine($"{123456789:E} {123456789:e3} {5:E0} {0:E2} {999999:G3} {123:G} {-5:C} {5:C0} {0.5f}");
        Console.WriteLine($"{1234567:F3} {-42:N1} {7:P1} {int.MinValue:D} {long.MinValue:X}");
        int? maybe = null;
        int? some = 5;
        Console.WriteLine($"[{maybe}] [{some}] [{some:D3}]");
        string built = $"{1}{2}{3}" + $"{"x"}{"y"}";
        Console.WriteLine(built);
        try { string.Format("{1}", 5); } catch (FormatException e) { Console.WriteLine(e.Message); }
        try { string.Format(null, 5); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        return built.Length;
    }
}
