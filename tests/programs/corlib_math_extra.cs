// Math: Clamp, Sign of floating point (NaN throws), Min/Max over the small types and float with
// NaN and signed zeros, Abs overflow of short/sbyte, DivRem, BigMul, Round to digits.
using System;

static class Program
{
    static int Main()
    {
        Console.WriteLine(Math.Clamp(5, 1, 3) + " " + Math.Clamp(-5, 1, 3) + " " + Math.Clamp(2L, 1L, 3L) + " " + Math.Clamp(7u, 8u, 9u) + " " + Math.Clamp(2.5, 0.0, 1.0) + " " + Math.Clamp(double.NaN, 0.0, 1.0));
        Console.WriteLine(Math.Sign(-2.5) + " " + Math.Sign(0.0) + " " + Math.Sign(-0.0) + " " + Math.Sign(1e-300) + " " + Math.Sign(-3.5f) + " " + Math.Sign((short)-4) + " " + Math.Sign((sbyte)9));
        Console.WriteLine(Math.Max((byte)3, (byte)200) + " " + Math.Min((short)-3, (short)2) + " " + Math.Max((ushort)3, (ushort)9) + " " + Math.Min((sbyte)-3, (sbyte)-4));
        Console.WriteLine(Math.Max(1f, float.NaN) + " " + Math.Min(-0f, 0f) + " " + Math.Max(-0f, 0f) + " " + Math.Min(2.5f, 1.5f) + " " + Math.Max(-1f, -2f));
        Console.WriteLine(Math.Abs((short)-7) + " " + Math.Abs((sbyte)-8) + " " + Math.DivRem(17, 5, out int r1) + " " + r1 + " " + Math.DivRem(-17L, 5L, out long r2) + " " + r2 + " " + Math.BigMul(int.MaxValue, int.MaxValue));
        Console.WriteLine(Math.Round(2.345, 2) + " " + Math.Round(2.355, 2) + " " + Math.Round(-1.5, 0) + " " + Math.Round(1234.5678, 1) + " " + Math.Round(1e17 + 0.5, 3) + " " + Math.Round(0.125, 2));
        try { Math.Clamp(1, 5, 3); } catch (ArgumentException e) { Console.WriteLine(e.Message); }
        try { Math.Sign(double.NaN); } catch (ArithmeticException e) { Console.WriteLine(e.Message); }
        try { Math.Abs(short.MinValue); } catch (OverflowException e) { Console.WriteLine(e.Message); }
        try { Math.Round(1.0, 16); } catch (ArgumentOutOfRangeException e) { Console.WriteLine(e.Message); }
        try { Math.DivRem(1, 0, out _); } catch (DivideByZeroException e) { Console.WriteLine(e.Message); }
        return Math.Clamp(300, 0, 255);
    }
}
