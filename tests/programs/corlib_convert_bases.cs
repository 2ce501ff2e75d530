// Convert's radix overloads: ToInt32/ToInt64/ToByte/ToSByte/ToInt16/ToUInt16/ToUInt32/ToUInt64(string,
// fromBase) in bases 2, 8, 10 and 16 ("0x" prefixes, signs, two's complement above the signed range,
// null strings are 0), ToString(byte/short/int/long, toBase) (negative values as two's complement),
// and the failures: invalid bases, empty strings, junk, minus signs outside base 10, overflow.
using System;

static class Program
{
    static int failures;

    static void Try(string label, Func<object> f)
    {
        try { Console.WriteLine(label + " = " + f()); }
        catch (Exception e) { failures++; Console.WriteLine(label + " ! " + e.GetType().Name + ": " + e.Message); }
    }

    static int Main()
    {
        string[] inputs = { "0", "1", "101", "-101", "+17", "7f", "7F", "0x7f", "0X1A", "0x", "x1", "ff", "FF", "80", "377", "777",
            "7fffffff", "80000000", "ffffffff", "100000000", "2147483647", "2147483648", "-2147483648", "-2147483649",
            "4294967295", "4294967296", "11111111111111111111111111111111", "100000000000000000000000000000000",
            "17777777777", "37777777777", "40000000000", "7fffffffffffffff", "8000000000000000", "ffffffffffffffff",
            "10000000000000000", "9223372036854775807", "9223372036854775808", "-9223372036854775808", "18446744073709551615",
            "18446744073709551616", "255", "256", "-1", "-0", "127", "128", "-128", "-129", "32767", "32768", "65535", "65536",
            "", " 1", "1 ", "12a", "z", "--1", "+-1", "-", "+", "0x-1", "-0x1", "00000000000000000000000000000000000012", "١" };
        int[] bases = { 2, 8, 10, 16 };
        foreach (string s in inputs)
        {
            foreach (int b in bases)
            {
                string tag = "\"" + s + "\"/" + b;
                Try(tag + " i32", () => Convert.ToInt32(s, b));
                Try(tag + " i64", () => Convert.ToInt64(s, b));
                Try(tag + " u8", () => Convert.ToByte(s, b));
                Try(tag + " i8", () => Convert.ToSByte(s, b));
                Try(tag + " i16", () => Convert.ToInt16(s, b));
                Try(tag + " u16", () => Convert.ToUInt16(s, b));
                Try(tag + " u32", () => Convert.ToUInt32(s, b));
                Try(tag + " u64", () => Convert.ToUInt64(s, b));
            }
        }
        Try("null i32", () => Convert.ToInt32(null, 16));
        Try("null i64", () => Convert.ToInt64(null, 2));
        Try("null u8", () => Convert.ToByte(null, 8));
        Try("null u64", () => Convert.ToUInt64(null, 10));
        foreach (int b in new[] { 0, 1, 3, 7, 9, 11, 15, 17, 32, 36, -1 })
        {
            Try("base " + b + " i32", () => Convert.ToInt32("1", b));
            Try("base " + b + " i64", () => Convert.ToInt64("1", b));
            Try("base " + b + " u8", () => Convert.ToByte(null, b));
            Try("base " + b + " tostring", () => Convert.ToString(1, b));
            Try("base " + b + " tostring64", () => Convert.ToString(1L, b));
        }

        int[] ints = { 0, 1, -1, 7, 10, 255, 256, -256, 12345, -12345, int.MaxValue, int.MinValue, 0x5A5A5A5A };
        long[] longs = { 0, 1, -1, 8, 1L << 40, -(1L << 40), long.MaxValue, long.MinValue, 0x0123456789ABCDEF };
        foreach (int b in bases)
        {
            foreach (int v in ints) Console.WriteLine("int " + v + " base " + b + ": " + Convert.ToString(v, b));
            foreach (long v in longs) Console.WriteLine("long " + v + " base " + b + ": " + Convert.ToString(v, b));
            foreach (short v in new short[] { 0, 1, -1, 300, short.MinValue, short.MaxValue }) Console.WriteLine("short " + v + " base " + b + ": " + Convert.ToString(v, b));
            foreach (byte v in new byte[] { 0, 1, 127, 128, 255 }) Console.WriteLine("byte " + v + " base " + b + ": " + Convert.ToString(v, b));
        }
        // Round trips through every base.
        long checksum = 0;
        ulong state = 88172645463325252UL;
        for (int i = 0; i < 2000; i++)
        {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            long v = (long)state >> (i % 64);
            int w = (int)v;
            foreach (int b in bases)
            {
                string s64 = Convert.ToString(v, b);
                string s32 = Convert.ToString(w, b);
                if (Convert.ToInt64(s64, b) != v || Convert.ToInt32(s32, b) != w) { Console.WriteLine("round trip failed " + v + " " + b); failures++; }
                checksum = checksum * 31 + s64.Length * 7 + s32.Length + (b == 10 && v < 0 ? 0 : (long)Convert.ToUInt64(s64, b));
            }
        }
        Console.WriteLine("checksum " + checksum);
        return failures & 0xFF;
    }
}
