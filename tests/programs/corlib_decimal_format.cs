// decimal → text as .NET prints it under the invariant culture: ToString() with every digit and
// trailing zeros (never scientific), the standard formats G/F/N/C/E/P (and R, which is G for
// decimal) with and without precision, rounding half away from zero on the exact digits, no minus
// sign on a value that rounds to zero, custom formats ("0.00", "#,##0.##", sections, %, exponents),
// string interpolation with alignment and format, Console/StringBuilder overloads, and the
// FormatException for formats decimal does not take (D, X).
using System;
using System.Text;

static class Program
{
    static int checksum;

    static void Line(string text)
    {
        foreach (char c in text) checksum = checksum * 31 + c;
        Console.WriteLine(text);
    }

    static int Main()
    {
        decimal zero = 0m * 1;
        decimal[] values =
        {
            0m, 1m, -1m, 1.10m, -1.10m, 0.5m, 1.5m, 2.5m, -2.5m, 0.125m, 0.005m, -0.005m, 0.0001m, 0.00001m, 123.456m,
            -0.0000000000000000000000000001m, 0.0000000000000000000000000001m, 1234567.891m, -9876543210.0123456789m,
            decimal.MaxValue, decimal.MinValue, 0.00m, 100m, 1000000m, 999.9999m, 0.9999999m, 12345678901234567890.12345678m,
            7922816251426433759354395033.5m, 0.1000m, 1e10m, 31.4159265358979323846264338m, -0.000m,
        };
        string[] formats =
        {
            null, "", "G", "G0", "G1", "G3", "G5", "G10", "G29", "g4", "R", "F", "F0", "F1", "F3", "F10", "N", "N0", "N4", "n",
            "C", "C0", "C3", "E", "E0", "E3", "e10", "P", "P0", "P3", "0", "0.00", "#,##0.##", "#.#", "000.000", "#,#", "0.###E+0",
            "0.0#;(0.0#);zero", "#,##0.00;-#,##0.00", "0%", "0.00\u2030", "'$'#,##0.00", "##0.0##", "#,##0,,", "0.0e-00", "\\#0",
        };
        foreach (decimal raw in values)
        {
            decimal v = raw + zero;
            var sb = new StringBuilder();
            sb.Append(v.ToString()).Append(" |");
            foreach (string f in formats) sb.Append(' ').Append(v.ToString(f));
            Line(sb.ToString());
        }
        decimal price = 1234.5m + zero, qty = 3, tax = 0.0825m + zero;
        Line($"price {price}, total {price * qty:N2}, tax {price * qty * tax:F4}, rounded {Math.Round(price * qty * tax, 2)}");
        Line($"[{price,12:F1}] [{price,-12:C}] [{-price,10}] [{tax:P1}] [{tax:0.0000%}]");
        Line(string.Format("{0} {1:E2} {2:G3} {0,8:0.0}", price, qty / 7, tax));
        Console.Write(price);
        Console.Write(' ');
        Console.WriteLine(-price);
        var builder = new StringBuilder();
        builder.Append(1.50m + zero).Append(';').Insert(0, 2.000m + zero);
        Line(builder.ToString());
        object boxed = 12.340m + zero;
        Line(boxed.ToString() + " " + ((IFormattable)boxed).ToString("F1", null) + " " + boxed.Equals(12.34m));
        foreach (string bad in new[] { "D", "X", "D5", "x2", "B" })
        {
            try { Line((1.5m + zero).ToString(bad)); }
            catch (FormatException e) { Line(bad + ": " + e.Message); }
        }
        // Values produced by arithmetic format like literals.
        decimal third = (1 + zero) / 3;
        Line(third.ToString("F2") + " " + third.ToString("G") + " " + third.ToString("E27") + " " + third.ToString("0.##########") + " " + (third * 3).ToString("N28"));
        Line((-(0.001m + zero)).ToString("F2") + " " + (-(0.001m + zero)).ToString("0.00") + " " + (-(0.001m + zero)).ToString("E1") + " " + Math.Round(-(0.4m + zero)));
        Console.WriteLine("checksum " + checksum);
        return checksum & 0x7F;
    }
}
