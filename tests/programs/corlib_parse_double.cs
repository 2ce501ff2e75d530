// double.Parse/TryParse and float.Parse: correctly rounded conversions (halfway cases, long
// inputs, subnormals, overflow to infinity), NaN/Infinity words, styles, and failures.
using System;
using System.Globalization;

static class Program
{
    static int Main()
    {
        string[] inputs = { "0", "-0", "1.5", "  -1e10 ", "0.1", "0.3", "1,000.25", ".5", "5.", "+.5e+2", "1e308", "1.7976931348623157e308", "1.7976931348623159e308", "1e400", "-1e400",
            "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1e-400", "2.2250738585072011e-308", "2.2250738585072014e-308",
            "9007199254740993", "9007199254740993.0000000000000000000000001", "123456789012345678901234567890", "0.000000000000000000000000000000000000001234",
            "3.14159265358979323846264338327950288419716939937510", "NaN", "nan", "-Infinity", "infinity", "+Infinity", "1e", "abc", "", "1.2.3", "--1", "1e+", "0x10", "∞", "1_0", "12 ", " 1 2" };
        foreach (string s in inputs)
        {
            if (double.TryParse(s, out double d)) Console.WriteLine("[" + s + "] " + d.ToString("R") + " " + (d == 0 && double.IsNegative(d) ? "neg0" : ""));
            else Console.WriteLine("[" + s + "] fails");
        }
        string half = "0.5";
        Console.WriteLine(double.Parse(half) + " " + double.Parse("1" + "00000000000000000000000000000000000000000000000000000000000000000000000000000000001e-80"));
        Console.WriteLine(float.Parse("3.4028235E+38") + " " + float.Parse("3.4028236E+38") + " " + float.Parse("1e39") + " " + float.Parse("1.00000017881393432617187499") + " " + float.Parse("1.000000178813934326171875") + " " + float.Parse("1.40129846e-45") + " " + float.Parse("0.1"));
        Console.WriteLine(double.Parse("1,234", NumberStyles.Float | NumberStyles.AllowThousands) + " " + double.TryParse("1,234", NumberStyles.Float, null, out double noThousands) + " " + double.Parse("12", NumberStyles.None));
        double sum = 0;
        for (int i = 1; i <= 100; i++) sum += double.Parse("0." + i.ToString("D3"));
        Console.WriteLine(sum.ToString("R"));
        try { double.Parse("abc"); } catch (FormatException e) { Console.WriteLine(e.Message); }
        try { double.Parse(null); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        try { float.Parse("1..0"); } catch (FormatException e) { Console.WriteLine(e.Message); }
        return (int)sum;
    }
}
