// String building with +: strings with ints, longs, negative numbers, doubles, floats, chars, bools,
// uints and ulongs, null strings, concatenation of many parts, compound +=, and the resulting lengths.
using System;

static class Program
{
    static int Main()
    {
        string s = "n=" + 42 + ", neg=" + -17 + ", long=" + 9000000000L + ", min=" + int.MinValue;
        Console.WriteLine(s);
        Console.WriteLine("d=" + 0.1 + " " + 1.0 / 3 + " " + 1e21 + " " + -0.0 + " " + 2.5e-7 + " f=" + 1.1f);
        Console.WriteLine("c=" + 'x' + 'y' + " b=" + true + "/" + false + " u=" + 4000000000u + " ul=" + ulong.MaxValue);
        Console.WriteLine('a' + 'b' + "<-int sum, string->" + 'a' + 'b');
        Console.WriteLine(1 + 2 + "3" + 4 + 5);
        string nothing = null;
        Console.WriteLine("[" + nothing + "]" + ("x" + nothing).Length);
        string acc = "";
        for (int i = 0; i < 10; i++) acc += i % 3 == 0 ? i.ToString() : "-";
        Console.WriteLine(acc);
        string many = "a" + 1 + "b" + 2 + "c" + 3 + "d" + 4 + "e" + 5 + "f" + 6L + "g" + 7.5 + "h";
        Console.WriteLine(many + " " + many.Length);
        byte by = 255; sbyte sb = -128; short sh = -32768; ushort us = 65535;
        Console.WriteLine("small " + by + " " + sb + " " + sh + " " + us);
        return (s.Length + many.Length + acc.Length) & 0xFF;
    }
}
