// double and float ToString with standard formats: F, N, E, G with precision, P, C, R, computed on
// the exact binary value and rounded half to even as .NET Core 3.0+ does (0.125 -> "0.12").
using System;

static class Program
{
    static int Main()
    {
        double[] values = { 0.125, 0.375, 2.5, 3.5, 1.005, 0.5, 1.5, 1e21, 1e23, 123.456, -0.0, 0.0, 1e-7, -1e-7, 12345.6789, -9.995, 999.9996,
            double.MaxValue, double.Epsilon, 5e-324, 1.0 / 3, -2.0 / 3, 0.1 + 0.2, 9.5, 10.5, 0.045, 1234567.891, double.NaN, double.NegativeInfinity };
        string[] formats = { "F2", "F0", "F5", "E3", "e", "E0", "N1", "N", "G3", "G", "G17", "g5", "P1", "P0", "R", "C", "G1", "F10" };
        int checksum = 0;
        foreach (double v in values)
        {
            var line = new System.Text.StringBuilder();
            foreach (string f in formats)
            {
                string s = v.ToString(f);
                line.Append(s).Append(' ');
                foreach (char c in s) checksum = checksum * 31 + c;
            }
            string text = line.ToString();
            Console.WriteLine(text.Length > 400 ? text.Substring(0, 200) + "..." + text.Length : text);
        }
        float[] floats = { 0.1f, 1.5f, 3.4028235E+38f, -0.125f, 16777217f, 1e-10f };
        foreach (float v in floats)
            Console.WriteLine(v.ToString("F3") + " " + v.ToString("E2") + " " + v.ToString("G4") + " " + v.ToString("N2") + " " + v.ToString("R"));
        Console.WriteLine($"{Math.PI:F4} {Math.E,10:E2} [{-1.5,-8:F1}] {2.0 / 3:P2} {1e-300:G5}");
        Console.WriteLine(string.Format("{0:N3} {1:F1} {2:E1}", 1234.5678, -0.05, 1.0));
        return checksum & 0xFF;
    }
}
