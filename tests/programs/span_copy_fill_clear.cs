using System;

// Span<T>.CopyTo (including overlapping copies within one array), Fill and Clear on several element types.
static class Program
{
    static void Print(Span<int> s)
    {
        for (int i = 0; i < s.Length; i++) { Console.Write(s[i]); Console.Write(" "); }
        Console.WriteLine();
    }

    static int Main()
    {
        int[] src = new int[] { 1, 2, 3, 4, 5, 6, 7, 8 };
        int[] dst = new int[10];
        src.AsSpan().CopyTo(dst);
        Print(dst);
        src.AsSpan().Slice(5).CopyTo(dst.AsSpan().Slice(7));
        Print(dst);

        // overlapping: shift right by 2 within the same array (memmove semantics)
        int[] ov = new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        ov.AsSpan().Slice(0, 8).CopyTo(ov.AsSpan().Slice(2));
        Print(ov);
        // shift left by 3
        int[] ov2 = new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };
        ov2.AsSpan().Slice(3).CopyTo(ov2);
        Print(ov2);

        Span<int> filled = stackalloc int[7];
        filled.Fill(42);
        Print(filled);
        filled.Slice(2, 3).Fill(-1);
        Print(filled);
        filled.Slice(5).Clear();
        Print(filled);
        filled.Clear();
        Print(filled);

        long[] longs = new long[6];
        longs.AsSpan().Fill(long.MinValue);
        Console.WriteLine(longs[5]);
        longs.AsSpan().Slice(1, 4).Clear();
        for (int i = 0; i < longs.Length; i++) { Console.Write(longs[i]); Console.Write(" "); }
        Console.WriteLine();

        Span<byte> bytes = stackalloc byte[33];
        bytes.Fill(0xAB);
        int bsum = 0;
        for (int i = 0; i < bytes.Length; i++) bsum += bytes[i];
        Console.WriteLine(bsum);

        Span<char> cs = stackalloc char[12];
        cs.Fill('-');
        "hello".AsSpan().CopyTo(cs.Slice(3));
        for (int i = 0; i < cs.Length; i++) Console.Write(cs[i]);
        Console.WriteLine();

        double[] ds = new double[5];
        ds.AsSpan().Fill(0.1);
        double dsum = 0;
        for (int i = 0; i < ds.Length; i++) dsum += ds[i];
        Console.WriteLine(dsum);

        // copy from a stackalloc span into an array and back
        Span<short> tmp = stackalloc short[4];
        tmp[0] = -1; tmp[1] = 300; tmp[2] = short.MinValue; tmp[3] = 7;
        short[] sa = new short[4];
        tmp.CopyTo(sa);
        tmp.Clear();
        sa.AsSpan().Slice(2).CopyTo(tmp);
        Console.WriteLine(sa[2]);
        Console.WriteLine(tmp[0]);
        Console.WriteLine(tmp[1]);
        Console.WriteLine(tmp[3]);
        return bsum % 256;
    }
}
