// BitConverter (bits of doubles and floats, bytes of every primitive, the hex dump form and its
// failures) and the rest of Math: Asinh, Acosh, Atanh, ScaleB (overflow, gradual underflow),
// ILogB, CopySign, BitIncrement, BitDecrement, for double and float. Asinh/Acosh/Atanh are correctly
// rounded here, while glibc's (which CoreCLR calls) are often an ulp or two off: they are compared at
// 12 significant digits (5 for float), and the sweep's checksum drops the last 20 bits of each result.
using System;

static class Program
{
    static string Bits(double x) => BitConverter.DoubleToInt64Bits(x).ToString("X16");
    static string Bits(float x) => BitConverter.SingleToInt32Bits(x).ToString("X8");
    static long Coarse(double x) => (BitConverter.DoubleToInt64Bits(x) + 0x80000) >> 20;

    static int Main()
    {
        Console.WriteLine(BitConverter.IsLittleEndian + " " + Bits(1.5) + " " + Bits(-0.0) + " " + Bits(1.5f) + " " + BitConverter.Int64BitsToDouble(0x400921FB54442D18) + " " + BitConverter.Int32BitsToSingle(0x40490FDB));
        Console.WriteLine(BitConverter.ToString(BitConverter.GetBytes(0x12345678)) + " " + BitConverter.ToString(BitConverter.GetBytes(-2L)) + " " + BitConverter.ToString(BitConverter.GetBytes(3.25)) + " " + BitConverter.ToString(BitConverter.GetBytes('Z')) + " " + BitConverter.ToString(BitConverter.GetBytes(true)) + " " + BitConverter.ToString(BitConverter.GetBytes((ushort)65534)) + " " + BitConverter.ToString(BitConverter.GetBytes(2.5f)));
        byte[] data = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 0xFF };
        Console.WriteLine(BitConverter.ToInt32(data, 1) + " " + BitConverter.ToInt64(data, 2) + " " + BitConverter.ToUInt16(data, 8) + " " + BitConverter.ToInt16(data, 8) + " " + BitConverter.ToDouble(data, 0) + " " + BitConverter.ToSingle(data, 6) + " " + BitConverter.ToChar(data, 0) + " " + BitConverter.ToBoolean(data, 9) + " " + BitConverter.ToUInt64(data, 0) + " " + BitConverter.ToUInt32(data, 6));
        Console.WriteLine(BitConverter.ToString(data, 7) + " | " + BitConverter.ToString(data, 2, 3) + " | " + BitConverter.ToString(new byte[0]) + ".");
        int failures = 0;
        foreach (Action bad in new Action[] { () => BitConverter.ToInt32(data, 7), () => BitConverter.ToInt32(data, 10), () => BitConverter.ToInt64(data, -1), () => BitConverter.ToString(data, 11), () => BitConverter.ToString(data, 2, 9), () => BitConverter.ToString(data, 0, -1), () => BitConverter.ToInt16(null!, 0), () => BitConverter.ToString(data, 10, 0) })
        {
            try { bad(); }
            catch (ArgumentException e) { failures++; Console.WriteLine(e.GetType().Name + ": " + e.Message); }
        }

        double[] xs = { 0.0, -0.0, 1e-300, 3e-9, -3e-9, 1e-5, 0.1, -0.5, 0.5, 0.75, 0.999999, 1.0, -1.0, 1.0000001, 1.5, 2.0, 10.0, 123.456, 1e8, 3e8, -7e8, 1e20, 1e200, 1.7e308, double.PositiveInfinity, double.NegativeInfinity, double.NaN };
        foreach (var x in xs)
            Console.WriteLine(x + ": asinh " + Math.Asinh(x).ToString("G12") + " acosh " + Math.Acosh(x).ToString("G12") + " atanh " + Math.Atanh(x).ToString("G12") + " ilogb " + Math.ILogB(x) + " up " + Bits(Math.BitIncrement(x)) + " down " + Bits(Math.BitDecrement(x))
                + " | f " + MathF.Asinh((float)x).ToString("G5") + " " + MathF.Acosh((float)x).ToString("G5") + " " + MathF.Atanh((float)x).ToString("G5") + " " + MathF.ILogB((float)x));
        ulong state = 0x9E3779B97F4A7C15;
        long checksum = 0;
        for (int i = 0; i < 300; i++)
        {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            double u = (state >> 11) * (1.0 / 9007199254740992.0);
            double small = (u - 0.5) * 1.98;
            double wide = Math.Pow(10, u * 16 - 8);
            checksum = checksum * 31 + Coarse(Math.Atanh(small)) + Coarse(Math.Asinh(wide * (i % 2 == 0 ? 1 : -1))) + Coarse(Math.Acosh(1 + wide));
        }
        Console.WriteLine("checksum " + checksum);
        foreach (var (x, n) in new[] { (1.0, 1023), (1.0, 1024), (1.5, -1074), (1.5, -1075), (3.0, -1075), (1.0, -1076), (0.75, 1024), (4.9e-324, 1074), (1.7e308, -2098), (-2.5, 7), (1.0, int.MaxValue), (1.0, int.MinValue), (double.NaN, 3), (-0.0, 10) })
            Console.WriteLine("scaleb " + x + " " + n + " = " + Bits(Math.ScaleB(x, n)) + " f " + Bits(MathF.ScaleB((float)x, n)));
        Console.WriteLine(Math.CopySign(3.0, -0.0) + " " + Math.CopySign(-2.0, 1.0) + " " + MathF.CopySign(1.5f, -1f) + " " + Bits(Math.BitIncrement(-0.0)) + " " + Bits(Math.BitDecrement(0.0)) + " " + (Math.BitIncrement(double.MaxValue) == double.PositiveInfinity) + " " + (Math.BitDecrement(double.NegativeInfinity) == double.NegativeInfinity) + " " + (Math.BitIncrement(double.NegativeInfinity) == double.MinValue));
        return failures;
    }
}
