#nullable disable
using System;

// 'fixed' on arrays (including array elements and empty arrays) and on strings; reading string characters through char*.
static unsafe class Program
{
    static uint Checksum(byte* p, int n)
    {
        uint h = 0;
        for (int i = 0; i < n; i++) h = (h << 5) - h + p[i];
        return h;
    }

    static int Main()
    {
        byte[] data = new byte[64];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i * 7 + 3);
        fixed (byte* p = data)
        {
            Console.WriteLine(Checksum(p, data.Length));
            Console.WriteLine(Checksum(p + 10, 20));
            p[0] = 255;
        }
        Console.WriteLine(data[0]);

        fixed (byte* mid = &data[32])
        {
            Console.WriteLine(*mid);
            Console.WriteLine(mid[-1]);
            mid[1] = 1;
        }
        Console.WriteLine(data[33]);

        int[] empty = new int[0];
        fixed (int* pe = empty)
        {
            Console.WriteLine(pe == null);
        }
        int[] nothing = null;
        fixed (int* pn = nothing)
        {
            Console.WriteLine(pn == null);
        }

        string text = "Fixed strings: ü中😀";
        fixed (char* pc = text)
        {
            int n = 0;
            int sum = 0;
            for (char* c = pc; *c != '\0'; c++) { n++; sum += *c; }
            Console.WriteLine(n);
            Console.WriteLine(text.Length);
            Console.WriteLine(sum);
            Console.WriteLine(pc[6]);
            Console.WriteLine((int)pc[text.Length]);   // the terminating NUL
            ushort* pu = (ushort*)pc;
            Console.WriteLine(pu[15]);
            Console.WriteLine(pu[16]);
        }

        double[] ds = new double[] { 1.5, 2.5, 3.5, 4.5 };
        double total = 0;
        fixed (double* pd = ds)
        {
            double* end = pd + ds.Length;
            for (double* q = pd; q < end; q++) { *q *= 2; total += *q; }
        }
        Console.WriteLine(total);
        Console.WriteLine(ds[3]);

        // two fixed statements nested, copying between arrays
        int[] src = new int[] { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 };
        int[] dst = new int[10];
        fixed (int* ps = src)
        fixed (int* pd2 = dst)
        {
            for (int i = 0; i < 10; i++) pd2[i] = ps[9 - i] * ps[i];
        }
        int chk = 0;
        for (int i = 0; i < 10; i++) { Console.Write(dst[i]); Console.Write(" "); chk += dst[i]; }
        Console.WriteLine();
        return chk;
    }
}
