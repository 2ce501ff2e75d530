// Custom numeric format strings: 0 and # placeholders, decimal point, grouping and scaling commas,
// percent and per-mille, exponents, quoted and escaped literals, and positive;negative;zero sections,
// on integers and doubles (which enter with 15 significant digits, then round half away from zero).
using System;

static class Program
{
    static int Main()
    {
        string[] formats = { "0", "0.00", "#.##", "#,##0", "#,##0.00", "000000", "0.#", "#", "0,", "0,,.0", "0%", "0.0%", "#,#", "00.00E+0", "0.###e-00", "0.0E0",
            "'$'#,##0.00", "\\#0", "#,##0;(#,##0);zero", "0.00;-0.00", "[0]", "0.00 'units'", "##0.0\u2030", "0.##;;'nothing'" };
        double[] doubles = { 0, 1, -1, 0.5, 1.5, 2.5, -2.5, 0.125, 0.005, 1234.5678, -1234.5678, 1234567.891, 0.000123456, 1e20, 123456789012345678, 0.1 + 0.2, -0.004, 99.995, 1.0 / 3 };
        long[] longs = { 0, 7, -7, 1234, -1234567, 1000000, long.MaxValue, 5, 50, 999999 };
        int checksum = 0;
        foreach (string f in formats)
        {
            var sb = new System.Text.StringBuilder(f).Append(" =>");
            foreach (double d in doubles) sb.Append(' ').Append(d.ToString(f));
            sb.Append(" |");
            foreach (long l in longs) sb.Append(' ').Append(l.ToString(f));
            string line = sb.ToString();
            foreach (char c in line) checksum = checksum * 31 + c;
            Console.WriteLine(line);
        }
        Console.WriteLine($"{3.14159:0.00} {1234567:#,##0} {0.256:0.0%} {-5:0;minus 0}");
        Console.WriteLine(string.Format("{0:000.0} {1:#,##0.##}", 7.25, 12345.678));
        return checksum & 0xFF;
    }
}
