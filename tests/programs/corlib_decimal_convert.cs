// decimal conversions and rounding as .NET 10 does them: implicit from every integer type and char,
// explicit from double (15 significant digits) and float (7), to double/float, to every integer type
// and char (truncation toward zero, OverflowException with .NET's per-type messages), decimal.Round/
// Math.Round with digits and every MidpointRounding, Truncate/Floor/Ceiling, Abs/Min/Max/Sign/Clamp,
// GetBits and the int[] constructor, and decimal.Parse/TryParse (styles, trailing sign, parentheses,
// exponents, rounding of long inputs, FormatException/OverflowException messages).
using System;
using System.Globalization;

static class Program
{
    static int checksum;

    static void Line(string text)
    {
        foreach (char c in text) checksum = checksum * 31 + c;
        Console.WriteLine(text);
    }

    static string Try<T>(Func<T> f)
    {
        try { return f().ToString(); }
        catch (OverflowException e) { return "Overflow: " + e.Message; }
        catch (FormatException e) { return "Format: " + e.Message; }
        catch (ArgumentOutOfRangeException e) { return "ArgumentOutOfRange: " + e.Message; }
        catch (ArgumentException e) { return "Argument: " + e.Message; }
    }

    static int Main()
    {
        decimal zero = 0m * 1;
        byte b = 200; sbyte sb = -100; short s = -30000; ushort us = 60000; char c = 'A';
        int i = int.MinValue; uint ui = uint.MaxValue; long l = long.MinValue; ulong ul = ulong.MaxValue;
        decimal[] fromIntegers = { b, sb, s, us, c, i, ui, l, ul, 0, -1, 1 };
        Line(string.Join(" ", fromIntegers));

        double[] doubles = { 0.1, 1.0 / 3, 2.0 / 3, 1e20, 1e-20, 123456789.123456789, 0.000123456789012345678, 1.23, 9.999999999999999e-5, -2.5, 1e28, 7.9e28, 1e-28, 4e-29, 5e-29, 1e-30, -0.0, 79228162514264330000000000000.0, 3.14159265358979, 1234567890123456789.0 };
        foreach (double d in doubles) Line(d.ToString("R") + " -> " + Try(() => (decimal)d) + " -> " + Try(() => ((double)(decimal)d).ToString("R")));
        float[] floats = { 0.1f, 1f / 3, 1e-8f, 16777216f, 3.4e28f, 1.17549435e-38f, 123.456f, -1e10f, 0.0001f };
        foreach (float f in floats) Line(f.ToString("R") + " -> " + Try(() => (decimal)f) + " -> " + Try(() => ((float)(decimal)f).ToString("R")));
        foreach (double d in new[] { 1e29, -8e28, double.NaN, double.PositiveInfinity, double.NegativeInfinity })
            Line(d.ToString("R") + " -> " + Try(() => (decimal)d));
        float fmax = float.MaxValue; Line(Try(() => (decimal)fmax));

        decimal[] values = { 0m, 0.5m, -0.5m, 1.5m, 2.5m, -2.5m, 255.9m, 256m, -128.9m, -129m, 32767.99m, 65535.5m, -1m, 2147483647.9m, 2147483648m, -2147483648.99m, 4294967295.5m, 9223372036854775807.9m, -9223372036854775808.5m, 18446744073709551615.1m, 18446744073709551616m, decimal.MaxValue, 0.123456789012345678901234567m, 65.7m };
        foreach (decimal raw in values)
        {
            decimal v = raw + zero;
            Line(v + ": " + Try(() => (byte)v) + " " + Try(() => (sbyte)v) + " " + Try(() => (short)v) + " " + Try(() => (ushort)v) + " " + Try(() => (int)v)
                + " " + Try(() => (uint)v) + " " + Try(() => (long)v) + " " + Try(() => (ulong)v) + " " + Try(() => (int)(char)v) + " " + ((double)v).ToString("R") + " " + ((float)v).ToString("R"));
        }

        decimal[] toRound = { 2.5m, 3.5m, -2.5m, 2.45m, 2.55m, -2.55m, 1.005m, 0.1234567890123456789012345678m, 123.4567m, -0.4m, 9.99999m, 7922816251426433759354395033.5m, 0m, 0.000m };
        MidpointRounding[] modes = { MidpointRounding.ToEven, MidpointRounding.AwayFromZero, MidpointRounding.ToZero, MidpointRounding.ToNegativeInfinity, MidpointRounding.ToPositiveInfinity };
        foreach (decimal raw in toRound)
        {
            decimal v = raw + zero;
            string line = v + ": " + Math.Round(v) + " " + decimal.Round(v, 1) + " " + Math.Round(v, 2) + " " + Math.Round(v, 5);
            foreach (MidpointRounding m in modes) line += " " + Math.Round(v, m) + "/" + decimal.Round(v, 1, m) + "/" + Math.Round(v, 3, m);
            line += " T" + decimal.Truncate(v) + " F" + Math.Floor(v) + " C" + decimal.Ceiling(v) + " A" + Math.Abs(v) + " S" + Math.Sign(v);
            Line(line);
        }
        Line(Try(() => decimal.Round(1.5m, 29)) + " | " + Try(() => Math.Round(1.5m, -1)) + " | " + Try(() => new decimal(1, 0, 0, false, 29)));
        decimal p = 1.0m + zero, q = 1.00m + zero;
        Line(Math.Max(p, q) + " " + Math.Min(p, q) + " " + decimal.Max(q, p) + " " + decimal.Min(q, p) + " " + Math.Clamp(5.5m, 1m, 3.25m) + " " + Math.Clamp(-5m, -1.5m, 3m) + " " + Math.Clamp(2.000m, 1m, 3m));

        int[] bits = decimal.GetBits(-123.4500m + zero);
        Line(string.Join(",", bits) + " " + new decimal(bits) + " " + new decimal(new[] { -1, -1, -1, 0x1C0000 }) + " " + (-123.4500m).Scale + " " + decimal.IsNegative(-zero) + " " + decimal.IsInteger(4.000m));
        Line(Try(() => new decimal(new[] { 1, 0, 0, 0x1D0000 })) + " | " + Try(() => new decimal(new[] { 1, 0, 0 })));

        string[] inputs = { "0", "-0", "-0.00", "1.10", "  -12,345.678  ", "1.5-", "(42.5)", "+.5", "5.", "1e5", "1.5E-3", "0.000", "79228162514264337593543950335", "79228162514264337593543950336",
            "-79228162514264337593543950335.4", "7922816251426433759354395033.45", "7922816251426433759354395033.55", "0.00000000000000000000000000005", "0.00000000000000000000000000015", "0.000000000000000000000000000051",
            "1.00000000000000000000000000005", "1.000000000000000000000000000050000000000001", "3.14159265358979323846264338327950288", "123456789012345678901234567890", "12345678901234567890123456789.5", "1e-40", "5e-29",
            "abc", "", " ", "1.2.3", "--1", "1 2", "1e", "(1", "1)", "12-3", "1,000,000", "½", "1\0\0" };
        foreach (string text in inputs)
        {
            string shown = text.Replace("\0", "\\0");
            bool ok = decimal.TryParse(text, out decimal r);
            Line("[" + shown + "] " + (ok ? r.ToString() : "fails") + " | " + Try(() => decimal.Parse(text, NumberStyles.Any, null)) + " | " + Try(() => decimal.Parse(text, NumberStyles.Float)) + " | " + Try(() => decimal.Parse(text)));
        }
        Line(Try(() => decimal.Parse("12", NumberStyles.None)) + " " + Try(() => decimal.Parse(" 12", NumberStyles.None)) + " " + Try(() => decimal.Parse("1,5", NumberStyles.Float)));
        try { decimal.Parse(null); } catch (ArgumentNullException e) { Line(e.Message); }
        Console.WriteLine("checksum " + checksum);
        return checksum & 0x7F;
    }
}
