// Integer ToString(format) across the types: D, X/x with widths, N, F, E, G with precision, P, C,
// for zero, negatives and the limits, plus IFormattable through interpolation.
using System;

static class Program
{
    static int Main()
    {
        string[] formats = { "D", "D6", "X", "x8", "N", "N0", "F3", "E", "e2", "G", "G2", "G10", "P", "C", "C0", "n1" };
        long[] values = { 0, 1, -1, 42, -42, 999, 1000, 123456789, -987654321, int.MaxValue, int.MinValue, long.MaxValue, long.MinValue, 5000000000, 95, 9950 };
        int checksum = 0;
        foreach (long v in values)
        {
            var sb = new System.Text.StringBuilder();
            foreach (string f in formats)
            {
                string s = v.ToString(f);
                sb.Append(s).Append('|');
                foreach (char c in s) checksum = checksum * 31 + c;
            }
            Console.WriteLine(sb.ToString());
        }
        Console.WriteLine(((int)-1).ToString("X") + " " + ((short)-1).ToString("X") + " " + ((sbyte)-1).ToString("x") + " " + ((byte)255).ToString("X4") + " " + ((ushort)65535).ToString("N0") + " " + uint.MaxValue.ToString("X") + " " + ulong.MaxValue.ToString("E3") + " " + ulong.MaxValue.ToString("N"));
        Console.WriteLine(int.MinValue.ToString("D12") + " " + ((short)-5).ToString("D4") + " " + 7.ToString("d") + " " + 255.ToString("x1") + " " + 0.ToString("X0") + " " + 12.ToString("P0") + " " + (-3).ToString("C2"));
        Console.WriteLine($"{255:X4}|{-7,5:D3}|{1234567,-12:N0}|{3:E1}|");
        Console.WriteLine(5.ToString("R") + (-12L).ToString("r"));
        try { 5.ToString("Z"); } catch (FormatException e) { Console.WriteLine(e.Message); }
        return checksum & 0xFF;
    }
}
