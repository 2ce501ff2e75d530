using System;

// Array initializers: short ones (element-by-element stores) and long ones (>= 10 elements: RuntimeHelpers.InitializeArray
// copies a blob of constant data), for several element types.
static class Program
{
    static int[] s_primes = new int[] { 2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71 };

    static int Main()
    {
        int[] small = new int[] { 7, -8, 9 };
        int[] big = new int[] { 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 1000000, int.MinValue, int.MaxValue };
        byte[] bytes = new byte[] { 0, 1, 2, 3, 0x7F, 0x80, 0xFE, 0xFF, 10, 20, 30, 40, 50 };
        sbyte[] sbytes = new sbyte[] { -128, -1, 0, 1, 127, -2, -3, -4, -5, -6, -7 };
        short[] shorts = new short[] { -32768, -1, 0, 1, 32767, 1000, -1000, 2000, -2000, 3000 };
        ushort[] ushorts = new ushort[] { 0, 1, 65535, 32768, 4, 5, 6, 7, 8, 9, 10 };
        long[] longs = new long[] { long.MinValue, -1, 0, 1, long.MaxValue, 1L << 40, -(1L << 40), 3, 4, 5, 6 };
        ulong[] ulongs = new ulong[] { ulong.MaxValue, 0, 1, 2, 3, 4, 5, 6, 7, 1UL << 63 };
        double[] doubles = new double[] { 0.1, 0.2, 0.3, -0.0, 1e300, -1e-300, 3.5, 4.5, 5.5, 6.5, 7.25 };
        float[] floats = new float[] { 0.1f, 0.2f, 0.3f, -1.5f, 2.5f, 1e30f, 1e-30f, 8, 9, 10 };
        char[] chars = new char[] { 'H', 'e', 'l', 'l', 'o', ',', ' ', 'é', '中', '!', '?' };
        bool[] bools = new bool[] { true, false, true, true, false, false, true, false, true, true, false };
        uint[] uints = new uint[] { 0xFFFFFFFF, 0x80000000, 1, 2, 3, 4, 5, 6, 7, 8 };
        double[] shortD = new double[] { 1.5, -2.5 };
        char[] shortC = new char[] { 'o', 'k' };

        long acc = 0;
        for (int i = 0; i < small.Length; i++) { Console.Write(small[i]); Console.Write(" "); acc += small[i]; }
        Console.WriteLine();
        for (int i = 0; i < big.Length; i++) { Console.Write(big[i]); Console.Write(" "); acc += big[i]; }
        Console.WriteLine();
        for (int i = 0; i < bytes.Length; i++) { Console.Write(bytes[i]); Console.Write(" "); acc += bytes[i]; }
        Console.WriteLine();
        for (int i = 0; i < sbytes.Length; i++) { Console.Write(sbytes[i]); Console.Write(" "); acc += sbytes[i]; }
        Console.WriteLine();
        for (int i = 0; i < shorts.Length; i++) { Console.Write(shorts[i]); Console.Write(" "); acc += shorts[i]; }
        Console.WriteLine();
        for (int i = 0; i < ushorts.Length; i++) { Console.Write(ushorts[i]); Console.Write(" "); acc += ushorts[i]; }
        Console.WriteLine();
        for (int i = 0; i < longs.Length; i++) { Console.Write(longs[i]); Console.Write(" "); acc ^= longs[i]; }
        Console.WriteLine();
        for (int i = 0; i < ulongs.Length; i++) { Console.Write(ulongs[i]); Console.Write(" "); acc += (long)ulongs[i]; }
        Console.WriteLine();
        for (int i = 0; i < doubles.Length; i++) { Console.Write(doubles[i]); Console.Write(" "); }
        Console.WriteLine();
        for (int i = 0; i < floats.Length; i++) { Console.Write(floats[i]); Console.Write(" "); }
        Console.WriteLine();
        for (int i = 0; i < chars.Length; i++) Console.Write(chars[i]);
        Console.WriteLine();
        for (int i = 0; i < bools.Length; i++) Console.Write(bools[i] ? "1" : "0");
        Console.WriteLine();
        for (int i = 0; i < uints.Length; i++) { Console.Write(uints[i]); Console.Write(" "); }
        Console.WriteLine();
        Console.WriteLine(shortD[0] + shortD[1]);
        Console.Write(shortC[0]);
        Console.WriteLine(shortC[1]);

        int psum = 0;
        for (int i = 0; i < s_primes.Length; i++) psum += s_primes[i];
        Console.WriteLine(psum);
        Console.WriteLine(acc);
        // the initializer data must not be shared between two arrays created from the same initializer
        int[] again = new int[] { 1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 1000000, int.MinValue, int.MaxValue };
        big[0] = 42;
        Console.WriteLine(again[0]);
        return psum % 256;
    }
}
