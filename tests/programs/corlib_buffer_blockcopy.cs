// Buffer.BlockCopy between arrays of primitive types (byte offsets, overlapping copies within one
// array, int to byte and back, double and char arrays), Buffer.ByteLength, and the failures: null
// arrays, arrays of non-primitive elements (strings, decimals, structs), negative offsets and counts,
// ranges past either end.
using System;

static class Program
{
    struct Pair { public int A; public int B; }
    enum Color { Red, Green, Blue }

    static string Hex(byte[] bytes)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var b in bytes) sb.Append(b.ToString("X2"));
        return sb.ToString();
    }

    static int Main()
    {
        int[] ints = { 0x01020304, 0x05060708, -1, 0x7FFFFFFF };
        byte[] bytes = new byte[20];
        Buffer.BlockCopy(ints, 0, bytes, 2, 16);
        Console.WriteLine(Hex(bytes));
        Buffer.BlockCopy(ints, 3, bytes, 0, 5);
        Console.WriteLine(Hex(bytes));
        int[] back = new int[5];
        Buffer.BlockCopy(bytes, 2, back, 4, 16);
        Console.WriteLine(string.Join(",", back));

        byte[] overlap = { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 };
        Buffer.BlockCopy(overlap, 0, overlap, 3, 6);
        Console.WriteLine(Hex(overlap));
        Buffer.BlockCopy(overlap, 4, overlap, 1, 6);
        Console.WriteLine(Hex(overlap));

        double[] doubles = { 1.5, -2.25, Math.PI };
        long[] longs = new long[3];
        Buffer.BlockCopy(doubles, 0, longs, 0, 24);
        Console.WriteLine(longs[0].ToString("X16") + " " + longs[1].ToString("X16") + " " + longs[2].ToString("X16"));
        char[] chars = "Hello, world".ToCharArray();
        short[] shorts = new short[6];
        Buffer.BlockCopy(chars, 4, shorts, 0, 12);
        Console.WriteLine(string.Join(",", shorts));
        bool[] flags = { true, false, true };
        sbyte[] sbytes = new sbyte[4];
        Buffer.BlockCopy(flags, 0, sbytes, 1, 3);
        Console.WriteLine(string.Join(",", sbytes));
        ulong[] ulongs = { ulong.MaxValue, 0x0123456789ABCDEF };
        uint[] uints = new uint[4];
        Buffer.BlockCopy(ulongs, 0, uints, 0, 16);
        Console.WriteLine(string.Join(",", uints));
        float[] floats = { 1f, -0f };
        ushort[] ushorts = new ushort[4];
        Buffer.BlockCopy(floats, 0, ushorts, 0, 8);
        Console.WriteLine(string.Join(",", ushorts));
        nint[] nints = { -2, 3 };
        nuint[] nuints = new nuint[2];
        Buffer.BlockCopy(nints, 0, nuints, 0, 16);
        Console.WriteLine(nuints[0] + " " + nuints[1]);
        Buffer.BlockCopy(bytes, 20, ints, 16, 0);
        Buffer.BlockCopy(new byte[0], 0, new int[0], 0, 0);

        Console.WriteLine(Buffer.ByteLength(ints) + " " + Buffer.ByteLength(doubles) + " " + Buffer.ByteLength(chars) + " " + Buffer.ByteLength(new bool[7]) + " " + Buffer.ByteLength(new nint[3]));

        int failures = 0;
        var cases = new Action[]
        {
            () => Buffer.BlockCopy(null, 0, bytes, 0, 1),
            () => Buffer.BlockCopy(bytes, 0, null, 0, 1),
            () => Buffer.BlockCopy(null, 0, null, 0, 1),
            () => Buffer.BlockCopy(new string[2], 0, bytes, 0, 1),
            () => Buffer.BlockCopy(bytes, 0, new object[2], 0, 1),
            () => Buffer.BlockCopy(new decimal[2], 0, bytes, 0, 1),
            () => Buffer.BlockCopy(bytes, 0, new Pair[2], 0, 1),
            () => Buffer.BlockCopy(bytes, -1, ints, 0, 1),
            () => Buffer.BlockCopy(bytes, 0, ints, -1, 1),
            () => Buffer.BlockCopy(bytes, 0, ints, 0, -1),
            () => Buffer.BlockCopy(bytes, 15, ints, 0, 6),
            () => Buffer.BlockCopy(bytes, 0, ints, 12, 5),
            () => Buffer.BlockCopy(bytes, 21, ints, 0, 0),
            () => Buffer.BlockCopy(bytes, 0, ints, 17, 0),
            () => Buffer.BlockCopy(bytes, int.MaxValue, ints, 0, int.MaxValue),
            () => Buffer.BlockCopy(new string[1], -1, new Pair[1], -1, -1),
            () => Buffer.ByteLength(null),
            () => Buffer.ByteLength(new string[3]),
            () => Buffer.ByteLength(new decimal[3]),
        };
        foreach (var bad in cases)
        {
            try { bad(); Console.WriteLine("no exception"); }
            catch (Exception e) { failures++; Console.WriteLine(e.GetType().Name + ": " + e.Message); }
        }
        Console.WriteLine(Hex(bytes) + " " + string.Join(",", ints));
        return failures;
    }
}
