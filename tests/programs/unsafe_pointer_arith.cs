using System;

// Pointer arithmetic: p + n, p - n, p - q (element distance), *p++, p[i], comparisons, walking arrays and strings.
static unsafe class Program
{
    static int Sum(int* p, int n)
    {
        int s = 0;
        int* end = p + n;
        while (p < end) s += *p++;
        return s;
    }

    static void Fill(long* p, int n, long v) { for (int i = 0; i < n; i++) p[i] = v + i; }

    static int Strlen(char* s) { char* p = s; while (*p != '\0') p++; return (int)(p - s); }

    static int Main()
    {
        int[] arr = new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12 };
        fixed (int* p0 = arr)
        {
            Console.WriteLine(Sum(p0, arr.Length));
            Console.WriteLine(Sum(p0 + 4, 4));
            int* last = p0 + arr.Length - 1;
            Console.WriteLine(*last);
            Console.WriteLine(last - p0);
            Console.WriteLine(*(last - 3));
            Console.WriteLine(p0[7]);
            Console.WriteLine(last > p0);
            Console.WriteLine(last <= p0);
            Console.WriteLine((long)((byte*)last - (byte*)p0));

            int* q = p0;
            *q++ = 100;
            *q++ += 200;
            (*q)++;
            q += 2;
            *q-- = -1;
            *q = -2;
            for (int i = 0; i < 6; i++) { Console.Write(arr[i]); Console.Write(" "); }
            Console.WriteLine();

            // reverse in place with two pointers
            int* lo = p0, hi = p0 + arr.Length - 1;
            while (lo < hi) { int t = *lo; *lo++ = *hi; *hi-- = t; }
            for (int i = 0; i < arr.Length; i++) { Console.Write(arr[i]); Console.Write(" "); }
            Console.WriteLine();
        }

        long* buf = stackalloc long[16];
        Fill(buf, 16, 1000000000000L);
        long* lp = buf + 15;
        Console.WriteLine(*lp);
        Console.WriteLine(lp - buf);
        Console.WriteLine(buf[8]);
        long acc = 0;
        for (long* it = buf; it < buf + 16; it += 3) acc += *it;
        Console.WriteLine(acc);

        string s = "pointer walk";
        fixed (char* cs = s)
        {
            Console.WriteLine(Strlen(cs));
            char* c = cs;
            int spaces = 0;
            while (*c != 0) { if (*c == ' ') spaces++; c++; }
            Console.WriteLine(spaces);
            Console.WriteLine(*(cs + 8));
        }
        return (int)(acc % 256);
    }
}
