// checked arithmetic: add, subtract, multiply, negate and ++ overflowing for int, long, uint and
// ulong; checked conversions (long->int, int->byte, double->int, negative->uint); unchecked blocks
// nested in checked code wrapping silently; every overflow caught and counted.
using System;

static class Program
{
    static int caught;
    static void Try(string what, Func<long> f)
    {
        try { Console.WriteLine(what + " = " + f()); }
        catch (OverflowException e) { caught++; Console.WriteLine(what + " overflow: " + e.Message); }
    }

    static int Main()
    {
        int big = int.MaxValue, small = int.MinValue; int shift = 40, three = 300; double huge = 3e10; long lbig = long.MaxValue; uint u0 = 0; ulong ubig = ulong.MaxValue;
        Try("int add", () => checked(big + 1));
        Try("int sub", () => checked(small - 1));
        Try("int mul", () => checked(big / 2 * 3));
        Try("int neg", () => checked(-small));
        Try("int ok", () => checked(big - 1 + 1));
        Try("long mul", () => checked(lbig * 2));
        Try("long ok", () => checked(lbig / 3 * 2));
        Try("uint sub", () => checked(u0 - 1u));
        Try("ulong add", () => (long)checked(ubig + 1UL));
        Try("long->int", () => checked((int)(1L << shift)));
        Try("int->byte", () => checked((byte)three));
        Try("int->byte ok", () => checked((byte)(three - 100)));
        Try("double->int", () => checked((int)huge));
        Try("neg->uint", () => checked((uint)(big - small + 0L - 4294967296L - 1)));
        Try("unchecked inside", () => checked(unchecked(big + 1) + 0));
        Try("incr", () => { int x = big; checked { x++; } return x; });
        int wrapped = unchecked(big * 3);
        long sum = 0;
        for (int i = 0; i < 50; i++) { try { checked { sum += (long)big * i * i * i * 1000; } } catch (OverflowException) { caught++; break; } }
        Console.WriteLine("wrapped " + wrapped + " sum " + sum + " caught " + caught);
        return caught;
    }
}
