// Parse and TryParse for the integer types: signs, white space, limits, hexadecimal, thousands,
// and the FormatException/OverflowException/ArgumentNullException messages.
using System;
using System.Globalization;

static class Program
{
    static void TryInt(string s)
    {
        try { Console.WriteLine("int " + int.Parse(s)); }
        catch (FormatException e) { Console.WriteLine("F " + e.Message); }
        catch (OverflowException e) { Console.WriteLine("O " + e.Message); }
    }

    static int Main()
    {
        string[] inputs = { "0", "42", "-42", "+7", "  12  ", "\t-3\n", "2147483647", "-2147483648", "2147483648", "-2147483649",
            "", " ", "-", "+", "1 2", "12a", "0x10", "1.0", "1,000", "00000000000000000000123", "99999999999999999999", "99999999999999999999x", "5\0\0", "--1", "٣" };
        foreach (string s in inputs) TryInt(s);
        foreach (string s in inputs)
        {
            bool ok = int.TryParse(s, out int v);
            Console.Write(ok ? v.ToString() : "x");
            Console.Write(' ');
        }
        Console.WriteLine();
        Console.WriteLine(long.Parse("-9223372036854775808") + " " + long.Parse("9223372036854775807") + " " + ulong.Parse("18446744073709551615") + " " + uint.Parse("4294967295"));
        Console.WriteLine(byte.Parse("255") + " " + sbyte.Parse("-128") + " " + short.Parse("-32768") + " " + ushort.Parse("65535") + " " + uint.Parse("-0"));
        Console.WriteLine(int.Parse("ff", NumberStyles.HexNumber) + " " + int.Parse("FFFFFFFF", NumberStyles.HexNumber) + " " + long.Parse("7fffffffffffffff", NumberStyles.HexNumber) + " " + byte.Parse("80", NumberStyles.HexNumber) + " " + sbyte.Parse("80", NumberStyles.HexNumber));
        Console.WriteLine(int.Parse("1,234,567", NumberStyles.Integer | NumberStyles.AllowThousands) + " " + uint.Parse(" 10 ", NumberStyles.Integer, CultureInfoless()) );
        Console.WriteLine(int.TryParse((string)null, out int z) + " " + z + " " + uint.TryParse("-1", out uint u) + " " + byte.TryParse("256", out byte b) + " " + ulong.TryParse("18446744073709551616", out ulong ul) + " " + short.TryParse("-32769", out short sh));
        string[] overflowing = { "256", "-129", "32768", "65536", "4294967296", "9223372036854775808", "18446744073709551616", "-1" };
        for (int k = 0; k < overflowing.Length; k++)
        {
            try
            {
                switch (k)
                {
                    case 0: byte.Parse(overflowing[k]); break;
                    case 1: sbyte.Parse(overflowing[k]); break;
                    case 2: short.Parse(overflowing[k]); break;
                    case 3: ushort.Parse(overflowing[k]); break;
                    case 4: uint.Parse(overflowing[k]); break;
                    case 5: long.Parse(overflowing[k]); break;
                    case 6: ulong.Parse(overflowing[k]); break;
                    default: ulong.Parse(overflowing[k]); break;
                }
            }
            catch (OverflowException e) { Console.WriteLine(e.Message); }
        }
        try { int.Parse(null); } catch (ArgumentNullException e) { Console.WriteLine(e.Message); }
        try { long.Parse("12.5"); } catch (FormatException e) { Console.WriteLine(e.Message); }
        try { int.Parse("fg", NumberStyles.HexNumber); } catch (FormatException e) { Console.WriteLine(e.Message); }
        try { int.Parse("100000000", NumberStyles.HexNumber); } catch (OverflowException e) { Console.WriteLine(e.Message); }
        int sum = 0;
        foreach (string part in "10,20,x,30".Split(',')) if (int.TryParse(part, out int p)) sum += p;
        return sum;
    }

    static IFormatProvider CultureInfoless() => null;
}
